"""Which kind of file this is, which CRM wrote it, and which column feeds which field.

A scored matcher. Every (field, column) pair gets a header score, from how the
header is spelled (the CRM's own label, another CRM's, a generic wording, the same
without a unit or a CRM prefix such as `Deal - `, or only a keyword), times a value
score, from a sample of the column (an amount column must hold numbers, a date
column dates, an owner column names, e-mails or user IDs). Columns are assigned
best score first; a kind fits when its required fields are all assigned. (`spelling` scores the
headers.) The result is *sure* only when one kind clearly fits, no required field rests on a
keyword guess, no two columns tie for a field and the file is not mostly
unrecognised; otherwise `doubts` says why, and the app asks instead of guessing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dashboard.ingest import spelling, values
from dashboard.ingest.presets import SOURCES, normalise_header
from dashboard.ingest.presets.generic import IMPLIED_TYPES
from dashboard.ingest.schema import KINDS
from dashboard.ingest.spelling import header_forms, header_score

__all__ = [
    "JOIN",
    "SOURCES",
    "Detection",
    "detect",
    "from_mapping",
    "header_forms",
    "header_score",
    "overlay",
]

JOIN = "+"  # "First Name+Last Name": two columns joined into one field (mapping screen, --map)

GUESS_BELOW = 0.6  # a required field scored under this is a guess: ask
MIN_SHARE = 0.5  # a column whose values mostly lack the field's shape is refused
RIVAL_RATIO = 0.8  # another kind scoring this close to the best one: ask
WEAK_COVERAGE = 0.3  # under this share of filled columns recognised (and < 3 fields): ask

_OLD_SEPARATORS = re.compile(r"[_\-\s]+")


@dataclass
class Detection:
    """The outcome of matching one header row (and a sample of the rows under it)."""

    headers: list[str]
    kind: str | None
    source: str | None
    mapping: dict[str, int]  # canonical field -> column index in `headers`
    missing: list[str] = field(default_factory=list)  # required fields not matched
    sure: bool = False
    duration_unit: str = "minutes"
    alternatives: list[str] = field(default_factory=list)  # other kinds that fit as well
    joins: dict[str, int] = field(default_factory=dict)  # field -> second column, joined with a space
    doubts: list[str] = field(default_factory=list)  # why the app should ask, in words
    refused: list[str] = field(default_factory=list)  # columns whose values refuted their header
    implied_type: str | None = None  # the type of every row of an export of one activity type
    other_readings: list[str] = field(default_factory=list)  # other kinds the file could be, and why not
    amount_divisor: float = 1.0  # amounts in cents (Close): 100
    names_by_id: bool = False  # the sampled rep / owner column names people by user ID
    day_first: bool = False  # dates whose cells read both ways are day first (the date headers' language)

    def column_names(self) -> list[str]:
        """Canonical names for mapped columns (`<field>__2` for a joined second column), `unmapped_<i>`
        for the rest: all allow-listed."""
        by_index = {i: f for f, i in self.mapping.items()}
        by_index |= {i: f"{f}__2" for f, i in self.joins.items()}
        return [by_index.get(i, f"unmapped_{i}") for i in range(len(self.headers))]

    @property
    def unmatched_headers(self) -> list[str]:
        used = set(self.mapping.values()) | set(self.joins.values())
        return [h for i, h in enumerate(self.headers) if i not in used and h]

    @property
    def mapping_by_header(self) -> dict[str, str]:
        """canonical field -> header text, 'A+B' for joined columns (what users see and profiles store)."""
        named = {f: self.headers[i] for f, i in self.mapping.items()}
        for f, i in self.joins.items():
            named[f] = f"{named[f]}{JOIN}{self.headers[i]}"
        return named


def _column(sample: Sequence[Sequence[str]], index: int) -> list[str]:
    return [row[index] for row in sample if index < len(row)]


@dataclass
class _Fit:
    """One kind's best assignment of columns to fields."""

    kind: str
    source: str
    mapping: dict[str, int]
    scores: dict[str, float]
    missing: list[str]
    doubts: list[str]
    refused: list[str]

    weak: list[str] = field(default_factory=list)  # why the file may be another kind after all

    @property
    def solid(self) -> bool:
        """Every required field assigned, none of them by a mere keyword, and enough of the file fits."""
        required = KINDS[self.kind].required
        complete = not self.missing and all(self.scores.get(f, 1.0) >= GUESS_BELOW for f in required)
        return complete and not self.weak

    @property
    def total(self) -> float:
        required = set(KINDS[self.kind].required)
        return sum(s * (2 if f in required else 1) for f, s in self.scores.items())


