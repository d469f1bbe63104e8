"""The shape of a header preset and the comparison form of a header.

A `Preset` says, for one (CRM, kind of file, language), which literal header
spellings feed which canonical field of `schema.KINDS[kind]`, and where each
field's spellings were found (`cites`). Detection compares spellings after
`normalise_header`, so each wording is listed once, as the export writes it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# "minutes_seconds": bare numbers are minutes and a two-part clock cell is minutes and seconds
# ('05:32' is 5 min 32 s, as Zoho CRM writes a call's duration), where other columns' '05:32' is
# hours and minutes.
DURATION_UNITS: tuple[str, ...] = ("seconds", "minutes", "hours", "milliseconds", "minutes_seconds")
LANGUAGES: tuple[str, ...] = ("en", "es", "de", "fr", "pt", "it", "nl")
# Languages whose users write dates day first (12/01/2026 is 12 January): every one but English,
# whose exports are month first in the US (Salesforce, HubSpot and Pipedrive in en-US).
DAY_FIRST_LANGUAGES: frozenset[str] = frozenset({"es", "de", "fr", "pt", "it", "nl"})


@dataclass(frozen=True)
class Preset:
    source: str  # "salesforce" | "hubspot" | ... | "generic"
    kind: str  # a key of schema.KINDS
    headers: dict[str, tuple[str, ...]]  # canonical field -> literal header spellings, as exported
    # field -> where its spellings come from (a documentation URL, or repository + path)
    cites: dict[str, str] = field(default_factory=dict)
    # header spelling -> unit of bare numbers: "seconds" | "minutes" | "hours" | "milliseconds"
    # ("minutes_seconds": minutes, and a two-part clock cell is MM:SS rather than HH:MM)
    duration_units: dict[str, str] = field(default_factory=dict)
    # amount header spelling -> what its numbers are divided by (Close's API values are cents: 100)
    amount_divisors: dict[str, float] = field(default_factory=dict)
    lang: str = "en"


_NOT_WORD = re.compile(r"[^\w]+")
# camelCase word starts: 'DueDate', 'OwnerId', 'HTMLParser' (not the plural of an acronym: 'IDs')
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2,})")
_UNDERSCORE = re.compile(r"_+")


def _singular(word: str) -> str:
    """'companies' -> 'company', 'deals' -> 'deal'; short words and -ss/-us/-is stay."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_header(header: str) -> str:
    """The comparison form of a header: camelCase split, casefold, accents off, punctuation as
    spaces, singular words.

    'Est. Revenue' == 'est revenue', 'Fecha de creación' == 'fecha de creacion',
    'Associated Companies' == 'associated company', 'Deal_Owner' == 'deal owner',
    'DueDate' == 'due date', 'OwnerId' == 'owner id'.
    """
    folded = _CAMEL.sub(" ", header).casefold()
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    words = _NOT_WORD.sub(" ", _UNDERSCORE.sub(" ", folded)).split()
    return " ".join(_singular(w) for w in words)
