"""A rep's weekly values and weekly expectations as plain lists lined up by week, as the draft reads them
(one lookup per metric instead of a pandas pivot and a lookup per week)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

WeeklyTargets = dict[str, list[float]]
"""Per metric, the weekly expectation in each week of the draft's values (NaN where none is in force)."""


def lined_up_targets(goals: pd.DataFrame, weeks: list[dt.date]) -> WeeklyTargets:
    """The rep's weekly expectations (`targets.weekly_targets`: week, metric, target) per metric, lined up
    with `weeks`: the first one given for a week and metric, as a pivot taking the first reads it."""
    by_metric: dict[str, dict[dt.date, float]] = {}
    for week, name, target in zip(goals["week"], goals["metric"], goals["target"], strict=True):
        if not pd.isna(target):
            by_metric.setdefault(name, {}).setdefault(week, float(target))
    nan = float("nan")
    return {name: [of_week.get(w, nan) for w in weeks] for name, of_week in by_metric.items()}


def values_of(frame: pd.DataFrame, name: str) -> list[float]:
    """The metric's weekly values, oldest first; NaN each week for one the draft did not read (it
    leaves one out only where it says nothing of it: `generator._read`)."""
    if name not in frame:
        return [float("nan")] * len(frame)
    return [float(v) for v in frame[name].tolist()]


def series_of(
    values: pd.DataFrame, weekly_target: WeeklyTargets, name: str
) -> tuple[list[float], list[float]]:
    """The metric's weekly values and weekly expectations (NaN where none), week by week."""
    goals = weekly_target.get(name) or [float("nan")] * len(values)
    return values_of(values, name), list(goals)
