"""The rep page's content: trend charts with baselines, pace of period targets, pipeline changes.

Each weekly value is shown next to the expectation in force, the 4-week moving
average and the rep's own usual level as the early-intervention rules read it
that week (`rules.usual_levels`: the median of the 13 weeks before the latest
4, or of the 13 before those if higher, from 6 weeks on; time off, weeks before
the rep's first data, for activity before their first activity logged, and
logging gaps left out), so the line means what the flags mean. Charts are
Vega-Lite specs (`trend_chart`), testable without Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from dashboard import currency, db, interventions, metrics, roster, rules, targets, trend, trend_chart
from dashboard.metrics import BY_NAME, monday

MOVING_AVERAGE_WEEKS = 4
BASELINE_HISTORY_WEEKS = interventions.HISTORY_WEEKS  # read before the first week shown, as the rules do
PACED_METRICS = tuple(m.name for m in metrics.METRICS if m.additive)
"""What a period target's pace sums (`targets.pace` reads the additive metrics only): the pace reads
these alone, not the shares that go through each week's accounts or every snapshot's stages."""


def with_baselines(
    trend_rows: pd.DataFrame, time_off: pd.DataFrame | None = None, as_stored: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Adds `moving_avg` (mean of this and the 3 weeks before) and `baseline` (the rep's usual level
    as the rules read it that week, `rules.usual_levels`) to one rep's rows of (week, metric, value,
    target); `time_off`: the rep's recorded time off (left out, as for the flags); `as_stored`: the same
    rows as the store holds them (`trend.rep_trend(as_stored=True)`), which the usual level reads."""
    frame = trend_rows.sort_values(["metric", "week"]).copy()
    values = frame.groupby("metric", sort=False)["value"]
    frame["moving_avg"] = values.transform(lambda s: s.rolling(MOVING_AVERAGE_WEEKS).mean())
    wide = (frame if as_stored is None else as_stored).pivot_table(
        index="week", columns="metric", values="value", aggfunc="first", dropna=False
    )
    wide = wide.reset_index().assign(rep="rep", team=None)
    off = None if time_off is None else time_off.assign(rep="rep")
    usual = rules.usual_levels(wide, off)[["week", "metric", "usual"]]
    frame = frame.merge(usual.rename(columns={"usual": "baseline"}), on=["week", "metric"], how="left")
    return frame.reset_index(drop=True)


