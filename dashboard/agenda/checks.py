"""Did the coaching work? Each focus area agreed earlier: the coached metric before and since, and
what the draft may say of it (moved, not moving yet, still under the usual level a flag quotes, or
not to be judged while the CRM logging may be behind)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard import coaching, metrics
from dashboard.rules import ACTIVITY_METRICS

OUTCOMES = ("moved", "not yet", "slid", "logging", "too early")
VERDICTS = {
    "moved": "It moved: well done.",
    "not yet": "Not moving yet: time for a fresh look at the tactic.",
    "slid": "{usual}, and this week's early-intervention flag names it: time for a fresh look at the tactic.",
    "logging": "Too early to judge: the CRM may be missing some logged activity (see the questions).",
    "too early": "Too little on record before the focus to say whether it moved.",
}


@dataclass(frozen=True)
class CoachingCheck:
    """A focus area agreed earlier: the coached metric before and since, and what that says."""

    metric: str
    label: str
    agreed_week: dt.date
    before: str
    since: str
    outcome: str  # one of OUTCOMES
    before_weeks: int = 0  # weeks with data in the window up to the agreement
    since_weeks: int = 0  # weeks with data since it
    usual: str | None = None  # the rep's usual level, formatted, when known

    @property
    def moved(self) -> bool:
        return self.outcome == "moved"

    @property
    def window(self) -> str:
        """The two levels and the weeks each is over: "180 min a week in the 4 weeks up to it, ..."."""
        return (
            f"{self.before} a week in the {_weeks(self.before_weeks)} up to it, "
            f"{self.since} a week in the {_weeks(self.since_weeks)} since"
        )

    @property
    def verdict(self) -> str:
        usual = (
            f"Your usual level is about {self.usual}" if self.usual else "Your usual level is not known yet"
        )
        return VERDICTS[self.outcome].format(usual=usual)


def _weeks(count: int) -> str:
    return "week" if count == 1 else f"{count} weeks"


def coaching_checks(
    agreed: pd.DataFrame,
    week: dt.date,
    values: pd.DataFrame,
    recent_weeks: int,
    *,
    slid: Collection[str] = (),
    logging_gap: bool = False,
    usual: Mapping[str, float] | None = None,
) -> list[CoachingCheck]:
    """Each focus area agreed before `week` (`agreed`: the rep's `coaching.focus_areas`): the metric's
    weekly mean over the `recent_weeks` up to the agreement and since it, from `values` (the rep's
    weekly metrics), and its outcome: too early (under `coaching.MIN_WEEKS_BEFORE` weeks with data up to
    the agreement), moved (by `coaching.MOVED_BY` of the level before, the right way),
    slid (a current flag names the metric: never praised), logging (an activity metric while a
    hygiene note says the logging may be behind: not judged), else not yet. `usual`: the rep's usual
    levels (`generator.usual_levels`), quoted for a slid metric as the flag quotes them."""
    usual = usual or {}
    checks = []
    for row in agreed.itertuples():
        if row.metric not in metrics.BY_NAME:
            continue
        entry = metrics.metric(row.metric)
        found = coaching.levels(values.set_index("week")[row.metric], row.week, recent_weeks, week)
        b, s = found.before, found.since
        if pd.isna(b) or pd.isna(s):
            continue
        if not found.judged:
            outcome = "too early"
        elif logging_gap and row.metric in ACTIVITY_METRICS:
            outcome = "logging"
        elif row.metric in slid:
            outcome = "slid"
        elif coaching.moved(b, s, entry.higher_is_better):  # no "well done" for ordinary drift
            outcome = "moved"
        else:
            outcome = "not yet"
        level = usual.get(row.metric)
        checks.append(
            CoachingCheck(
                row.metric,
                entry.label,
                row.week,
                entry.format(b),
                entry.format(s),
                outcome,
                found.before_weeks,
                found.since_weeks,
                None if level is None else entry.format(level),
            )
        )
    return checks
