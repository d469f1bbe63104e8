"""Rows as a plain-text table, written the way pandas' `DataFrame.to_string(index=False)` writes them.

For CLI commands that print a few text and date columns and should not load
pandas to do it (`dashboard reps`): their output stays what it was when it
went through a DataFrame. Each column is right-aligned to its widest cell or
header, columns are one space apart. A missing value reads as pandas shows it
after DuckDB's `.df()`: `NaT` in a date column, `NaN` in a text column that
holds other values, `None` in a text column that holds none.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

_ESCAPES = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})  # as pandas prints them


def text_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], dates: Collection[str] = ()) -> str:
    """`columns` of `rows` under a header line; `dates` names the columns holding dates (or None)."""
    cells = [_column(name, [row[name] for row in rows], name in dates) for name in columns]
    return "\n".join(" ".join(line) for line in zip(*cells, strict=True))


def _column(name: str, values: list[Any], is_date: bool) -> list[str]:
    """Header and cells of one column, right-aligned to a common width."""
    all_missing = all(v is None for v in values)
    missing = "NaT" if is_date else "None" if all_missing else "NaN"
    texts = [name, *(missing if v is None else str(v).translate(_ESCAPES) for v in values)]
    width = max(len(t) for t in texts)
    return [t.rjust(width) for t in texts]
