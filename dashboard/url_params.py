"""Reading a page's URL parameters (`?week=`, `?from=`, `?to=`, `?rep=`, `?team=`) without surprises.

A link may be mistyped, old, or made by hand: a value that is not a date, a week
with no data, an unknown rep, an empty value, a parameter given twice. Each
reader returns the value to use and, when the link's value could not be used,
one plain sentence that names the parameter and the value and says what is
shown instead. `values` is every value the link gives for the parameter
(`st.query_params.get_all`): empty when the link does not mention it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

T = TypeVar("T")

SHOWN_CHARS = 60  # a value longer than this is cut in the message
REP_PAGE_WEEKS = 26  # the Rep page shows this many weeks, up to the chosen one


@dataclass(frozen=True)
class Reading(Generic[T]):
    """The value a page uses, and why the link's own value was not used (None when it was)."""

    value: T
    problem: str | None = None


def shown(value: str) -> str:
    """A link value as a message quotes it: on one line, cut when long."""
    flat = re.sub(r"\s+", " ", "".join(c if c.isprintable() else " " for c in value)).strip()
    return flat if len(flat) <= SHOWN_CHARS else flat[: SHOWN_CHARS - 1] + "…"


def week_of(day: dt.date) -> str:
    return f"the week of {day:%d %b %Y}"


def _single(name: str, values: Sequence[str], instead: str) -> tuple[str | None, str | None]:
    """The one value the link gives, or the sentence saying why there is none to use."""
    if len(values) > 1:
        listed = ", ".join(f"“{shown(v)}”" for v in values)
        return None, f"The link gives {name} {len(values)} times ({listed}); showing {instead} instead."
    if not values[0].strip():
        return None, f"The link's {name} is empty; showing {instead} instead."
    return values[0].strip(), None


def read_week(
    name: str,
    values: Sequence[str],
    default: dt.date,
    *,
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
) -> Reading[dt.date]:
    """The Monday of the week holding the link's date (YYYY-MM-DD), between the weeks of `earliest` and
    `latest` when given; else `default`."""
    if not values:
        return Reading(default)
    instead = week_of(default)
    text, problem = _single(name, values, instead)
    if text is None:
        return Reading(default, problem)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return Reading(default, f"The link's {name} “{shown(text)}” is not a date like 2026-03-02; "
                                f"showing {instead} instead.")  # fmt: skip
    monday = day - dt.timedelta(days=day.weekday())
    if latest is not None and monday > latest - dt.timedelta(days=latest.weekday()):
        return Reading(default, f"The link's {name} “{shown(text)}” is after the latest data "
                                f"({week_of(latest)}); showing {instead} instead.")  # fmt: skip
    if earliest is not None and monday < earliest - dt.timedelta(days=earliest.weekday()):
        return Reading(default, f"The link's {name} “{shown(text)}” is before the first data "
                                f"({week_of(earliest)}); showing {instead} instead.")  # fmt: skip
    return Reading(monday)


def read_weeks(
    from_values: Sequence[str],
    to_values: Sequence[str],
    default: tuple[dt.date, dt.date],
    *,
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
) -> tuple[dt.date, dt.date, list[str]]:
    """`?from=` and `?to=`: the first and last week, and the sentences for values not used.

    A range that ends before it starts falls back to the default range."""
    first = read_week("from", from_values, default[0], earliest=earliest, latest=latest)
    last = read_week("to", to_values, default[1], earliest=earliest, latest=latest)
    problems = [r.problem for r in (first, last) if r.problem]
    if first.value > last.value:
        problems.append(
            f"The link's weeks run backwards (from {first.value:%d %b %Y} to {last.value:%d %b %Y}); "
            f"showing {week_of(default[0])} to {week_of(default[1])} instead."
        )
        return default[0], default[1], problems
    return first.value, last.value, problems


def read_choice(
    name: str, values: Sequence[str], options: Sequence[str], default: T, *, instead: str, among: str
) -> Reading[str | T]:
    """One of `options` (matched ignoring case and surrounding spaces), else `default`.

    `instead` says what the default shows ("Ada Park", "all teams"), `among` what the options are
    ("the reps you can see"): the sentence never tells whether an unknown name exists elsewhere."""
    if not values:
        return Reading(default)
    text, problem = _single(name, values, instead)
    if text is None:
        return Reading(default, problem)
    matches = [o for o in options if o.strip().lower() == text.lower()]
    if matches:
        return Reading(matches[0])
    return Reading(
        default, f"The link's {name} “{shown(text)}” is not one of {among}; showing {instead} instead."
    )


def rep_weeks(week: dt.date, earliest: dt.date) -> tuple[dt.date, dt.date]:
    """The weeks the Rep page shows, ending with `week`: `REP_PAGE_WEEKS` of them, from `earliest` on."""
    return max(earliest, week - dt.timedelta(weeks=REP_PAGE_WEEKS - 1)), week


def rep_link(rep: str, week: dt.date, *, earliest: dt.date) -> str:
    """The Rep page's address (relative to the app's pages) for `rep`, ending with `week`:
    'rep?rep=Ana+Souza&from=2026-06-01&to=2026-11-23'."""
    first, last = rep_weeks(week, earliest)
    return "rep?" + urlencode({"rep": rep, "from": first.isoformat(), "to": last.isoformat()})
