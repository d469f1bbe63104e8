"""Who the reps are (team, manager) and which week the data reaches."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence

import pandas as pd

from dashboard import db
from dashboard.access import teams_param


def list_reps(database: db.Database, teams: Sequence[str] | None = None) -> pd.DataFrame:
    """Roster reps, plus reps seen in the data without a roster entry (team unknown).

    `teams`: only reps of these teams (None: everyone, the leader's and local view).
    """
    return database.run("reps_list", teams=teams_param(teams))


def data_span(database: db.Database) -> tuple[dt.date, dt.date] | None:
    """Mondays of the first and the latest week with any data, or None for an empty database."""
    first, latest = database.run("data_span").iloc[0]
    if pd.isna(latest):
        return None
    return pd.Timestamp(first).date(), pd.Timestamp(latest).date()


def latest_week(database: db.Database) -> dt.date | None:
    """Monday of the latest week with any data, or None for an empty database."""
    span = data_span(database)
    return span[1] if span else None


def has_activities(database: db.Database, week: dt.date) -> bool:
    """Whether any activity is stored for the week starting on `week` (a Monday)."""
    return int(database.run("week_activity_count", week=week).iloc[0, 0]) > 0


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
    reps = list_reps(database, teams)
    names = reps["rep"].tolist()
    wanted = name.strip().lower()
    for known in names:
        if known.lower() == wanted:
            return known
    close = difflib.get_close_matches(name.strip(), names, n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise UnknownRep(f"no rep named {name!r}.{hint} `dashboard reps` lists them.")
