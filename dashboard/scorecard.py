"""The team page's scorecard: one short cell per rep and key metric, read at a glance.

A cell is the status symbol and the week's value ("✓ 1,248 min"), with the expectation
beside it when it is not met ("○ 1 of 3"), never a colour alone and never a rank. How long a
metric has been under its expectation is told once, in the team page's list of reps under
an expectation, not in every cell; the full sentence per cell stays in the table's CSV
(`team_view.team_table`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.metrics import BY_NAME

SYMBOL = {"met": "✓", "near": "◐", "below": "○"}


def target_text(metric: str, target: float) -> str:
    """An expectation as a person counts it: a count's ramped or paced target in whole ones
    ('20', not '19.9'; '2', not '1.8'), other units as they are."""
    definition = BY_NAME[metric]
    return definition.format(float(round(target)) if definition.unit == "count" else target)


def cell(metric: str, value: float | None, target: float | None, status: str | None) -> str:
    """'✓ 1,248 min' when met, '○ 1 of 3' when near or below, the plain value without a target."""
    definition = BY_NAME[metric]
    shown = definition.format(value)
    if status == "off":  # recorded time off: not judged, never read as under
        return f"time off · {shown}"
    if status not in SYMBOL or target is None or pd.isna(target):
        return shown
    if status == "met":
        return f"{SYMBOL[status]} {shown}"
    return f"{SYMBOL[status]} {shown} of {target_text(metric, target)}"


def team_scorecard(reps: pd.DataFrame, attainment: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """`reps` (rep, team; in the order to show) with a short cell per metric of `names`.

    `attainment` holds `team_view.attainment` rows (rep, metric, value, target, status); a rep
    without a row for a metric shows '–'."""
    card = reps[["rep", "team"]].reset_index(drop=True).copy()
    for name in names:
        rows = attainment[attainment["metric"] == name]
        cells = {
            rep: cell(name, value, target, status)
            for rep, value, target, status in zip(
                rows["rep"], rows["value"], rows["target"], rows["status"], strict=True
            )
        }
        card[name] = [cells.get(rep, "–") for rep in card["rep"]]
    return card
