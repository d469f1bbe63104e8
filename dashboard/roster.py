"""Who the reps are (team, manager) and which week the data reaches."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dashboard import db
from dashboard.access import teams_param

if TYPE_CHECKING:
    import pandas as pd


def list_reps(database: db.Database, teams: Sequence[str] | None = None) -> pd.DataFrame:
    """Roster reps, plus reps seen in the data without a roster entry (team unknown).

    `teams`: only reps of these teams (None: everyone, the leader's and local view).
    """
    return database.run("reps_list", teams=teams_param(teams))


def rep_records(database: db.Database, teams: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """`list_reps` as plain dicts (missing values None), without pandas: for the CLI."""
    return database.records("reps_list", teams=teams_param(teams))


def data_span(database: db.Database) -> tuple[dt.date, dt.date] | None:
    """Mondays of the first and the latest week with any data, or None for an empty database."""
    span = database.records("data_span")[0]
    if span["latest_week"] is None:
        return None
    return span["first_week"], span["latest_week"]


def latest_week(database: db.Database) -> dt.date | None:
    """Monday of the latest week with any data, or None for an empty database."""
    span = data_span(database)
    return span[1] if span else None


def has_activities(database: db.Database, week: dt.date) -> bool:
    """Whether any activity is stored for the week starting on `week` (a Monday)."""
    return int(database.records("week_activity_count", week=week)[0]["activities"]) > 0


def no_activity_message(week: dt.date) -> str:
    """What to say for a week whose early signals cannot be read (instead of an all-clear)."""
    return (
        f"No activities are recorded for the week of {week:%d %b %Y}, so its early signals cannot be read "
        "yet: upload that week's activity export."
    )


class UnknownRep(LookupError):
    """No rep of that name (among the reps the viewer may see)."""


def resolve_rep(database: db.Database, name: str, teams: Sequence[str] | None = None) -> str:
    """The rep's name as stored, matched without regard to case or surrounding spaces."""
    return match_rep(list_reps(database, teams)["rep"].tolist(), name)


def match_rep(names: Sequence[str], name: str) -> str:
    """The one of `names` (as `list_reps` gives them) that `name` means, ignoring case and spaces."""
    wanted = name.strip().lower()
    for known in names:
        if known.lower() == wanted:
            return known
    close = difflib.get_close_matches(name.strip(), list(names), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise UnknownRep(f"no rep named {name!r}.{hint} `dashboard reps` lists them.")
