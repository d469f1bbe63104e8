"""One rep's weekly values next to the targets that applied (the `trend` command, the rep page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from dashboard import db, metrics, roster, targets


def rep_trend(
    database: db.Database,
    rep: str,
    *,
    metric_names: Sequence[str] = metrics.METRIC_NAMES,
    from_week: dt.date | None = None,
    to_week: dt.date | None = None,
    teams: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Rows of (week, metric, value, target), by metric then week; target NaN where none applies.

    Defaults to every week with data. Raises roster.UnknownRep for a rep the viewer may not see.
    """
    name = roster.resolve_rep(database, rep, teams)
    span = roster.data_span(database)
    if span is None:
        return pd.DataFrame(columns=["week", "metric", "value", "target"])
    from_week, to_week = from_week or span[0], to_week or span[1]
    values = metrics.weekly_metrics(database, from_week, to_week, teams=teams, rep=name)
    long = metrics.tidy(values, metric_names)
    goals = targets.weekly_targets(database, from_week, to_week, teams=teams, rep=name)
    merged = long.merge(goals[["week", "metric", "target"]], on=["week", "metric"], how="left")
    order = {m: i for i, m in enumerate(metric_names)}
    merged = merged.sort_values(["metric", "week"], key=lambda c: c.map(order) if c.name == "metric" else c)
    return merged[["week", "metric", "value", "target"]].reset_index(drop=True)
