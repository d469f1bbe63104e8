"""Tables and CSV downloads that are safe to open in a spreadsheet.

A cell starting with `=`, `+`, `-`, `@` (or a tab / carriage return) is a
formula to Excel and LibreOffice; text cells like that get a leading `'` so
they show as text (OWASP "CSV injection"). Numbers stay numbers, and so does
text that is only a number (`-5.0`, `+3`, `-12%`): a spreadsheet reads it as
that number and runs nothing. The same rule serves the app's own downloads
(`safe_csv`) and the tables it shows (`neutralized`), whose toolbar can
download and copy them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def neutralize(value: object) -> object:
    """Prefixes a text cell that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore(value: object) -> object:
    """Undoes `neutralize` (for a table the user edits, before its values are saved)."""
    if isinstance(value, str) and value.startswith("'") and neutralize(value[1:]) == value:
        return value[1:]
    return value


def _is_text(dtype: object) -> bool:
    return (
        pd.api.types.is_object_dtype(dtype)
        or pd.api.types.is_string_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
    )


def _map_column(values: pd.Series, func: Callable[[object], object], first: tuple[str, ...]) -> pd.Series:
    """`func` on the cells that start with one of `first` (the only ones it may change)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype(object)
    try:
        hit = values.str.startswith(first, na=False).astype(bool)
    except (AttributeError, TypeError):  # not text after all
        return values.map(func)
    if not hit.any():
        return values
    changed = values.copy()
    changed[hit] = values[hit].map(func)
    return changed


def _map_text(frame: pd.DataFrame, func: Callable[[object], object], first: tuple[str, ...]) -> pd.DataFrame:
    """A copy with `func` applied to every text cell, the index (if text) and the column names."""
    cleaned = frame.copy()
    for position, dtype in enumerate(frame.dtypes):
        if _is_text(dtype):
            cleaned.isetitem(position, _map_column(cleaned.iloc[:, position], func, first))
    if _is_text(cleaned.index.dtype):
        cleaned.index = cleaned.index.map(func)
    cleaned.columns = [func(c) for c in cleaned.columns]
    return cleaned


def neutralized(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame as a spreadsheet may safely receive it: text neutralized, numbers untouched."""
    return _map_text(frame, neutralize, FORMULA_STARTS)


def restored(frame: pd.DataFrame) -> pd.DataFrame:
    """The inverse of `neutralized` (an edited table's values, before they are saved)."""
    return _map_text(frame, restore, ("'",))


def safe_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with BOM, so Excel reads accents right), formulas neutralized."""
    cleaned = neutralized(frame)
    cleaned.columns = [str(neutralize(str(c))) for c in frame.columns]
    return cleaned.to_csv(index=False).encode("utf-8-sig")
