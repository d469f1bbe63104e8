"""The weekly `open_deals_stalled` metric: the share of a rep's open deals that have sat in one stage for 4
weeks or more, and `open_deals_moved`: the share that moved on a stage since the snapshot before, from the
stage history of the weekly pipeline snapshots as the deal facts keep it per owner
name and week (`stage_weeks`, dashboard/deal_facts.py; read by `queries/rep_weekly_deals_stalled.sql`).

Kept beside the main weekly query rather than inside it: only the callers that show it ask for it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dashboard import db

if TYPE_CHECKING:
    import pandas as pd

NAME = "open_deals_stalled"
MOVED = "open_deals_moved"
NAMES = (NAME, MOVED)


def weekly_share(
    database: db.Database,
    from_week: dt.date,
    to_week: dt.date,
    teams: list[str] | None,
    rep: str | None,
    names: tuple[str, ...] = NAMES,
) -> pd.DataFrame:
    """Columns rep, week (as the query gives it) and those of `names` (of `NAMES`), for the weeks a pipeline
    snapshot describes and the rep had open deals in."""
    frame = database.run_many(
        "rep_weekly_deals_stalled", from_week=from_week, to_week=to_week, teams=teams, rep=rep
    )
    frame[NAME] = frame["stalled_deals"] / frame["open_deals"]
    frame[MOVED] = frame["moved_deals"] / frame["open_deals"]
    return frame[["rep", "week", *(n for n in NAMES if n in names)]]
