"""The Targets page as a leader drives it: the suggestion box follows the chosen metric, tables
speak in labels without blanks shown as None, and a rep's time off is entered, listed and removed."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access, roster, target_edit, targets
from dashboard.db import Database

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def targets_page(sample_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The Targets page on a private copy of the sample company (tests/conftest.py)."""
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/targets.py").run()
    assert not at.exception, at.exception
    return at


def _stored(rep: str, metric: str) -> list[float]:
    database = Database(os.environ["DASHBOARD_DB"])
    try:
        current = targets.current_targets(database)
    finally:
        database.close()
    return current.loc[(current["rep"] == rep) & (current["metric"] == metric), "value"].tolist()


def _suggested(rep: str, metric: str) -> float | None:
    database = Database(os.environ["DASHBOARD_DB"])
    try:
        return target_edit.suggestion(database, rep, metric, roster.latest_week(database)).suggested
    finally:
        database.close()


def _shown(markdown: str) -> str:
    """Text as the page shows it (user text is escaped so that Markdown shows it as written)."""
    return markdown.replace("\\", "")


def _submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def test_the_weekly_target_box_follows_the_chosen_metric(targets_page: AppTest) -> None:
    """Issue 17, item 4: after switching the metric, the box kept the previous metric's value."""
    at = targets_page
    at.selectbox(key="targets_rep").set_value("Tomasz Nowak").run()
    at.selectbox(key="targets_metric").set_value("calls").run()
    assert not at.exception, at.exception
    (box,) = [n for n in at.number_input if n.label.startswith("Weekly target for this rep")]
    calls = _suggested("Tomasz Nowak", "calls")
    assert calls is not None and calls > 3 and calls.is_integer()  # whole calls, not first meetings' 1
    assert box.value == calls
    _submit(at, "Add to the table above (then save)")
    at.button(key="targets_save").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Targets saved as upload #")
    assert _stored("Tomasz Nowak", "calls") == [calls]


def test_tables_show_labels_and_no_blank_as_none(targets_page: AppTest) -> None:
    at = targets_page
    draft = at.session_state["targets_draft"]
    assert not draft[["metric", "value", "period", "team", "rep", "effective_from"]].isna().any().any()
    assert "(every team)" in set(draft["team"]) and "(team default)" in set(draft["rep"])
    editor = at.dataframe[0].proto
    assert editor.editing_mode != 0 and editor.HasField("placeholder") and editor.placeholder == ""
    config = json.loads(editor.columns)
    assert config["_index"]["hidden"] is True  # no row-index column
    labels = {o["label"] for o in config["metric"]["type_config"]["options"]}
    assert "Calls (count)" in labels and "Win rate (share, 0-1)" in labels
    teams = set(config["team"]["type_config"]["options"])
    assert {"(every team)", "Enterprise East", "SMB West"} <= teams
    assert (
        at.selectbox(key="targets_metric").format_func("prospecting_minutes")
        == "Prospecting minutes (minutes)"
    )


def test_a_problem_names_its_row_and_value(targets_page: AppTest) -> None:
    at = targets_page
    draft = at.session_state["targets_draft"].copy()
    draft.loc[len(draft)] = {
        "metric": "monday_call_share", "value": 25.0, "period": "week", "team": "SMB West",
        "rep": "(team default)", "effective_from": pd.Timestamp("2027-01-04"), "effective_to": pd.NaT,
    }  # fmt: skip
    at.session_state["targets_draft"] = draft
    at.run()
    at.button(key="targets_save").click().run()
    problems = next(d.value for d in at.dataframe if "problem" in d.value.columns)
    assert problems.to_dict("records") == [
        {"row": len(draft), "target": "Monday share of calls, SMB West, from 2027-01-04", "column": "value",
         "value": "25", "problem": "a share is between 0 and 1 (0.25 for 25 %)"}
    ]  # fmt: skip


def test_time_off_is_added_listed_and_removed(targets_page: AppTest) -> None:
    at = targets_page
    unsaved = at.session_state["targets_draft"].copy()
    unsaved.loc[0, "value"] = 99.0  # an edit not saved yet
    at.session_state["targets_draft"] = unsaved
    at.run()
    at.selectbox(key="time_off_rep").set_value("Tomasz Nowak")
    at.date_input(key="time_off_from").set_value(dt.date(2026, 12, 21))
    at.date_input(key="time_off_to").set_value(dt.date(2027, 1, 1))
    at.text_input(key="time_off_reason").input("holiday")
    _submit(at, "Add time off")
    assert (
        _shown(at.success[0].value) == "Time off recorded: Tomasz Nowak, 2026-12-21 – 2027-01-01 (holiday)."
    )
    listed = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert listed.to_dict("records") == [
        {"rep": "Tomasz Nowak", "team": "Enterprise East", "from": dt.date(2026, 12, 21),
         "to": dt.date(2027, 1, 1), "reason": "holiday"}
    ]  # fmt: skip
    at.selectbox(key="time_off_rep").set_value("Tomasz Nowak")
    at.date_input(key="time_off_from").set_value(dt.date(2026, 12, 28))
    at.date_input(key="time_off_to").set_value(dt.date(2027, 1, 8))
    _submit(at, "Add time off")
    assert "already has time off overlapping 2026-12-28 – 2027-01-08" in _shown(at.error[0].value)
    at.selectbox(key="time_off_remove_id").set_value(1)
    at.button(key="time_off_remove").click().run()
    assert not at.exception, at.exception
    assert _shown(at.success[0].value).startswith("Time off removed: Tomasz Nowak")
    assert "No time off recorded." in [c.value for c in at.caption]
    assert at.session_state["targets_draft"].loc[0, "value"] == 99  # time off kept the unsaved edit


AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-secret",
        "client_id": "id", "client_secret": "secret",
        "server_metadata_url": "https://accounts.example.com/.well-known/openid-configuration"}  # fmt: skip


def test_a_manager_records_time_off_for_their_own_reps(
    sample_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    database = Database(copy)
    access.save_user(database, "denise@northbeam.io", "manager", ["Enterprise East"], "Denise Okafor")
    database.close()
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": "denise@northbeam.io", "name": "Denise"}
    at.run()
    at.switch_page("pages/time_off.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Time off"
    rep = at.selectbox(key="time_off_rep")
    assert "Tomasz Nowak" in rep.options and "Jamal Washington" not in rep.options
    rep.set_value("Tomasz Nowak")
    at.date_input(key="time_off_from").set_value(dt.date(2026, 12, 21))
    at.date_input(key="time_off_to").set_value(dt.date(2026, 12, 24))
    _submit(at, "Add time off")
    assert _shown(at.success[0].value) == "Time off recorded: Tomasz Nowak, 2026-12-21 – 2026-12-24."
