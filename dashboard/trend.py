"""One rep's weekly values next to the targets that applied (the `trend` command, the rep page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from dashboard import db, metrics, roster, targets
from dashboard.rules.config import ACTIVITY_METRICS

DATA_METRICS = ("activities_logged", "opportunities_created")  # as the rules' first week with data
# read from logged activities: unknown, not zero, before the rep's first activity (deals may go back further)
FROM_ACTIVITIES = ACTIVITY_METRICS | {"target_account_coverage"}


def first_data_week(values: pd.DataFrame) -> dt.date | None:
    """The first week of `values` (weekly metrics) with an activity logged or an opportunity created."""
    if values.empty:
        return None
    some = (values[list(DATA_METRICS)].fillna(0) > 0).any(axis=1)
    return min(values.loc[some, "week"], default=None)


def first_data_weeks(database: db.Database, rep: str | None = None) -> dict[str, dt.date]:
    """Each rep's first week with data (an activity logged or an opportunity created, as
    `first_data_week` reads it), from the weekly facts; reps without any are left out. `rep`: that
    rep (as stored) alone."""
    return {row["rep"]: row["first_week"] for row in database.records("rep_first_data_weeks", rep=rep)}


def blank_before_data(
    values: pd.DataFrame, first_weeks: dict[str, dt.date], names: Sequence[str] | None = None
) -> pd.DataFrame:
    """`values` (wide weekly metrics) with `names` (None: every metric column) empty in each rep's weeks
    before their first week with data, and in every week of a rep without any: unknown there, where the
    store holds zeros."""
    names = [c for c in values.columns if c in metrics.BY_NAME] if names is None else names
    first = values["rep"].map(first_weeks)
    unknown = first.isna() | (values["week"] < first.where(first.notna(), values["week"]))
    return values.assign(**{name: values[name].mask(unknown) for name in names})


def first_activity_week(database: db.Database, rep: str) -> dt.date | None:
    """Monday of the first week `rep` (as stored) logged an activity under any spelling, or None."""
    spelled = roster.spellings(database, rep)
    if spelled is None:
        return None
    return database.records("rep_first_activity_week", aliases=list(spelled.aliases))[0]["first_week"]


def blank_before_activity(rows: pd.DataFrame, active_from: dt.date | None) -> pd.DataFrame:
    """`rows` (week, metric, value, ...) with the activity metrics' values empty before `active_from`
    (the rep's first activity logged; None: none yet), where the store holds zeros."""
    unknown = rows["metric"].isin(FROM_ACTIVITIES)
    if active_from is not None:
        unknown &= rows["week"] < active_from
    return rows.assign(value=rows["value"].mask(unknown))


def rep_trend(
    database: db.Database,
    rep: str,
    *,
    metric_names: Sequence[str] = metrics.METRIC_NAMES,
    from_week: dt.date | None = None,
    to_week: dt.date | None = None,
    teams: Sequence[str] | None = None,
    as_stored: bool = False,
) -> pd.DataFrame:
    """Rows of (week, metric, value, target), by metric then week; target NaN where none applies.

    Defaults to every week with data; weeks before the rep's first data (a new hire's) are left out,
    not shown as zeros, and the activity metrics of weeks before their first activity logged (deals
    exported further back than activities) are empty unless `as_stored` (zeros, as the rules read them).
    Raises roster.UnknownRep for a rep the viewer may not see.
    """
    name = roster.resolve_rep(database, rep, teams)
    span = roster.data_span(database)
    if span is None:
        return pd.DataFrame(columns=["week", "metric", "value", "target"])
    from_week, to_week = from_week or span[0], to_week or span[1]
    values = metrics.weekly_metrics(database, from_week, to_week, teams=teams, rep=name)
    started = first_data_week(values)
    if started is None or started > from_week:  # weeks before the rep's first data are not zeros
        before = started - dt.timedelta(weeks=1) if started else to_week
        # nothing is stored before the data's first week; else read back, only when the window starts empty
        earlier = (
            None
            if from_week <= span[0]
            else metrics.weekly_metrics(database, span[0], before, teams=teams, rep=name)
        )
        if earlier is None or first_data_week(earlier) is None:
            values = values[values["week"] >= started] if started else values.iloc[0:0]
    long = metrics.tidy(values, metric_names)
    goals = targets.weekly_targets(database, from_week, to_week, teams=teams, rep=name)
    merged = long.merge(goals[["week", "metric", "target"]], on=["week", "metric"], how="left")
    order = {m: i for i, m in enumerate(metric_names)}
    merged = merged.sort_values(["metric", "week"], key=lambda c: c.map(order) if c.name == "metric" else c)
    merged = merged[["week", "metric", "value", "target"]].reset_index(drop=True)
    return merged if as_stored else blank_before_activity(merged, first_activity_week(database, name))
