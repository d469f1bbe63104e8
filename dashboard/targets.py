"""Targets: which expectation applies to a rep in a week, and how to read it weekly.

A target has a metric, a value and a period (day, week, month, quarter, year),
a scope (company, team or one rep; the most specific wins) and effective
dates. Its weekly reading:

* a daily count is a weekly one on five working days (90 min a day -> 450 a week);
* a weekly one stands as it is;
* a monthly, quarterly or yearly count is not cut into weekly fractions: it is
  followed as a pace line within its calendar period (`pace`);
* a level (a share, a ratio, an average) applies as it is, whatever its period.

New hires ramp: in their first weeks the weekly target is scaled by their
team's ramp plan (`ramp_factor`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import db, roster
from dashboard.access import teams_param
from dashboard.metrics import BY_NAME, as_dates, metric, monday, per_metric

WORKING_DAYS_PER_WEEK = 5
PERIODS = ("day", "week", "month", "quarter", "year")
PERIOD_TARGETS = ("month", "quarter", "year")  # followed by pace, not per week
SUGGESTION_QUANTILE = 0.8
SUGGESTION_WEEKS = 12
# Pipeline coverage is open pipeline ÷ the quarter's won-revenue target (queries/rep_weekly_metrics.sql):
# without one above 0 in force it is no data, whatever the pipeline.
QUOTA_METRIC = "won_revenue"


def without_quota(goals: pd.DataFrame, week: dt.date, reps: Iterable[str]) -> list[str]:
    """The reps of `reps` with no won-revenue target above 0 in force in `week` (`goals`: rows of
    `weekly_targets` covering that week): their pipeline coverage reads no data."""
    week = monday(week)
    rows = goals[(goals["metric"] == QUOTA_METRIC) & (goals["week"] == week)]
    has = set(rows.loc[pd.to_numeric(rows["value"]) > 0, "rep"])
    return [rep for rep in reps if rep not in has]


def quota_missing(
    database: db.Database, rep: str, week: dt.date, *, teams: Sequence[str] | None = None
) -> bool:
    """Whether `rep` has no won-revenue quota in force in `week` (their pipeline coverage reads no data)."""
    name = roster.resolve_rep(database, rep, teams)
    goals = weekly_targets(database, week, week, teams=teams, rep=name)
    return bool(without_quota(goals, week, [name]))


def no_quota_note(who: str) -> str:
    """Why pipeline coverage reads no data for `who` ('Ana Souza', '3 of the 8 reps here'), and where
    a quota is set."""
    return (
        f"Pipeline coverage reads – (no data) for {who}: it is open pipeline ÷ the quarter's won-revenue "
        "quota, and no won-revenue target is set yet. A leader sets one on the Targets page (metric 'Won "
        "revenue', for everyone, a team or a rep), or loads a targets file with a won_revenue row "
        "(dashboard ingest targets.csv)."
    )


def weekly_equivalent(metric_name: str, value: float, period: str) -> float | None:
    """The target as a weekly expectation, or None where it is followed by pace instead."""
    if not metric(metric_name).additive:
        return value
    if period == "day":
        return value * WORKING_DAYS_PER_WEEK
    if period == "week":
        return value
    return None


def ramp_factor(weeks_in: np.ndarray, weeks: np.ndarray, start_share: np.ndarray) -> np.ndarray:
    """Share of the full target expected `weeks_in` weeks after the start (0 = first week).

    Rises in equal steps from `start_share` to 1.0 over `weeks` weeks; 1.0 before
    the start, once ramped, or where no start date or plan is known (NaN).
    """
    weeks_in, weeks, start_share = (np.asarray(a, dtype=float) for a in (weeks_in, weeks, start_share))
    steps = np.maximum(weeks - 1, 1)
    ramping = (weeks_in >= 0) & (weeks_in < weeks)  # False wherever anything is NaN
    rising = start_share + (1 - start_share) * np.minimum(weeks_in, steps) / steps
    return np.where(ramping, rising, 1.0)


def weekly_targets(
    database: db.Database,
    from_week: dt.date,
    to_week: dt.date,
    *,
    teams: Sequence[str] | None = None,
    rep: str | None = None,
    spellings: roster.Spellings | None = None,
) -> pd.DataFrame:
    """Per rep, week and metric: the target in force, its weekly reading and ramp factor.

    Columns: rep, team, week, metric, value, period, scope, effective_from,
    ramp (factor applied), target (the weekly expectation, NaN for period targets).
    One `rep` is read with their team and dates bound: `spellings` (`roster.spellings` of the rep)
    when the caller has them already, else looked up here.
    """
    weeks = {"from_week": monday(from_week), "to_week": monday(to_week)}
    spelled = None
    if rep is not None:
        spelled = roster.spellings(database, rep) if spellings is None else spellings
        if spelled is not None and spelled.rep != rep:
            raise ValueError(f"spellings of {spelled.rep!r} given for {rep!r}")
    if spelled is not None and spelled.seen_by(teams):
        one = {k: v for k, v in spelled.params().items() if k != "aliases"}
        frame = database.run_many("rep_weekly_targets_of_rep", **weeks, **one)
    else:  # every rep, or one the data does not know or `teams` hides (no rows)
        frame = database.run_many("rep_weekly_targets", **weeks, teams=teams_param(teams))
        if rep is not None:
            frame = frame[frame["rep"] == rep].reset_index(drop=True)
    frame = frame[frame["metric"].isin(BY_NAME)].reset_index(drop=True)
    week = pd.to_datetime(frame["week"])
    start = pd.to_datetime(frame["start_date"])
    start_monday = start - pd.to_timedelta(start.dt.day_of_week, unit="D")
    additive = per_metric(frame["metric"], "additive").astype(bool)  # bool even when empty
    ramps = additive | (frame["metric"] == "pipeline_coverage")
    frame["ramp"] = np.where(
        ramps,
        ramp_factor((week - start_monday).dt.days / 7, frame["ramp_weeks"], frame["ramp_start_share"]),
        1.0,
    )
    per_week = np.select(
        [~additive, frame["period"] == "day", frame["period"] == "week"],
        [frame["value"], frame["value"] * WORKING_DAYS_PER_WEEK, frame["value"]],
        default=np.nan,
    )
    frame["target"] = per_week * frame["ramp"]
    frame["week"] = as_dates(week)
    frame["effective_from"] = as_dates(frame["effective_from"])
    return frame.drop(columns=["start_date", "ramp_weeks", "ramp_start_share"])


def period_bounds(week: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar month, quarter or year containing the week's Monday."""
    day = monday(week)
    if period == "month":
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    elif period == "quarter":
        start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        end = (start + dt.timedelta(days=93)).replace(day=1) - dt.timedelta(days=1)
    elif period == "year":
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    else:
        raise ValueError(f"pace needs a month, quarter or year period, not {period!r}")
    return start, end