def _fit(headers: list[str], kind: str, source: str, sample: Sequence[Sequence[str]]) -> _Fit:
    fields = {f.name: f for f in KINDS[kind].fields}
    candidates: list[tuple[float, int, int, str]] = []
    refused: list[str] = []
    for col, header in enumerate(headers):
        if not header.strip():
            continue
        column = _column(sample, col) if sample else []
        for name, header_points in spelling.scores(header, kind, source).items():
            share = values.shape_share(fields[name].shape, column)
            if share is not None and share < MIN_SHARE:
                if header_points >= spelling.PREFIX_DROPPED:
                    shown = ", ".join(repr(v) for v in values.examples(column))
                    label = fields[name].label.lower()
                    refused.append(f"{header!r} is not the {label}: its values ({shown}) do not fit")
                continue
            points = header_points * (1.0 if share is None else 0.7 + 0.3 * share)
            required_first = 0 if fields[name].required else 1
            candidates.append((-points, required_first, col, name))
    candidates.sort()
    mapping: dict[str, int] = {}
    scores: dict[str, float] = {}
    for negative, _, col, name in candidates:
        if name not in mapping and col not in mapping.values():
            mapping[name] = col
            scores[name] = -negative
    doubts = []
    for name, col in mapping.items():
        tied = [
            c
            for negative, _, c, n in candidates
            if n == name and c != col and c not in mapping.values() and abs(-negative - scores[name]) < 1e-9
        ]
        if tied:
            options = " or ".join(repr(headers[c]) for c in [col, *tied])
            doubts.append(f"the {fields[name].label.lower()} could be {options}")
        if fields[name].required and scores[name] < GUESS_BELOW:
            doubts.append(f"{headers[col]!r} is only a guess for the {fields[name].label.lower()}")
    fit = _Fit(kind, source, mapping, scores, KINDS[kind].missing(mapping), doubts, refused)
    if not fit.missing:
        fit.weak = _weak_fit(headers, fit)
    return fit


def detect(
    headers: list[str],
    kind: str | None = None,
    source: str | None = None,
    sample: Sequence[Sequence[str]] = (),
) -> Detection:
    """Best kind, source and mapping for a header row (restricted by `kind` / `source`).

    `sample`: the first data rows, as text, to check that values fit the fields.
    """
    kinds = [kind] if kind else list(KINDS)
    fits = [_fit(headers, k, source or spelling.best_source(headers, k), sample) for k in kinds]
    fits.sort(key=lambda f: (f.solid, f.total), reverse=True)
    best = fits[0]
    if not best.mapping:
        return Detection(headers, None, None, {}, list(KINDS[best.kind].required) if kind else [])
    rivals = [
        f.kind for f in fits[1:] if not f.missing and f.total >= RIVAL_RATIO * best.total and not _foreign(f)
    ]
    doubts = best.doubts + best.weak
    others = [
        f"{KINDS[f.kind].label.lower()}" + (f" ({'; '.join(f.weak)})" if f.weak else "")
        for f in fits[1:]
        if not f.missing and f.kind not in rivals
    ]
    return Detection(
        headers=headers,
        kind=best.kind,
        source=best.source,
        mapping=best.mapping,
        missing=best.missing,
        sure=not best.missing and not rivals and not doubts,
        duration_unit=_duration_unit(headers, best.mapping, best.kind, best.source),
        alternatives=rivals,
        doubts=doubts,
        refused=best.refused,
        other_readings=others if best.missing else [],
        implied_type=implied_type(headers, best.kind, best.mapping),
        amount_divisor=_amount_divisor(headers, best.mapping, best.kind, best.source),
        names_by_id=_names_by_id(best.mapping, best.kind, sample),
        day_first=_day_first(headers, best.mapping, best.kind),
    )


def implied_type(headers: list[str], kind: str, mapping: dict[str, int]) -> str | None:
    """The activity type an export of one kind of activity implies, when it has no type column
    (HubSpot's meetings export: 'Meeting name', 'Meeting outcome', and no 'Activity type')."""
    if kind != "activities" or "type" in mapping:
        return None
    forms = {header_forms(h)[0] for h in headers if h.strip()}
    implied = {
        t for t, spellings in IMPLIED_TYPES.items() if forms & {normalise_header(s) for s in spellings}
    }
    return implied.pop() if len(implied) == 1 else None


def _names_by_id(mapping: dict[str, int], kind: str, sample: Sequence[Sequence[str]]) -> bool:
    """Whether the sampled rep / owner column holds user IDs (Salesforce's OwnerId), not names."""
    column = next(
        (mapping[f] for f in ("rep", "owner") if f in mapping and kind in ("activities", "opportunities")),
        None,
    )
    return column is not None and any(values.looks_like_record_id(v) for v in _column(sample, column))


def _foreign(fit: _Fit) -> bool:
    """A kind of its own columns only (time off) with columns it does not know: never a rival."""
    return KINDS[fit.kind].own_columns_only and bool(fit.weak)


def _weak_fit(headers: list[str], fit: _Fit) -> list[str]:
    """Why a kind that fits may still be the wrong one: too little of the file recognised, or
    one column alone (a kind with a single required field) where the file has more."""
    filled = sum(1 for h in headers if h.strip())
    matched = len(fit.mapping)
    label = KINDS[fit.kind].label.lower()
    if matched < 3 and filled and matched / filled < WEAK_COVERAGE:
        return [f"only {matched} of its {filled} columns fit a {label}"]
    if KINDS[fit.kind].own_columns_only and matched < filled:
        unknown = ", ".join(
            repr(h) for i, h in enumerate(headers) if h.strip() and i not in fit.mapping.values()
        )
        return [f"a {label} file has no other columns (not recognised: {unknown})"]
    required = KINDS[fit.kind].required
    if len(required) == 1 and set(fit.mapping) <= set(required) and matched < filled:
        unmatched = ", ".join(
            repr(h) for i, h in enumerate(headers) if h.strip() and i not in fit.mapping.values()
        )
        return [f"beyond the required columns, nothing fits a {label} (not recognised: {unmatched})"]
    return []