def rep_weekly(
    database: db.Database,
    rep: str,
    from_week: dt.date,
    to_week: dt.date,
    *,
    names: Sequence[str] = metrics.METRIC_NAMES,
    teams: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Rows of (week, metric, value, target, moving_avg, baseline) from `from_week` to `to_week`."""
    from_week, to_week = monday(from_week), monday(to_week)
    early = from_week - dt.timedelta(weeks=BASELINE_HISTORY_WEEKS)
    # every metric: the weeks that count for the usual level depend on activities logged and created.
    name = roster.resolve_rep(database, rep, teams)
    stored = trend.rep_trend(database, name, from_week=early, to_week=to_week, teams=teams, as_stored=True)
    shown = trend.blank_before_activity(stored, trend.first_activity_week(database, name))
    off = interventions.time_off(database)
    rows = with_baselines(shown, off[off["rep"] == name], as_stored=stored)
    order = {m: i for i, m in enumerate(names)}
    rows = rows[(rows["week"] >= from_week) & rows["metric"].isin(names)].sort_values(
        ["metric", "week"], key=lambda c: c.map(order) if c.name == "metric" else c
    )
    return rows.reset_index(drop=True)


def rep_pace(
    database: db.Database, rep: str, week: dt.date, *, teams: Sequence[str] | None = None
) -> list[targets.Pace]:
    """Pace of each month, quarter or year target of the rep, as of `week`."""
    name = roster.resolve_rep(database, rep, teams)
    week = monday(week)
    start = monday(targets.period_bounds(week, "year")[0])
    values = metrics.weekly_metrics(database, start, week, teams=teams, rep=name, names=PACED_METRICS)
    goals = targets.weekly_targets(database, week, week, teams=teams, rep=name)
    return targets.pace(values, goals, week, trend.first_data_weeks(database, rep=name).get(name))


def _counted(p: targets.Pace) -> str:
    return f" (counted from {p.counted_from:%Y-%m-%d}, the first week with data)" if p.counted_from else ""


def pace_table(paces: Sequence[targets.Pace]) -> pd.DataFrame:
    """The pace panel as text: target, actual, expected by now, projected, needed per week."""

    def fmt(name: str, value: float | None) -> str:
        if value is None:
            return "–"
        return BY_NAME[name].format(round(value, 1))

    return pd.DataFrame(
        [
            {
                "expectation": BY_NAME[p.metric].label,
                "period": f"{p.period} {p.period_start:%Y-%m-%d} – {p.period_end:%Y-%m-%d}" + _counted(p),
                "target": fmt(p.metric, p.target),
                "actual so far": fmt(p.metric, p.actual),
                "expected by now": fmt(p.metric, p.expected),
                "projected at current rate": fmt(p.metric, p.projected),
                "needed per week from here": fmt(p.metric, p.needed_per_week),
                "on pace": "✓ on pace" if p.on_pace else "○ behind pace",
            }
            for p in paces
        ],
        columns=[
            "expectation", "period", "target", "actual so far", "expected by now",
            "projected at current rate", "needed per week from here", "on pace",
        ],
    )  # fmt: skip


CHANGE_KINDS = ("new", "won", "lost", "stage moved", "close date slipped", "no longer listed")


def pipeline_changes(
    database: db.Database, rep: str, week: dt.date, *, teams: Sequence[str] | None = None
) -> pd.DataFrame:
    """What changed in the rep's pipeline between the snapshot describing `week` and the one before.

    Columns: change, opportunity_name, account, stage_before, stage_now, close_before,
    close_now, amount, currency, opportunity_key, snapshot_before, snapshot_now.
    """
    name = roster.resolve_rep(database, rep, teams)
    frame = database.run("pipeline_changes", rep=name, week=monday(week))
    for column in ("close_before", "close_now", "snapshot_before", "snapshot_now"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


PIPELINE_LABELS = {  # the pipeline changes table as the Rep page shows it
    "change": "Change",
    "opportunity_name": "Opportunity",
    "account": "Account",
    "stage_before": "Stage before",
    "stage_now": "Stage now",
    "close_before": "Close date before",
    "close_now": "Close date now",
    "amount": "Amount",
}


def pipeline_display(changes: pd.DataFrame) -> pd.DataFrame:
    """`pipeline_changes` for reading: labelled columns, each amount in its deal's currency
    ('€12,000'), '–' where a deal had no stage or date before (new) or has none now (gone)."""
    shown = changes[list(PIPELINE_LABELS)].copy()
    shown["amount"] = [
        "–"
        if pd.isna(a)
        else f"{currency.prefix(c if isinstance(c, str) else currency.current_code())}{a:,.0f}"
        for a, c in zip(changes["amount"], changes["currency"], strict=True)
    ]
    for column in ("stage_before", "stage_now", "close_before", "close_now", "opportunity_name", "account"):
        shown[column] = [
            v if isinstance(v, str) else "–" if pd.isna(v) else f"{v:%d %b %Y}" for v in shown[column]
        ]
    return shown.rename(columns=PIPELINE_LABELS)


def with_data_first(rows: pd.DataFrame, names: Sequence[str]) -> list[str]:
    """`names` with the metrics that have a value in `rep_weekly`'s rows first, in their order, then
    those with none (a company whose exports hold no prospecting time: the page opens on a chart with
    data, not on an empty one)."""
    valued = set(rows.loc[rows["value"].notna(), "metric"])
    return [n for n in names if n in valued] + [n for n in names if n not in valued]


def charts_of(rows: pd.DataFrame, names: Sequence[str]) -> dict[str, dict]:
    """Each of `names`' charts as a Vega-Lite spec (`trend_chart.metric_chart`) from `rep_weekly`'s rows
    (read once for the page's charts and its table)."""
    return {name: trend_chart.metric_chart(rows, name) for name in names}
