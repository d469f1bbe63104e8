"""How a header is spelled, and which canonical fields (and which CRM) its spelling names.

The header side of column matching (`detect` adds the values): the comparison forms of
a header, the index of every spelling the presets and synonyms list per kind, a header's
score for each field it may name, which CRM wrote a header row, and whether its date
headers are in a language that writes dates day first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard.ingest.presets import DAY_FIRST_LANGUAGES, SYNONYMS, normalise_header, presets_for
from dashboard.ingest.presets.generic import ENTITY_PREFIXES, KEYWORDS
from dashboard.ingest.schema import KINDS

MIN_SOURCE_POINTS = 2  # without a label of its own, a CRM is named on two shared labels at least

# Header scores by how the spelling was found.
OWN_LABEL = 1.0  # a label of the CRM that wrote the file
OTHER_LABEL = 0.95  # another CRM's label, or a generic snake_case name
SYNONYM = 0.9  # a generic wording
UNIT_DROPPED = 0.9  # ... of the header without its trailing '(unit)'
PREFIX_DROPPED = 0.85  # ... of the header without its CRM prefix ('Deal - ')
KEYWORD = 0.45  # only a keyword of the field appears in the header
PREFERENCE_STEP = 0.001  # earlier spellings of a field win over later ones

_PARENTHETICAL = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")
_PREFIX = re.compile(r"^\s*([^\W\d_][\w ]*?)\s*(?: - | – |: )\s*(.+)$")


def _strip_header(header: str) -> str:
    return header.lstrip("\ufeff").strip().strip('"').strip().rstrip(":*").strip()


@lru_cache(maxsize=8192)
def header_forms(header: str) -> tuple[str, ...]:
    """The comparison forms of a header: whole, then without a trailing '(unit)'."""
    text = _strip_header(header)
    whole = normalise_header(text)
    bare = normalise_header(_PARENTHETICAL.sub("", text))
    return (whole, bare) if bare and bare != whole else (whole,)


def _unprefixed(header: str, kind: str) -> str | None:
    """The header without a CRM's entity prefix for this kind ('Deal - Owner' -> 'owner')."""
    found = _PREFIX.match(_strip_header(header))
    if found and normalise_header(found[1]) in _prefixes(kind):
        return normalise_header(found[2])
    return None


@cache
def _prefixes(kind: str) -> frozenset[str]:
    return frozenset(normalise_header(p) for p in ENTITY_PREFIXES.get(kind, ()))


@dataclass(frozen=True)
class _Spelling:
    field: str
    origin: str  # a source (CRM or "generic"), or "synonym"
    position: int  # place among the field's spellings in its preset (0: preferred)


@cache
def _index(kind: str) -> dict[str, tuple[_Spelling, ...]]:
    """Normalised spelling -> every place it is listed for this kind."""
    found: dict[str, list[_Spelling]] = {}
    for preset in presets_for(kind):
        for name, spellings in preset.headers.items():
            for position, spelling in enumerate(spellings):
                found.setdefault(normalise_header(spelling), []).append(
                    _Spelling(name, preset.source, position)
                )
    for name, spellings in SYNONYMS.get(kind, {}).items():
        for position, spelling in enumerate(spellings):
            found.setdefault(normalise_header(spelling), []).append(_Spelling(name, "synonym", position))
    return {k: tuple(v) for k, v in found.items()}


@cache
def _known_spellings() -> frozenset[str]:
    return frozenset(s for kind in KINDS for s in _index(kind))


def header_score(cells: list[str]) -> int:
    """How many cells of a row are known header spellings (finds the header row)."""
    known = _known_spellings()
    return sum(1 for c in cells if c and any(form in known for form in header_forms(c)))


