"""Pages opened from a bad link: a plain warning naming the parameter and its value, the default shown,
never a traceback. AppTest on the sample company, one copy for the module (the pages only read it)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
LATEST = dt.date(2026, 11, 16)
FIRST_REP = "Aisha Mohammed"  # alphabetically first of the sample's reps
DEFAULTS = {  # widget key (or index of an unkeyed date input) -> value shown when the link is not used
    "pages/agenda.py": {"agenda_rep": FIRST_REP, "agenda_week": LATEST},
    "pages/interventions.py": {"iv_week": LATEST},
    "pages/rep.py": {"rep_rep": FIRST_REP, "rep_from": dt.date(2026, 5, 25), "rep_to": LATEST},
    "pages/team.py": {"team_team": "All teams", "team_week": LATEST},
    "pages/leader.py": {"leader_week": LATEST, "leader_team": None},
}
TWICE = ["2026-11-09", "2026-11-16"]
BAD_WEEKS = [
    ("banana", "The link's week “banana” is not a date like 2026-03-02"),
    ("99999-01-01", "The link's week “99999-01-01” is not a date"),
    ("2026-13-45", "The link's week “2026-13-45” is not a date"),
    ("", "The link's week is empty"),
    (TWICE, "The link gives week 2 times (“2026-11-09”, “2026-11-16”)"),
    ("2099-01-05", "The link's week “2099-01-05” is after the latest data (the week of 16 Nov 2026)"),
]
BEFORE_DATA = (
    "2001-01-01",
    "The link's week “2001-01-01” is before the first data (the week of 23 Jun 2025)",
)
BAD_REPS = [
    (
        "<script>alert(1)</script>",
        "The link's rep “<script>alert(1)</script>” is not one of the reps you can see",
    ),
    ("", "The link's rep is empty"),
    (["Tomasz Nowak", "Ben"], "The link gives rep 2 times (“Tomasz Nowak”, “Ben”)"),
]
BAD_TEAMS = [
    ("Nope", "The link's team “Nope” is not one of the teams you can see"),
    ("", "The link's team is empty"),
    (["SMB West", "SMB West"], "The link gives team 2 times"),
]
BAD_RANGES = [
    ({"from": "2026-13-45"}, "The link's from “2026-13-45” is not a date"),
    ({"to": "banana"}, "The link's to “banana” is not a date"),
    ({"from": ""}, "The link's from is empty"),
    ({"to": ["2026-07-06", "2026-08-03"]}, "The link gives to 2 times"),
    ({"from": "2026-11-23"}, "The link's from “2026-11-23” is after the latest data"),
    (
        {"from": "2026-09-07", "to": "2026-07-06"},
        "The link's weeks run backwards (from 07 Sep 2026 to 06 Jul 2026)",
    ),
]
CASES = (
    [("pages/agenda.py", {"week": v}, says) for v, says in BAD_WEEKS]
    + [("pages/agenda.py", {"rep": v}, says) for v, says in BAD_REPS]
    + [("pages/interventions.py", {"week": v}, says) for v, says in BAD_WEEKS]
    + [("pages/rep.py", {"rep": v}, says) for v, says in BAD_REPS]
    + [("pages/rep.py", query, says) for query, says in BAD_RANGES]
    + [("pages/team.py", {"week": v}, says) for v, says in [*BAD_WEEKS, BEFORE_DATA]]
    + [("pages/team.py", {"team": v}, says) for v, says in BAD_TEAMS]
    + [("pages/leader.py", {"week": v}, says) for v, says in [*BAD_WEEKS, BEFORE_DATA]]
    + [("pages/leader.py", {"team": v}, says) for v, says in BAD_TEAMS]
)


def _id(case: tuple) -> str:
    page, query, _ = case
    return Path(page).stem + ":" + "&".join(f"{k}={v!r}" for k, v in query.items())


@pytest.fixture(scope="module")
def company(sample_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("links") / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    return copy


@pytest.fixture
def open_page(company: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DASHBOARD_DB", str(company))

    def _open(page: str, query: dict) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.run()
        at.query_params.clear()  # only this link's parameters
        at.switch_page(page)
        at.query_params.update(query)
        at.run()
        return at

    return _open


def _unescaped(markdown: str) -> str:
    """A warning's text as the user reads it (the page escapes Markdown in values it quotes)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _widget_value(at: AppTest, key: str | int):
    if isinstance(key, int):
        return at.date_input[key].value
    widget = next(w for w in [*at.selectbox, *at.date_input] if w.key == key)
    return widget.value


@pytest.mark.parametrize(("page", "query", "says"), CASES, ids=[_id(c) for c in CASES])
def test_a_bad_link_value_is_named_and_the_default_shown(
    open_page, page: str, query: dict, says: str
) -> None:
    at = open_page(page, query)
    assert not at.exception, at.exception
    warnings = [_unescaped(w.value) for w in at.warning if "link" in w.value]
    assert any(w.startswith(says) for w in warnings), warnings
    assert all(w.endswith("instead.") for w in warnings)
    assert not at.error
    for key, default in DEFAULTS[page].items():
        if key in ("agenda_rep", "rep_rep") and "rep" not in query:
            continue
        assert _widget_value(at, key) == default, key


def test_the_link_is_corrected_so_the_warning_shows_once(open_page) -> None:
    at = open_page("pages/team.py", {"week": "banana"})
    assert [w for w in at.warning if "link" in w.value]
    assert at.query_params["week"] == LATEST.isoformat()
    at.run()
    assert not at.exception and not [w for w in at.warning if "link" in w.value]


def test_a_good_link_says_nothing(open_page) -> None:
    at = open_page("pages/rep.py", {"rep": "tomasz nowak", "from": "2026-06-03", "to": "2026-11-18"})
    assert not at.exception and not at.warning
    assert at.selectbox(key="rep_rep").value == "Tomasz Nowak"
    assert (at.selectbox(key="rep_from").value, at.selectbox(key="rep_to").value) == (
        dt.date(2026, 6, 1),
        LATEST,
    )


@pytest.mark.parametrize(
    ("page", "key"), [("pages/agenda.py", "agenda_week"), ("pages/interventions.py", "iv_week")]
)
def test_a_week_is_picked_from_the_datas_weeks(open_page, page: str, key: str) -> None:
    at = open_page(page, {"week": "2026-11-11"})  # a Wednesday: its week
    assert not at.exception and not at.warning
    picker = at.selectbox(key=key)
    assert picker.value == dt.date(2026, 11, 9) and picker.options[0] == "week of Mon 16 Nov 2026"
    picker.set_value(dt.date(2026, 11, 2)).run()
    assert not at.exception and at.query_params["week"] == "2026-11-02"
