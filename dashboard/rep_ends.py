"""When a rep stops counting, and the flags judged again when an upload or undo moves it.

A rep's last counted day (`queries/rep_ends.sql`) comes from the roster's end date, or from the data for
a leaver the roster marks inactive (their last week of own work) and for a manager without work of their
own (never). An upload can move it (a user list marking a leaver, activities found later under their
name) and so can an undo; the flags already stored for that rep's reviewed weeks are then judged again
(`interventions.review_rep_again`), so no flag stays on record for a week the rep no longer counts in.
"""

from __future__ import annotations

import datetime as dt

from dashboard import db, interventions


def ends(database: db.Database) -> dict[str, dt.date | None]:
    """Each rep's last counted day (None: no end)."""
    return {row["rep"]: row["end_date"] for row in database.records("rep_ends")}


def review_moved(
    database: db.Database, before: dict[str, dt.date | None], *, by: str | None = None
) -> list[str]:
    """Judges again the reviewed weeks of the reps whose last counted day moved since `before` (`ends`
    read before the change), from the earlier of the two days on; returns those reps. A rep new to
    the data, or gone from it, has no stored weeks to judge again here (`interventions.record`)."""
    after = ends(database)
    moved = sorted(rep for rep in before.keys() & after.keys() if before[rep] != after[rep])
    for rep in moved:
        days = [d for d in (before[rep], after[rep]) if d is not None]
        interventions.review_rep_again(database, rep, min(days) + dt.timedelta(days=1), by=by)
    return moved
