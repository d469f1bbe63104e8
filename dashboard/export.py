"""CSV downloads that are safe to open in a spreadsheet.

A cell starting with `=`, `+`, `-`, `@` (or a tab / carriage return) is a
formula to Excel and LibreOffice; text cells like that get a leading `'` so
they show as text (OWASP "CSV injection"). Numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """Prefixes a text cell that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with BOM, so Excel reads accents right), formulas neutralized."""
    cleaned = frame.copy()
    for column in cleaned.columns:
        if cleaned[column].dtype == object or pd.api.types.is_string_dtype(cleaned[column]):
            cleaned[column] = cleaned[column].map(neutralize)
    cleaned.columns = [str(neutralize(str(c))) for c in cleaned.columns]
    return cleaned.to_csv(index=False).encode("utf-8-sig")
