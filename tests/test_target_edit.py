"""Editing targets: validation messages, saving as an undoable upload, ramp plans, suggestions."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import target_edit, targets, uploads
from dashboard.metrics import BY_NAME


def _frame(*rows):
    return pd.DataFrame(list(rows), columns=list(target_edit.COLUMNS))


GOOD = ("first_meetings", 3, "week", "West", None, dt.date(2026, 1, 5), None)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (("first_meeting", 3, "week", "East", None, dt.date(2026, 1, 5), None), ("metric", "first_meeting")),
        (
            ("first_meetings", 3, "fortnight", "East", None, dt.date(2026, 1, 5), None),
            ("period", "fortnight"),
        ),
        (("first_meetings", -1, "week", "East", None, dt.date(2026, 1, 5), None), ("value", -1)),
        (("win_rate", 25, "quarter", "East", None, dt.date(2026, 1, 5), None), ("value", 25)),
        (
            ("calls", 40, "week", None, None, dt.date(2026, 2, 2), dt.date(2026, 1, 31)),
            ("effective_to", dt.date(2026, 1, 31)),
        ),
    ],
)
def test_each_problem_names_row_column_and_value(row, expected):
    problems = target_edit.validate(_frame(GOOD, row))
    assert [(p.row, p.column, p.value) for p in problems] == [(2, *expected)]


def test_negative_value_message():
    (problem,) = target_edit.validate(_frame(("calls", -5, "week", None, None, dt.date(2026, 1, 5), None)))
    assert (
        str(problem) == "Row 1 (Calls, every team, from 2026-01-05), value = -5: a target cannot be negative"
    )


def test_overlapping_periods_of_the_same_scope():
    rows = _frame(
        ("calls", 40, "week", "East", None, dt.date(2026, 1, 5), dt.date(2026, 3, 31)),
        ("calls", 45, "week", "east", None, dt.date(2026, 3, 2), None),  # starts before row 1 ends
        ("calls", 50, "week", "West", None, dt.date(2026, 3, 2), None),  # other scope: fine
        ("calls", 30, "week", "East", "Ana", dt.date(2026, 3, 2), None),  # a rep's own: fine
    )
    problems = target_edit.validate(rows)
    assert [(p.row, p.column) for p in problems] == [(2, "effective_from")]
    assert "overlaps row 1" in problems[0].message


def test_open_ended_target_hands_over_to_a_later_one():
    rows = _frame(GOOD, ("first_meetings", 4, "week", "West", None, dt.date(2026, 4, 6), None))
    assert target_edit.validate(rows) == []
    same_start = _frame(GOOD, GOOD)
    assert [(p.row, p.column) for p in target_edit.validate(same_start)] == [(2, "effective_from")]


def test_save_is_an_upload_that_undo_reverts(database):
    before = targets.current_targets(database)
    version = database.version()
    upload_id = target_edit.save(database, _frame(GOOD))
    assert database.version() > version
    now = targets.current_targets(database)
    assert now[list(target_edit.COLUMNS[:5])].to_dict(orient="records") == [
        {"metric": "first_meetings", "value": 3.0, "period": "week", "team": "West", "rep": None}
    ]
    record = uploads.list_uploads(database).iloc[0]
    assert (record["file_name"], record["kind"], record["source"]) == ("Targets page edit", "targets", "app")
    assert record["rows_replaced"] == len(before)
    uploads.undo(database, upload_id)
    restored = targets.current_targets(database)
    pd.testing.assert_frame_equal(restored, before)


def test_save_refuses_invalid_rows(database):
    with pytest.raises(ValueError, match=r"Row 1 \(Calls, every team, from 2026-01-05\), value = -1"):
        target_edit.save(database, _frame(("calls", -1, "week", None, None, dt.date(2026, 1, 5), None)))
    assert uploads.list_uploads(database).empty


def test_ramp_plans_validate_and_save(database):
    bad = pd.DataFrame({"team": [None, "East", "east"], "weeks": [12, 0, 8], "start_share": [0.25, 0.5, 1.5]})
    assert [(p.row, p.column) for p in target_edit.validate_ramp(bad)] == [
        (2, "weeks"),
        (3, "start_share"),
        (3, "team"),
    ]
    good = pd.DataFrame({"team": [None, "East"], "weeks": [12, 8], "start_share": [0.25, 0.5]})
    target_edit.save_ramp(database, good)
    assert target_edit.ramp_plans(database).fillna("").to_dict(orient="records") == [
        {"team": "", "weeks": 12, "start_share": 0.25},
        {"team": "East", "weeks": 8, "start_share": 0.5},
    ]


@pytest.mark.parametrize(
    ("metric", "value", "counted"),
    [
        ("calls", 22.8, 23),
        ("first_meetings", 2.5, 3),  # halves up: a stretch, not banker's rounding
        ("opportunities_created", 1.2, 1),
        ("prospecting_minutes", 447.4, 445),
        ("prospecting_minutes", 452.5, 455),
        ("win_rate", 0.333, 0.33),
        ("pipeline_coverage", 2.46, 2.5),
        ("won_revenue", 12345.6, 12346),
        ("calls", None, None),
    ],
)
def test_suggestions_are_rounded_to_what_can_be_counted(metric, value, counted):
    assert targets.countable(metric, value) == counted


def test_metric_choices_read_as_label_and_unit():
    assert BY_NAME["calls"].label_with_unit == "Calls (count)"
    assert BY_NAME["prospecting_minutes"].label_with_unit == "Prospecting minutes (minutes)"
    assert BY_NAME["win_rate"].label_with_unit == "Win rate (share, 0-1)"


def test_blanks_named_on_the_page_are_stored_blank(database):
    shown = target_edit.for_editor(_frame(("calls", 40, "week", None, None, dt.date(2026, 1, 5), None)))
    assert shown[["team", "rep"]].values.tolist() == [[target_edit.EVERY_TEAM, target_edit.TEAM_DEFAULT]]
    target_edit.save(database, shown)
    stored = targets.current_targets(database)
    assert stored[["team", "rep"]].isna().all().all()
    plans = pd.DataFrame({"team": [target_edit.EVERY_TEAM], "weeks": [8], "start_share": [0.5]})
    target_edit.save_ramp(database, plans)
    assert target_edit.ramp_plans(database)["team"].isna().all()
    assert target_edit.ramp_plans_for_editor(database)["team"].tolist() == [target_edit.EVERY_TEAM]


def test_ramp_problems_name_the_team():
    plans = pd.DataFrame({"team": [target_edit.EVERY_TEAM, "East"], "weeks": [0, 4], "start_share": [0.5, 2]})
    assert [str(p) for p in target_edit.validate_ramp(plans)] == [
        "Row 1 (every team), weeks = 0: a whole number of weeks, 1 or more",
        "Row 2 (East), start share = 2: a share above 0, at most 1",
    ]
