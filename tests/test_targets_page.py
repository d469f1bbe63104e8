"""The Targets page as a leader drives it: the suggestion box follows the chosen metric, tables
speak in labels without blanks shown as None, and a rep's time off is entered, listed and removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import roster, target_edit, targets
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
