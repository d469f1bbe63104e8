"""Are the clear expectations met? Each weekly expectation judged, the share met week by week, and how one
week's attainment is spread across reps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard import metrics, team_view
from dashboard.leader.measures import STATUSES
from dashboard.metrics import BY_NAME, monday, per_metric


def judged(values: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """Rows of (rep, team, week, metric, value, target, status) for every weekly expectation judged.

    `values` wide from `metrics.weekly_metrics`, `goals` from `targets.weekly_targets`. Only targets
    with a weekly reading count; a week without a value to judge (no deals closed) is left out.
    """
    columns = ["rep", "team", "week", "metric", "value", "target", "status"]
    weekly = goals[goals["target"].notna()][["rep", "week", "metric", "target"]]
    names = sorted(set(weekly["metric"].unique()) & set(values.columns))
    if values.empty or not names:
        return pd.DataFrame(columns=columns)
    rows = metrics.tidy(values, names).merge(weekly, on=["rep", "week", "metric"], how="inner")
    higher = per_metric(rows["metric"], "higher_is_better")
    rows["status"] = team_view.statuses(rows["value"], rows["target"], higher)  # all rows at once
    return rows[rows["status"].notna()][columns].reset_index(drop=True)


def expectation_trend(rows: pd.DataFrame) -> pd.DataFrame:
    """Per week and metric: reps judged, reps who met the expectation, and the share.

    Columns: week, metric, label, reps, met, share_met (rows from `judged`).
    """
    columns = ["week", "metric", "label", "reps", "met", "share_met"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.assign(is_met=rows["status"] == "met").groupby(["week", "metric"], as_index=False)
    trend = grouped.agg(reps=("rep", "nunique"), met=("is_met", "sum"))
    trend["share_met"] = trend["met"] / trend["reps"]
    trend["label"] = trend["metric"].map(lambda m: BY_NAME[m].label)
    return trend[columns].sort_values(["metric", "week"]).reset_index(drop=True)


@dataclass(frozen=True)
class Distribution:
    """How one week's attainment is spread across reps."""

    week: dt.date
    by_metric: pd.DataFrame  # metric, label, met, near, below, reps (alphabetical by label)
    by_count: pd.DataFrame  # expectations_met, reps: how many reps met 0, 1, 2 … of their expectations
    reps_judged: int


def distribution(rows: pd.DataFrame, week: dt.date) -> Distribution:
    """Counts of reps met / near / below per metric, and reps by number of expectations met, in `week`."""
    week = monday(week)
    current = rows[rows["week"] == week]
    counts = current.groupby(["metric", "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATUSES), fill_value=0).reset_index()
    counts["reps"] = counts[list(STATUSES)].sum(axis=1)
    counts["label"] = counts["metric"].map(lambda m: BY_NAME[m].label)
    by_metric = counts[["metric", "label", *STATUSES, "reps"]].sort_values("label").reset_index(drop=True)
    met_per_rep = current.assign(is_met=current["status"] == "met").groupby("rep")["is_met"].sum()
    most = int(current.groupby("rep").size().max()) if not current.empty else 0
    by_count = (
        met_per_rep.value_counts()
        .reindex(range(most + 1), fill_value=0)
        .rename_axis("expectations_met")
        .reset_index(name="reps")
    )
    return Distribution(week, by_metric, by_count, int(current["rep"].nunique()))
