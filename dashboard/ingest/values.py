"""What a column's values look like: the value side of column matching.

Detection reads a sample of each column (the first rows of the file) and asks,
for a candidate field, which share of the non-blank values has the field's shape
(`schema.ValueShape`): an amount column must hold numbers, a date column dates,
an owner column names, e-mails or user IDs. Cheap regular expressions, in
Python, on a few hundred cells; the store's own parsing stays in SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

BLANK = re.compile(r"^\s*(|-+|–|—|n/?a|#n/a|null|none|\(blank\))\s*$", re.IGNORECASE)
_CURRENCY = r"(?:[$€£¥₹]|R\$|[A-Za-z]{3})"
_DIGITS = r"(\d[\d.,' \u00a0\u202f]*|[.,]\d+)"
NUMBER = re.compile(rf"^\(?\s*[-+]?\s*{_CURRENCY}?\s*[-+]?\s*{_DIGITS}\s*{_CURRENCY}?\s*-?\s*%?\s*\)?$")
_MONTH = r"[A-Za-zÀ-ÿ]{3,10}\.?"
DATE = re.compile(
    r"^\s*("
    r"\d{4}-\d{1,2}-\d{1,2}([T ].*)?"  # ISO
    r"|\d{4}/\d{1,2}/\d{1,2}( .*)?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}( .*)?"  # 23/02/2026, 2.3.26, 10-19-2022
    rf"|{_MONTH} \d{{1,2}},? \d{{4}}( .*)?"  # Jan 5, 2026
    rf"|\d{{1,2}}\.?[ -]{_MONTH}[ -]\d{{2,4}}( .*)?"  # 5 Jan 2026, 05-Jan-26, 5. März 2026
    rf"|\d{{1,2}} de {_MONTH} de \d{{4}}( .*)?"  # 17 de noviembre de 2026
    rf"|[A-Za-z]{{3,9}},? {_MONTH} \d{{1,2}},? \d{{4}}( .*)?"  # Monday, January 5, 2026
    r"|[2-7]\d{4}(\.\d+)?"  # Excel serial day numbers (1954-2119)
    r")\s*$"
)
DURATION = re.compile(
    r"^\s*(\d+:[0-5]\d(:[0-5]\d)?|\d+([.,]\d+)?|(\d+([.,]\d+)?\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?"
    r"|horas?|heures?|minut[oi]s?|segundos?|secondes?|secondi)\s*)+)\s*$",  # '15 minutos', '1 hora 5 minutos'
    re.IGNORECASE,
)
BOOL = re.compile(
    r"^\s*(true|false|t|f|yes|no|y|n|1|0|x|✓|✔|checked|unchecked|on|off|s[ií]|ja|nein|oui|non|sim|n[ãa]o"
    r"|wahr|falsch|vrai|faux|verdadeiro|verdadero|falso"
    r"|enabled|disabled|aktiviert|deaktiviert"  # a Dynamics 365 user's Status
    r"|active|inactive|activ[oa]|inactiv[oa]|actif|inactif|aktiv|inaktiv|ativ[oa]|inativ[oa])\s*$",  # Zoho's
    re.IGNORECASE,
)
EMAIL = re.compile(r"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$")
TIME = re.compile(r"^\s*\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)
# A code, a symbol, or a currency's name ('US Dollar', 'Euro (EUR)'): short words, no digits.
CURRENCY = re.compile(r"^\s*([A-Z]{3}|[$€£¥₹]|R\$|US\$|[A-Za-z][A-Za-z .]{1,28}(\([A-Z]{3}\))?)\s*$")
# A user or record ID: one token of letters and digits with at least one digit
# (Salesforce 0055g00000ABCDEAA1, HubSpot 51234567), or a number.
RECORD_ID = re.compile(r"^\s*(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{3,64}\s*$")
_LETTER = re.compile(r"[^\W\d_]")


def is_blank(value: str | None) -> bool:
    return value is None or bool(BLANK.match(value))


def looks_like_person(value: str) -> bool:
    """A person's name, an e-mail address or a user ID; not an amount, a date or a sentence."""
    text = value.strip()
    if DATE.match(text):
        return False
    if EMAIL.match(text) or RECORD_ID.match(text):
        return True
    if len(text) > 80 or len(text.split()) > 6:
        return False
    return bool(_LETTER.search(text)) and sum(ch.isdigit() for ch in text) <= 2


def looks_like_record_id(value: str) -> bool:
    """A user/record ID rather than a name (for owner columns that need resolving)."""
    return bool(RECORD_ID.match(value)) and not DATE.match(value)


_TESTS: dict[str, Callable[[str], bool]] = {
    "number": lambda v: bool(NUMBER.match(v)),
    "date": lambda v: bool(DATE.match(v)),
    "duration": lambda v: bool(DURATION.match(v)),
    "bool": lambda v: bool(BOOL.match(v)),
    "email": lambda v: bool(EMAIL.match(v)),
    "time": lambda v: bool(TIME.match(v)),
    "currency": lambda v: bool(CURRENCY.match(v)),
    "person": looks_like_person,
}


MIN_VOTES = 5  # fewer non-blank values than this say nothing about a column


def shape_share(shape: str, values: Sequence[str | None]) -> float | None:
    """Share of the non-blank values that have this shape; None for too few values (or for 'any')."""
    test = _TESTS.get(shape)
    filled = [v for v in values if not is_blank(v)]
    if test is None or len(filled) < MIN_VOTES:
        return None
    return sum(1 for v in filled if test(v)) / len(filled)


def examples(values: Sequence[str | None], limit: int = 3) -> list[str]:
    """A few distinct non-blank values, for messages."""
    seen: dict[str, None] = {}
    for v in values:
        if not is_blank(v):
            seen.setdefault(v.strip(), None)
            if len(seen) >= limit:
                break
    return list(seen)
