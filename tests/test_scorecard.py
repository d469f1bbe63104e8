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
        ("calls", 15, 19.9, "below", "○ 15 of 20"),  # a ramping rep's count target, in whole calls
        ("opportunities_over_100k", 0, 1.77, "below", "○ 0 of 2"),  # a yearly count's pace by now
        ("pipeline_coverage", 2.6, 2.95, "near", "◐ 2.6x of 3.0x"),  # not a count: as it is
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


def test_grid_tints_each_cell_keeps_symbol_and_value_and_escapes_names() -> None:
    import datetime as dt

    from dashboard import scorecard_grid
    from tests.grid import read_grid

    reps = pd.DataFrame({"rep": ["<b>Ada</b>", "Ben"], "team": ["North", None]})
    rows = pd.DataFrame(
        {"rep": ["<b>Ada</b>", "Ben"], "metric": ["calls", "calls"], "value": [12, 41], "target": [40, 40],
         "basis": ["week", "week"], "status": ["below", "met"], "below_since": [dt.date(2026, 3, 2), None],
         "weeks_below": [3, 0]}
    )  # fmt: skip
    html = scorecard_grid.grid_html(
        reps, rows, ["calls", "first_meetings"], dt.date(2026, 3, 16), dt.date(2026, 1, 5)
    )
    assert "<b>Ada</b>" not in html  # a name from a file is text, never markup
    card = read_grid(html)
    ada, ben = card["<b>Ada</b>"], card["Ben"]
    assert ada["Calls"]["text"] == "○ 12 of 40" and ada["Calls"]["data-status"] == "below"
    assert ben["Calls"]["text"] == "✓ 41" and ben["Calls"]["data-status"] == "met"
    tint = {
        s: f"td[data-status={s}]{{background:{b};color:{c}}}" for s, (b, c) in scorecard_grid.TINTS.items()
    }
    assert tint["below"] in html and tint["met"] in html  # colour differs by status, symbol too
    assert ada["Calls"]["title"] == "Calls: 12 of 40 · ○ below since 2026-03-02 (3 wks)"
    assert ada["First meetings"]["text"] == "–" and ada["First meetings"]["data-status"] == "none"  # untinted
    assert ben["Team"]["text"] == "–"
    assert ben["Rep"]["a_href"] == "rep?rep=Ben&from=2026-01-05&to=2026-03-16"
