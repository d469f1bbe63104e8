"""The leader page's two charts, built with its data so that both are cached once per data version.

Plotly graph objects, not plotly express: express regroups the frame and validates every trace again on
each call, which on the leader page cost more than the page's own data on a warm rerun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import db
from dashboard.leader.overview import LeaderOverview, overview


@dataclass(frozen=True)
class LeaderPage:
    """The leader overview of a week with its charts (`trend` is None when nothing was judged)."""

    view: LeaderOverview
    trend: go.Figure | None
    spread: go.Figure


def trend_figure(trend: pd.DataFrame) -> go.Figure:
    """One line per expectation: the share of reps who met it, week by week, with met and judged on hover."""
    figure = go.Figure()
    for label, rows in trend.groupby("label", sort=True):
        figure.add_trace(
            go.Scatter(
                x=rows["week"], y=rows["share_met"], name=str(label), mode="lines+markers",
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
            x=by_count["expectations_met"], y=by_count["reps"],
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
    return LeaderPage(view, trend, spread_figure(view.distribution.by_count))