def _resolve(headers: list[str], text: str) -> int | None:
    exact = {h: i for i, h in reversed(list(enumerate(headers)))}
    loose = {header_forms(h)[0]: i for i, h in reversed(list(enumerate(headers))) if h}
    if text in exact:
        return exact[text]
    return loose.get(header_forms(text)[0]) if text.strip() else None


def from_mapping(headers: list[str], kind: str, source: str, mapping: dict[str, str]) -> Detection:
    """A detection the user confirmed: `mapping` is canonical field -> header text ('A+B' joins two).

    Headers are matched as signatures match them (case and spacing aside), so a
    saved profile also fits next week's 'WHO ' for this week's 'Who'.
    """
    resolved: dict[str, int] = {}
    joins: dict[str, int] = {}
    for named, text in mapping.items():
        name = KINDS[kind].canonical(named)
        if name not in KINDS[kind].field_names:
            continue
        whole = _resolve(headers, text)
        if whole is not None:
            resolved[name] = whole
            continue
        parts = [_resolve(headers, part) for part in text.split(JOIN)]
        if len(parts) == 2 and None not in parts:
            resolved[name], joins[name] = parts  # type: ignore[assignment]
    missing = KINDS[kind].missing(resolved)
    return Detection(
        headers=headers,
        kind=kind,
        source=source,
        mapping=resolved,
        missing=missing,
        sure=not missing,
        duration_unit=_duration_unit(headers, resolved, kind, source),
        joins=joins,
        implied_type=implied_type(headers, kind, resolved),
        amount_divisor=_amount_divisor(headers, resolved, kind, source),
        names_by_id=True,  # no sample to tell: look at the stored names
        day_first=_day_first(headers, resolved, kind),
    )


def overlay(
    found: Detection | None, headers: list[str], kind: str, source: str | None, named: dict[str, str]
) -> Detection:
    """The user's mapping (field -> header, 'A+B' joins two) over a detection of the same kind:
    the detected fields keep their columns unless the user gave those columns to other fields."""
    named = {KINDS[kind].canonical(f): text for f, text in named.items()}
    taken = {part.strip() for text in named.values() for part in [text, *text.split(JOIN)]}
    detected = found.mapping_by_header if found else {}
    kept = {f: h for f, h in detected.items() if f not in named and not ({h, *h.split(JOIN)} & taken)}
    return from_mapping(headers, kind, source or "generic", kept | named)


def signature(headers: list[str]) -> str:
    """Identifies a header row (for saved mapping profiles), ignoring case and spacing."""
    joined = "\x1f".join(_signature_form(h) for h in headers)
    return hashlib.sha256(joined.encode()).hexdigest()


def _signature_form(header: str) -> str:
    """Casefold, `_`/`-` as spaces, whitespace collapsed: kept as it was, so saved profiles still match."""
    text = header.lstrip("\ufeff").strip().strip('"').strip().rstrip(":*")
    return _OLD_SEPARATORS.sub(" ", text.casefold()).strip() if text else ""


_UNIT_HINTS = (
    (re.compile(r"\b(ms|millis(econds?)?)\b"), "milliseconds"),
    (re.compile(r"\b(s|sec|secs|seconds?|in seconds)\b"), "seconds"),
    (re.compile(r"\b(h|hr|hrs|hours?)\b"), "hours"),
    (re.compile(r"\b(m|min|mins|minutes?)\b"), "minutes"),
)


def _amount_divisor(headers: list[str], mapping: dict[str, int], kind: str, source: str | None) -> float:
    """What the amount column's numbers are divided by (the preset's word, else 1)."""
    if "amount" not in mapping:
        return 1.0
    divisor = spelling.preset_unit(headers[mapping["amount"]], kind, source, "amount_divisors")
    return float(divisor) if isinstance(divisor, int | float) else 1.0


def _day_first(headers: list[str], mapping: dict[str, int], kind: str) -> bool:
    """Whether the mapped date columns' headers are in a day-first language (spelling.day_first_language)."""
    dates = [headers[col] for name, col in mapping.items() if KINDS[kind].field(name).type == "date"]
    return spelling.day_first_language(dates, kind)


def _duration_unit(headers: list[str], mapping: dict[str, int], kind: str, source: str | None) -> str:
    """Unit of bare numbers in the duration column: preset, else a hint in the header."""
    if "duration" not in mapping:
        return "minutes"
    header = headers[mapping["duration"]]
    unit = spelling.preset_unit(header, kind, source, "duration_units")
    if isinstance(unit, str):
        return unit
    whole = header_forms(header)[0]
    for pattern, unit in _UNIT_HINTS:
        if pattern.search(whole):
            return unit
    return "minutes"
