"""Did the coaching work? Each focus area agreed earlier: the coached metric before and since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard import metrics


@dataclass(frozen=True)
class CoachingCheck:
    """A focus area agreed earlier: the coached metric before and since."""

    metric: str
    label: str
    agreed_week: dt.date
    before: str
    since: str
    moved: bool


def coaching_checks(
    agreed: pd.DataFrame, week: dt.date, values: pd.DataFrame, recent_weeks: int
) -> list[CoachingCheck]:
    """Each focus area agreed before `week` (`agreed`: the rep's `coaching.focus_areas`): the metric's
    weekly mean over the `recent_weeks` up to the agreement and since it, from `values` (the rep's
    weekly metrics); whether it moved the right way."""
    checks = []
    for row in agreed.itertuples():
        if row.metric not in metrics.BY_NAME:
            continue
        entry = metrics.metric(row.metric)
        before = values[
            (values["week"] <= row.week) & (values["week"] > row.week - dt.timedelta(weeks=recent_weeks))
        ]
        since = values[(values["week"] > row.week) & (values["week"] <= week)]
        if before.empty or since.empty:
            continue
        b, s = before[row.metric].mean(), since[row.metric].mean()
        if pd.isna(b) or pd.isna(s):
            continue
        moved = s > b if entry.higher_is_better else s < b
        checks.append(
            CoachingCheck(row.metric, entry.label, row.week, entry.format(b), entry.format(s), moved)
        )
    return checks
