"""The team page's scorecard cells, written by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import scorecard


@pytest.mark.parametrize(
    ("metric", "value", "target", "status", "cell"),
    [
        ("prospecting_minutes", 1248, 450, "met", "✓ 1,248 min"),
        ("calls", 37, 40, "near", "◐ 37 of 40"),
        ("first_meetings", 1, 3, "below", "○ 1 of 3"),
        ("win_rate", 0.2, 0.25, "below", "○ 20% of 25%"),
        ("calls", 12, None, None, "12"),  # no expectation: the value alone
        ("calls", None, 40, None, "–"),
    ],
)
def test_cell(metric, value, target, status, cell) -> None:
    assert scorecard.cell(metric, value, target, status) == cell


def test_scorecard_keeps_the_reps_order_and_marks_missing_values() -> None:
    reps = pd.DataFrame({"rep": ["Ada", "ben"], "team": ["North", "North"]})
    rows = pd.DataFrame(
        {"rep": ["ben", "Ada"], "metric": ["calls", "calls"], "value": [41, 12],
         "target": [40, 40], "status": ["met", "below"]}
    )  # fmt: skip
    card = scorecard.team_scorecard(reps, rows, ["calls", "first_meetings"])
    assert card.to_dict(orient="list") == {
        "rep": ["Ada", "ben"], "team": ["North", "North"],
        "calls": ["○ 12 of 40", "✓ 41"], "first_meetings": ["–", "–"],
    }  # fmt: skip