def scores(header: str, kind: str, source: str | None) -> dict[str, float]:
    """field -> header score of this header for this kind (best way it was found)."""
    index = _index(kind)
    forms = header_forms(header)
    # (form to look up, factor, the only fields it may name: None for any)
    tried: list[tuple[str, float, frozenset[str] | None]] = [(forms[0], 1.0, None)]
    if len(forms) > 1:
        tried.append((forms[1], UNIT_DROPPED, None))
    unprefixed = _unprefixed(header, kind)
    if unprefixed:
        tried.append((unprefixed, PREFIX_DROPPED, None))
    if forms[0].endswith(" name"):  # 'Deal Owner Name' names the 'Deal Owner'
        tried.append((forms[0].removesuffix(" name"), PREFIX_DROPPED, _people(kind)))
    scores: dict[str, float] = {}
    for form, factor, only in tried:
        for spelling in index.get(form, ()):
            if only is not None and spelling.field not in only:
                continue
            if spelling.origin == "synonym":
                base = SYNONYM
            else:
                base = OWN_LABEL if spelling.origin == source else OTHER_LABEL
            score = base * factor - PREFERENCE_STEP * min(spelling.position, 30)
            scores[spelling.field] = max(scores.get(spelling.field, 0.0), score)
    words = forms[0].split()
    if words and words[-1] not in ("id", "ids"):  # 'Associated Company IDs' holds IDs, not companies
        for name, keywords in KEYWORDS.get(kind, {}).items():
            if name not in scores and set(words) & set(keywords):
                scores[name] = KEYWORD
    return scores


@cache
def _people(kind: str) -> frozenset[str]:
    """The fields of a kind that name a person (rep, owner, manager)."""
    return frozenset(f.name for f in KINDS[kind].fields if f.shape == "person")


@cache
def _presets_listing(kind: str, attribute: str) -> dict[str, frozenset[str]]:
    """Normalised label -> the `attribute` ("source" or "lang") of the presets of this kind that list it."""
    found: dict[str, set[str]] = {}
    for preset in presets_for(kind):
        for spellings in preset.headers.values():
            for s in spellings:
                found.setdefault(normalise_header(s), set()).add(getattr(preset, attribute))
    return {k: frozenset(v) for k, v in found.items()}


def best_source(headers: list[str], kind: str) -> str:
    """The CRM whose own labels match the headers best, a label shared by n sources counting 1/n;
    'generic' when the headers are nobody's own (or several CRMs fit equally)."""
    by_spelling = _presets_listing(kind, "source")
    points: dict[str, float] = {}
    own: set[str] = set()  # sources with a label of their own among the headers
    for header in headers:
        sources = by_spelling.get(header_forms(header)[0], frozenset()) if header.strip() else frozenset()
        for source in sources:
            points[source] = points.get(source, 0.0) + 1 / len(sources)
        if len(sources) == 1:
            own |= sources
    if not points:
        return "generic"
    best = max(points.values())
    leaders = [s for s, p in points.items() if abs(p - best) < 1e-9]
    if len(leaders) > 1 or (leaders[0] not in own and best < MIN_SOURCE_POINTS):
        return "generic"  # nobody's own labels, or too few to say
    return leaders[0]


def preset_unit(header: str, kind: str, source: str | None, units: str) -> object | None:
    """What the source's preset says of this header's numbers (`units`: a Preset attribute)."""
    whole = header_forms(header)[0]
    for preset in presets_for(kind):
        if preset.source == source:
            for spelling, unit in getattr(preset, units).items():
                if normalise_header(spelling) == whole:
                    return unit
    return None


def day_first_language(headers: list[str], kind: str) -> bool:
    """Whether these date headers are a CRM's labels in a language that writes dates day first
    ('Date de fermeture', 'Fecha de cierre', 'Erstellungsdatum') and none is an English label: the
    date order of such a file's cells that read both ways ('02/11/2026' of a French HubSpot export is
    2 November)."""
    by_spelling = _presets_listing(kind, "lang")
    languages = [by_spelling.get(header_forms(h)[0], frozenset()) for h in headers]
    return any(langs & DAY_FIRST_LANGUAGES for langs in languages) and not any(
        "en" in langs for langs in languages
    )
