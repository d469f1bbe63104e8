"""One metric's weekly chart as a Vega-Lite spec: the weekly value, the expectation in force, the
4-week average and the rep's own usual level (the Rep and Interventions pages draw it).

A plain dict, not a Plotly figure: Streamlit draws Vega-Lite with a script about a sixth the size
of Plotly's (0.8 against 4.7 MB), and compiling Plotly's was most of the Rep page's time to its
first chart in Chromium (README, Performance). The dict holds its own data, so it is cheap to
cache and testable without Streamlit.
"""

from __future__ import annotations

import pandas as pd

from dashboard import currency
from dashboard.metrics import BY_NAME

USUAL_LABEL = "own usual level"
AXIS_UNITS = {  # what the y-axis counts (the chart's title names the metric)
    "minutes": "minutes a week",
    "share": "%",
    "ratio": "× quota",
    "days": "days",
}
AXES = {"share": {"format": ".0%"}, "count": {"tickMinStep": 1}}  # 33%; whole meetings, not 0.5
# (column, legend label, colour, dash pattern); the expectation is a step, drawn as its own layer
LINES = (
    ("value", "weekly value", "#1f77b4", []),
    ("moving_avg", "4-week average", "#ff7f0e", []),
    ("baseline", USUAL_LABEL, "#7f7f7f", [2, 3]),
)
EXPECTATION = ("target", "expectation", "#2ca02c", [6, 4])
# below the chart, two entries a row: a half-width chart (an Interventions card) shows them all
LEGEND = {"orient": "bottom", "columns": 2, "symbolType": "stroke", "symbolStrokeWidth": 2}


def axis_title(name: str) -> str:
    """The y-axis title of a metric's chart, its unit: 'minutes a week', 'calls a week', '%', '€'."""
    definition = BY_NAME[name]
    if definition.unit == "currency":
        return currency.current_prefix().strip()
    if definition.unit == "count":
        return f"{definition.label.lower()} a week"
    return AXIS_UNITS[definition.unit]


def metric_chart(rows: pd.DataFrame, name: str, *, average: bool = True, height: int = 300) -> dict:
    """One metric's chart from rows of (week, metric, value, target, moving_avg, baseline): weekly
    values with points, expectation (dashed step), 4-week average (unless `average` is False) and
    own usual level (dotted), a legend below, both axes titled in their units, and a tooltip on
    each week's point in the metric's own format ('450 min', '33%')."""
    definition = BY_NAME[name]
    rows = rows[rows["metric"] == name].sort_values("week")
    shown = [line for line in (*LINES, EXPECTATION) if average or line[0] != "moving_avg"]
    if rows["target"].isna().all():
        shown.remove(EXPECTATION)
    values = []
    for week, *numbers in zip(
        pd.to_datetime(rows["week"]), *(rows[column] for column, *_ in shown), strict=True
    ):
        point = {"week": week.strftime("%Y-%m-%d"), "week_label": f"{week:%d %b %Y}"}
        for (column, *_), number in zip(shown, numbers, strict=True):
            point[column] = None if pd.isna(number) else float(number)
            point[f"{column}_text"] = definition.format(number)
        values.append(point)
    labels = [label for _, label, _, _ in shown]
    colour = {
        "field": "series", "type": "nominal", "title": None,
        "scale": {"domain": labels, "range": [c for _, _, c, _ in shown]},
        "legend": LEGEND,
    }  # fmt: skip
    dash = {  # the same field and legend as the colour: one legend of dashed and solid strokes
        "field": "series", "type": "nominal", "title": None, "legend": LEGEND,
        "scale": {"domain": labels, "range": [d for _, _, _, d in shown]},
    }  # fmt: skip
    # Weeks are dates, not instants: read and labelled in UTC (a browser west of Greenwich would
    # otherwise put each Monday on the Sunday before), one tick a week, thinned where they crowd.
    weeks = pd.to_datetime(rows["week"])
    mondays = [{"year": w.year, "month": w.month, "date": w.day, "utc": True} for w in weeks]
    x = {
        "field": "week", "type": "temporal", "title": "week of", "scale": {"type": "utc"},
        "axis": {"format": "%d %b", "values": mondays, "labelOverlap": "parity", "labelFlush": True},
    }  # fmt: skip
    y = {
        "field": "amount", "type": "quantitative", "title": axis_title(name),
        "scale": {"zero": True},
        **({"axis": AXES[definition.unit]} if definition.unit in AXES else {}),
    }  # fmt: skip

    def folded(columns: list[str], mark: dict) -> dict:
        names = {column: label for column, label, _, _ in shown}
        return {
            "transform": [
                {"fold": columns, "as": ["column", "amount"]},
                {"calculate": _label_expression(names), "as": "series"},
                {"filter": "datum.amount != null"},
            ],
            "mark": mark,
            "encoding": {"x": x, "y": y, "color": colour, "strokeDash": dash},
        }

    lines = [column for column, *_ in shown if column not in ("value", "target")]
    layers = [folded(lines, {"type": "line"})] if lines else []
    if EXPECTATION in shown:
        layers.append(folded(["target"], {"type": "line", "interpolate": "step-after"}))
    layers.append(folded(["value"], {"type": "line", "point": True}))
    tooltip = [{"field": "week_label", "title": "week of"}] + [
        {"field": f"{column}_text", "title": label} for column, label, _, _ in shown
    ]
    layers.append(  # the tooltip: an invisible wider point on each week's value
        {
            "mark": {"type": "point", "size": 120, "opacity": 0},
            "encoding": {"x": x, "y": {**y, "field": "value"}, "tooltip": tooltip},
        }
    )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": definition.label,
        "height": height,
        "data": {"values": values},
        "layer": layers,
    }


def _label_expression(names: dict[str, str]) -> str:
    """A Vega expression naming a folded column's series: its legend label."""
    cases = " : ".join(f"datum.column === '{column}' ? '{label}'" for column, label in names.items())
    return f"{cases} : datum.column"
