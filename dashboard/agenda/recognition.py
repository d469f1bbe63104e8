"""Recognition: what the draft thanks the rep for, each item from the data (a win, a coached metric
that moved, a personal best, a streak at the expectation, a period target ahead of pace, a week well
above the usual level), and never about a metric a current flag names nor about activity while a
hygiene note says its logging may be behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from dashboard import metrics, targets, team_view
from dashboard.agenda.checks import CoachingCheck
from dashboard.agenda.series import WeeklyTargets, series_of, values_of
from dashboard.rules import ACTIVITY_METRICS

STREAK_WEEKS = 3
IMPROVEMENT = 0.2  # 20 % above the own usual level counts as an improvement
USUAL = "your usual level"  # the rep page's "own usual level" (`rules.usual_levels`), said to the rep
MAX_RECOGNITION = 3
PERSONAL_BEST_METRICS = (
    "prospecting_minutes",
    "calls",
    "connects",
    "first_meetings",
    "opportunities_created",
    "pipeline_created",
)


def _fmt(name: str, value: float | None) -> str:
    return metrics.metric(name).format(value)


def records_start(read: pd.DataFrame) -> dict[str, dt.date | None]:
    """The first week of the rep's activity records ("activity") and of any record, activity or
    opportunity ("any"), in what the draft read; None without one."""

    def first(mask: pd.Series) -> dt.date | None:
        weeks = read.loc[mask, "week"]
        return None if weeks.empty else weeks.min()

    activity = read["activities_logged"] > 0
    return {"activity": first(activity), "any": first(activity | (read["opportunities_created"] > 0))}


def slid(slumps: Sequence[dict]) -> frozenset[str]:
    """The metrics a current slump flag says slid: each signal's metric and those of its facts."""
    named = {f.get("metric") for f in slumps}
    named |= {fact.get("metric") for f in slumps for fact in f.get("facts", ())}
    return frozenset(m for m in named if m)


def recognize(
    values: pd.DataFrame,
    weekly_target: WeeklyTargets,
    paces: dict[str, targets.Pace],
    checks: list[CoachingCheck],
    usual: dict[str, float],
    started: dict[str, dt.date | None],
    slid: frozenset[str],
    logging_gap: bool,
    expected: Sequence[str],
) -> list[str]:
    """At most `MAX_RECOGNITION` items for the rep's last week in `values`, each from the data; none
    about a metric a current flag names (`slid`), nor about activity while a hygiene note says its
    logging may be behind. `started`: `records_start`; `expected`: the metrics with expectations."""
    items: list[str] = []
    this = values.iloc[-1]
    best: set[str] = set()  # metrics praised as a personal best (not praised again against the usual)
    unsure = slid | (ACTIVITY_METRICS if logging_gap else frozenset())
    if this["wins"] > 0:
        deals = "deal" if this["wins"] == 1 else "deals"
        revenue = _fmt("won_revenue", this["won_revenue"])
        items.append(f"Won {_fmt('wins', this['wins'])} {deals} this week, worth {revenue}.")
    for check in checks:
        if check.moved:
            items.append(
                f"{check.label} moved since we focused on it in the week of {check.agreed_week:%d %b}: "
                f"{check.window}."
            )
    for name in PERSONAL_BEST_METRICS:
        start = started["activity" if name in ACTIVITY_METRICS else "any"]
        weeks = values["week"].tolist()
        late = start is not None and start > weeks[0]  # the records start within the draft's weeks
        series = values_of(values, name)[weeks.index(start) if late else 0 :]
        if name in unsure or not (len(series) > 1 and series[-1] > 0 and series[-1] > max(series[:-1])):
            continue
        best.add(name)
        label = metrics.metric(name).label
        span = (
            f"since the week of {start:%d %b}, when your records here start"
            if late
            else f"in {len(series)} weeks"
        )
        items.append(f"{label}: {_fmt(name, series[-1])} this week, your highest {span}.")
    for name in expected:
        entry = metrics.metric(name)
        series, goals = series_of(values, weekly_target, name)
        streak = 0
        for value, goal in zip(reversed(series), reversed(goals), strict=True):
            if team_view.status(value, goal, entry.higher_is_better) != "met":
                break
            streak += 1
        if streak >= STREAK_WEEKS:
            run = f"every week of the last {streak}" if streak == len(series) else f"{streak} weeks in a row"
            items.append(f"{entry.label} at or above the expectation of {_fmt(name, goals[-1])}, {run}.")
    for name, p in paces.items():
        if p.on_pace and p.actual > 0:
            label = metrics.metric(name).label
            where = "ahead of" if p.actual > p.expected else "on"  # at the even pace as it can be counted
            items.append(f"{label}: {_fmt(name, p.actual)} {p.so_far}, {where} the even pace.")
    for name in PERSONAL_BEST_METRICS:
        level, latest = usual.get(name, 0.0), float(this[name])
        if name not in best | unsure and level > 0 and latest >= (1 + IMPROVEMENT) * level:
            label = metrics.metric(name).label
            items.append(
                f"{label}: {_fmt(name, latest)} this week, above {USUAL} of about {_fmt(name, level)}."
            )
    unique = list(dict.fromkeys(items))
    if not unique and this["activities_logged"] > 0 and not logging_gap:
        unique.append(
            f"Thank you for keeping the CRM current: {_fmt('activities_logged', this['activities_logged'])} "
            "activities logged this week."
        )
    return unique[:MAX_RECOGNITION] or ["Thank you for making time for this one-on-one."]