def weeks_in(start: dt.date, end: dt.date) -> list[dt.date]:
    """Mondays falling within [start, end]: the weeks that belong to a period."""
    first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
    return [first + dt.timedelta(weeks=i) for i in range((end - first).days // 7 + 1)]


@dataclass(frozen=True)
class Pace:
    """Where a rep stands in a month, quarter or year target, as of one week."""

    metric: str
    target: float
    period: str
    period_start: dt.date
    period_end: dt.date
    weeks_elapsed: int
    weeks_total: int
    actual: float  # sum of weekly values so far, this week included
    expected: float  # where an even pace would be by now
    projected: float  # where the current run rate lands at the period's end
    needed_per_week: float | None  # what it takes per remaining week (None: no week left)
    counted_from: dt.date | None = None  # Monday of the first week counted, when later than the period's

    @property
    def on_pace(self) -> bool:
        """At or above the even pace as it can be counted (`countable`: 0.3 opportunities by now asks
        for none yet, 1.45 for one), as the Team page judges it."""
        return self.actual >= (countable(self.metric, self.expected) or 0.0)

    @property
    def so_far(self) -> str:
        """How the actual is spoken of: "so far this year", or "since the week of 07 Sep" when counted from
        later."""
        if self.counted_from:
            return f"since the week of {self.counted_from:%d %b}"
        return f"so far this {self.period}"


def pace(
    values: pd.DataFrame, target_rows: pd.DataFrame, week: dt.date, data_from: dt.date | None = None
) -> list[Pace]:
    """Pace of every period target in force for one rep in `week`.

    `values`: that rep's weekly metrics (wide, from `weekly_metrics`), covering the period;
    `target_rows`: that rep's rows of `weekly_targets`; `data_from`: the rep's first week with data
    (`trend.first_data_weeks`, as the Team page reads it; None: none). The weeks of the period before
    it are not counted: the store knows nothing of them (exports that start in September, a hire
    without a start date), so the even pace by now and what it takes from here are the target's share
    of the weeks counted, not of weeks nobody could have worked in the store's eyes. The projection
    stays the current rate over the whole period.
    """
    week = monday(week)
    current = target_rows[
        (target_rows["week"] == week)
        & target_rows["period"].isin(PERIOD_TARGETS)
        & target_rows["metric"].map(lambda m: metric(m).additive)
    ]
    result = []
    for row in current.itertuples():
        start, end = period_bounds(week, row.period)
        weeks = weeks_in(start, end)
        later = data_from is not None and weeks[0] < data_from <= week
        counted = [w for w in weeks if w >= data_from] if later else weeks
        elapsed = sum(1 for w in counted if w <= week)
        in_period = values[(values["week"] >= weeks[0]) & (values["week"] <= week)]
        actual = float(in_period[row.metric].sum())
        target = float(row.value) * float(row.ramp)
        remaining = len(counted) - elapsed
        owed = target * len(counted) / len(weeks)  # the target's share of the weeks counted
        result.append(
            Pace(
                metric=row.metric,
                target=target,
                period=row.period,
                period_start=start,
                period_end=end,
                weeks_elapsed=elapsed,
                weeks_total=len(weeks),
                actual=actual,
                expected=target * elapsed / len(weeks),
                projected=actual / elapsed * len(weeks) if elapsed else 0.0,
                needed_per_week=max(0.0, owed - actual) / remaining if remaining else None,
                counted_from=counted[0] if later else None,
            )
        )
    return result


def suggest(values: pd.Series, quantile: float = SUGGESTION_QUANTILE) -> float | None:
    """A stretch target from a rep's own history: the 80th percentile of the last 12 weeks."""
    recent = values.dropna().tail(SUGGESTION_WEEKS)
    return None if recent.empty else float(recent.quantile(quantile))


def countable_step(metric_name: str) -> float:
    """The step a target of this metric is counted in (see `countable`)."""
    return {"minutes": 5.0, "share": 0.01, "ratio": 0.1}.get(metric(metric_name).unit, 1.0)


def countable(metric_name: str, value: float | None) -> float | None:
    """A target as it can be counted: calls, meetings, opportunities (any count) and days whole,
    minutes to the nearest 5, amounts whole, a share to the percent, a ratio to one decimal."""
    if value is None or pd.isna(value):
        return None
    step = countable_step(metric_name)
    return round(math.floor(float(value) / step + 0.5) * step, 2)  # halves up: 2.5 calls -> 3


def current_targets(database: db.Database) -> pd.DataFrame:
    """Targets in force or scheduled, as the Targets page edits them."""
    frame = database.run("targets_current")
    for column in ("effective_from", "effective_to"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame
