"""Which kind of file this is, which CRM wrote it, and which column feeds which field.

Decided from the header row alone, by matching header spellings against the
presets (literal export headers of each CRM) and the generic synonyms.
Detection is *sure* when every required field of the best kind is matched
and no other kind matches as well; otherwise the app asks the user to
confirm a mapping and the CLI asks for `--kind` / `--source`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache

from dashboard.ingest.presets import PRESETS, SYNONYMS, Preset, normalise_header, presets_for
from dashboard.ingest.schema import KINDS

SOURCES: tuple[str, ...] = tuple(dict.fromkeys(p.source for p in PRESETS))
_PARENTHETICAL = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")


@dataclass
class Detection:
    """The outcome of matching one header row."""

    headers: list[str]
    kind: str | None
    source: str | None
    mapping: dict[str, int]  # canonical field -> column index in `headers`
    missing: list[str] = field(default_factory=list)  # required fields not matched
    sure: bool = False
    duration_unit: str = "minutes"
    alternatives: list[str] = field(default_factory=list)  # other kinds that fit as well

    @property
    def unmatched_headers(self) -> list[str]:
        used = set(self.mapping.values())
        return [h for i, h in enumerate(self.headers) if i not in used and h]

    @property
    def mapping_by_header(self) -> dict[str, str]:
        """canonical field -> header text (what the user sees and profiles store)."""
        return {f: self.headers[i] for f, i in self.mapping.items()}


def header_forms(header: str) -> tuple[str, ...]:
    """The comparison forms of a header: whole, and without a trailing '(unit)'."""
    whole = normalise_header(header.lstrip("\ufeff").strip().strip('"').strip().rstrip(":*"))
    bare = normalise_header(_PARENTHETICAL.sub("", whole))
    return (whole, bare) if bare and bare != whole else (whole,)


@cache
def _spellings(kind: str, source: str | None) -> dict[str, tuple[str, ...]]:
    """Normalised spellings per field for one kind: the source's preset first, then synonyms."""
    ordered: dict[str, list[str]] = {f: [] for f in KINDS[kind].field_names}
    chosen = [p for p in presets_for(kind) if p.source == source] if source else []
    generic = [p for p in presets_for(kind) if p.source == "generic"]
    for preset in [*chosen, *generic]:
        for name, spellings in preset.headers.items():
            ordered[name].extend(normalise_header(s) for s in spellings)
    for name, spellings in SYNONYMS.get(kind, {}).items():
        ordered[name].extend(normalise_header(s) for s in spellings)
    return {f: tuple(dict.fromkeys(s)) for f, s in ordered.items()}


@cache
def _known_spellings() -> frozenset[str]:
    known = {normalise_header(s) for p in PRESETS for spellings in p.headers.values() for s in spellings}
    known |= {normalise_header(s) for fields in SYNONYMS.values() for ss in fields.values() for s in ss}
    return frozenset(known)


def header_score(cells: list[str]) -> int:
    """How many cells of a row are known header spellings (finds the header row)."""
    known = _known_spellings()
    return sum(1 for c in cells if c and any(form in known for form in header_forms(c)))


def _match(headers: list[str], kind: str, source: str | None) -> dict[str, int]:
    forms = [header_forms(h) if h else () for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for name, spellings in _spellings(kind, source).items():
        for spelling in spellings:
            index = next((i for i, f in enumerate(forms) if i not in used and spelling in f), None)
            if index is not None:
                mapping[name] = index
                used.add(index)
                break
    return mapping


def _literal_matches(headers: list[str], preset: Preset) -> int:
    spellings = {normalise_header(s) for ss in preset.headers.values() for s in ss}
    return sum(1 for h in headers if h and header_forms(h)[0] in spellings)


def _best_source(headers: list[str], kind: str) -> str:
    """The CRM whose literal spellings match most headers; generic wins ties."""
    scored = [(_literal_matches(headers, p), p.source == "generic", p.source) for p in presets_for(kind)]
    return max(scored)[2] if scored else "generic"


def detect(headers: list[str], kind: str | None = None, source: str | None = None) -> Detection:
    """Best kind, source and mapping for a header row (restricted by `kind` / `source`)."""
    kinds = [kind] if kind else list(KINDS)
    ranked = []
    for k in kinds:
        best_source = source or _best_source(headers, k)
        mapping = _match(headers, k, best_source)
        missing = [f for f in KINDS[k].required if f not in mapping]
        ranked.append(((not missing, len(mapping)), k, best_source, mapping, missing))
    ranked.sort(key=lambda r: r[0], reverse=True)
    score, best_kind, best_source, mapping, missing = ranked[0]
    rivals = [k for s, k, *_ in ranked[1:] if s == score]
    if not mapping:
        return Detection(headers, None, None, {}, list(KINDS[best_kind].required) if kind else [])
    return Detection(
        headers=headers,
        kind=best_kind,
        source=best_source,
        mapping=mapping,
        missing=missing,
        sure=not missing and not rivals,
        duration_unit=_duration_unit(headers, mapping, best_kind, best_source),
        alternatives=rivals,
    )


def from_mapping(headers: list[str], kind: str, source: str, mapping: dict[str, str]) -> Detection:
    """A detection the user confirmed: `mapping` is canonical field -> header text.

    Headers are matched as signatures match them (case and spacing aside), so a
    saved profile also fits next week's 'WHO ' for this week's 'Who'.
    """
    exact = {h: i for i, h in reversed(list(enumerate(headers)))}
    loose = {header_forms(h)[0]: i for i, h in reversed(list(enumerate(headers))) if h}
    resolved = {
        f: exact[h] if h in exact else loose[header_forms(h)[0]]
        for f, h in mapping.items()
        if f in KINDS[kind].field_names and (h in exact or (h and header_forms(h)[0] in loose))
    }
    missing = [f for f in KINDS[kind].required if f not in resolved]
    return Detection(
        headers=headers,
        kind=kind,
        source=source,
        mapping=resolved,
        missing=missing,
        sure=not missing,
        duration_unit=_duration_unit(headers, resolved, kind, source),
    )


def signature(headers: list[str]) -> str:
    """Identifies a header row (for saved mapping profiles), ignoring case and spacing."""
    joined = "\x1f".join(header_forms(h)[0] if h else "" for h in headers)
    return hashlib.sha256(joined.encode()).hexdigest()


_UNIT_HINTS = (
    (re.compile(r"\b(ms|millis(econds?)?)\b"), "milliseconds"),
    (re.compile(r"\b(s|sec|secs|seconds?|in seconds)\b"), "seconds"),
    (re.compile(r"\b(h|hr|hrs|hours?)\b"), "hours"),
    (re.compile(r"\b(m|min|mins|minutes?)\b"), "minutes"),
)


def _duration_unit(headers: list[str], mapping: dict[str, int], kind: str, source: str | None) -> str:
    """Unit of bare numbers in the duration column: preset, else a hint in the header."""
    if "duration" not in mapping:
        return "minutes"
    header = headers[mapping["duration"]]
    whole = header_forms(header)[0]
    for preset in presets_for(kind):
        if preset.source == source:
            for spelling, unit in preset.duration_units.items():
                if normalise_header(spelling) == whole:
                    return unit
    for pattern, unit in _UNIT_HINTS:
        if pattern.search(whole):
            return unit
    return "minutes"
