"""The leader page's two charts, built with its data so that both are cached once per data version.

Plotly graph objects, not plotly express: express regroups the frame and validates every trace again on
each call, which on the leader page cost more than the page's own data on a warm rerun. The traces get
NumPy arrays, not pandas columns (the same figure; plotly reads a pandas column through narwhals, whose
first use costs a cold page about 30 ms). A cached page is read back from its pickle on every rerun:
`LeaderPage` pickles its figures as their validated dicts and rebuilds them without validating again
(plotly's own `_validate=False`, as it loads its templates), 2 ms instead of 25 ms a figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import db
from dashboard.leader.overview import LeaderOverview, overview
from dashboard.leader.tables import review_table, summary_table


@dataclass(frozen=True)
class LeaderPage:
    """The leader overview of a week with its charts (`trend` is None when nothing was judged)."""

    view: LeaderOverview
    trend: go.Figure | None
    spread: go.Figure
    tables: dict[str, pd.DataFrame]  # as the page shows them: 'manager', 'team' (summary_table), 'review'

    def __reduce__(self) -> tuple:
        specs = (None if self.trend is None else self.trend.to_dict(), self.spread.to_dict())
        return (_unpickled, (self.view, *specs, self.tables))


def _unpickled(view: LeaderOverview, trend: dict | None, spread: dict, tables: dict) -> LeaderPage:
    """A pickled `LeaderPage` again: its figures from their dicts, validated when first built."""
    figures = (
        None if trend is None else go.Figure(trend, _validate=False),
        go.Figure(spread, _validate=False),
    )
    return LeaderPage(view, *figures, tables)


def trend_figure(trend: pd.DataFrame) -> go.Figure:
    """One line per expectation: the share of reps who met it, week by week, with met and judged on hover."""
    figure = go.Figure()
    for label, rows in trend.groupby("label", sort=True):
        figure.add_trace(
            go.Scatter(
                x=rows["week"].to_numpy(), y=rows["share_met"].to_numpy(), name=str(label),
                mode="lines+markers",
                customdata=rows[["met", "reps"]].to_numpy(),
                hovertemplate="%{x|%d %b %Y}: %{y:.0%} (%{customdata[0]} of %{customdata[1]} reps)"
                "<extra>%{fullData.name}</extra>",
            )
        )  # fmt: skip
    figure.update_layout(
        xaxis_title="Week", yaxis_title="Share of reps who met it", legend_title_text="Expectation"
    )
    figure.update_yaxes(tickformat=".0%", range=[0, 1.05])
    return figure


def spread_figure(by_count: pd.DataFrame) -> go.Figure:
    """Bars: how many reps met 0, 1, 2 … of their weekly expectations."""
    figure = go.Figure(
        go.Bar(
            x=by_count["expectations_met"].to_numpy(), y=by_count["reps"].to_numpy(),
            hovertemplate="%{y} reps met %{x} expectations<extra></extra>",
        )
    )  # fmt: skip
    figure.update_layout(xaxis_title="Expectations met", yaxis_title="Reps")
    figure.update_xaxes(dtick=1)
    return figure


def page(database: db.Database, week: dt.date, *, teams: Sequence[str] | None = None) -> LeaderPage:
    """Everything the leader page draws for `week`, for the teams the viewer may see."""
    view = overview(database, week, teams=teams)
    trend = None if view.trend.empty else trend_figure(view.trend)
    tables = {
        "manager": summary_table(view.managers, "manager", view.weeks),
        "team": summary_table(view.teams, "team", view.weeks),
        "review": review_table(view.review_grid),
    }
    return LeaderPage(view, trend, spread_figure(view.distribution.by_count), tables)
