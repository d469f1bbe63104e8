"""Decides, once per file, how its dates and numbers are written.

The date order (d/m or m/d) of each date column comes from votes over the whole
column (a cell that can only be read one way votes), else from the file's votes over
all its date columns; the decimal mark from votes over the number columns; all counted
in SQL (`ingest_sniff_<kind>`). A single date that can only be read one way is read that
way whatever its column says (macro `day_first_here`). For each date field, one strptime
format is picked from a sample of its cells; the clean queries try that format
first (the `fast_timestamp` macro) and run the general `parse_timestamp` only on
the cells it misses. The pick is a speed-up, never a change of meaning: each
candidate format reads a cell exactly as `parse_timestamp` does with the same
date order, or not at all (tests/test_sniff.py checks this on many spellings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from dashboard import db
from dashboard.ingest.schema import KINDS

# Candidate formats, commonest first. Left out on purpose: two-digit years (strptime's
# %y reads '1/5/6', parse_timestamp does not), Excel serial numbers, weekday names and
# anything with a time zone or fractions of a second: parse_timestamp reads those.
EITHER_ORDER: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
)
MONTH_FIRST: tuple[str, ...] = (
    "%m/%d/%Y",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M%p",
)
DAY_FIRST: tuple[str, ...] = tuple(f.replace("%m/%d/", "%d/%m/") for f in MONTH_FIRST)


def date_formats(day_first: bool) -> tuple[str, ...]:
    """The formats a file with this date order may be read with, in the order tried."""
    return (DAY_FIRST if day_first else MONTH_FIRST) + EITHER_ORDER


def pick_date_format(sample: Iterable[str | None], day_first: bool) -> str | None:
    """The candidate format that reads most of the sample (the first on a tie), or None."""
    values = [v.strip() for v in sample if v and v.strip()]
    best, best_count = None, 0
    for fmt in date_formats(day_first):
        count = sum(1 for v in values if _reads(v, fmt))
        if count > best_count:
            best, best_count = fmt, count
            if count == len(values):
                break
    return best


def _reads(value: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(value, fmt)
    except ValueError:
        return False
    return True


def decide_day_first(option: bool | None, day_votes: int, month_votes: int, usual: bool = False) -> bool:
    """The user's choice, else d/m when more cells can only be d/m than only m/d, else (a tie: no cell
    says) the usual order of the file's language (`usual`: day first for a French or German export)."""
    if option is not None:
        return option
    return day_votes > month_votes if day_votes != month_votes else usual


def decide_decimal_comma(comma_votes: int, point_votes: int) -> bool:
    """A decimal comma when more cells look like '1.234,5' than like '1,234.5'."""
    return comma_votes > point_votes


@dataclass(frozen=True)
class Style:
    """How one file writes its values: the clean queries' style parameters."""

    day_first: bool = False  # the file's date order, for columns whose own cells do not say
    decimal_comma: bool = False
    date_formats: dict[str, str | None] = field(default_factory=dict)  # date field -> format
    date_orders: dict[str, bool] = field(default_factory=dict)  # date field -> day first

    def params(self) -> dict[str, Any]:
        """As query parameters: day_first, decimal_comma, and `<field>_format` and
        `<field>_day_first` per date field."""
        named = {f"{name}_format": fmt for name, fmt in self.date_formats.items()}
        orders = {
            f"{name}_day_first": self.date_orders.get(name, self.day_first) for name in self.date_formats
        }
        return {"day_first": self.day_first, "decimal_comma": self.decimal_comma, **named, **orders}


def sniff(cur: duckdb.DuckDBPyConnection, kind: str, day_first: bool | None, usual: bool = False) -> Style:
    """Reads the style of the staged file (temp table `stage`) of this kind; `usual`: the date order
    of the file's language, for dates no cell of the file decides."""
    date_fields = [f.name for f in KINDS[kind].fields if f.type == "date"]
    if not date_fields and not any(f.type in ("number", "duration") for f in KINDS[kind].fields):
        return Style(day_first=bool(day_first))
    row = db.execute(cur, f"ingest_sniff_{kind}").fetchone()
    names = [d[0] for d in cur.description]
    got = dict(zip(names, row, strict=True))
    votes = {f: (got.get(f"{f}_day_votes") or 0, got.get(f"{f}_month_votes") or 0) for f in date_fields}
    file_order = decide_day_first(
        day_first, sum(d for d, _ in votes.values()), sum(m for _, m in votes.values()), usual
    )
    orders = {
        f: day_first if day_first is not None else (d > m if d != m else file_order)
        for f, (d, m) in votes.items()
    }
    return Style(
        day_first=file_order,
        decimal_comma=decide_decimal_comma(got.get("comma_votes") or 0, got.get("point_votes") or 0),
        date_formats={f: pick_date_format(_sample(got.get(f"{f}_sample")), orders[f]) for f in date_fields},
        date_orders=orders,
    )


def _sample(values: Sequence[str | None] | None) -> list[str | None]:
    return list(values or [])
