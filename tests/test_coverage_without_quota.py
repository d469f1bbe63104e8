"""Pipeline coverage is open pipeline ÷ the quarter's won-revenue quota: until a quota is set it
reads no data, and the Team page, the Rep page and `dashboard trend` say so and where to set one.

Driven as a user would: the exports loaded through the real ingest, the pages through AppTest
over the real entry point, the trend through the CLI; then a won-revenue target loaded, after
which the coverage reads a number and nothing is said.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard.cli import app
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "roster.csv": "rep,team,manager\nAda Park,North,Mia Chen\nBen Ruiz,North,Mia Chen\n",
    "activities.csv": "rep,date,type,subject\nAda Park,2026-10-05,Call,Call\nBen Ruiz,2026-10-06,Call,Call\n",
    "pipeline.csv": (
        "opportunity_id,owner,stage,amount,created_date,close_date,snapshot_date\n"
        "O1,Ada Park,Proposal,120000,2026-09-01,2026-12-15,2026-10-09\n"
        "O2,Ben Ruiz,Discovery,40000,2026-09-20,2027-01-30,2026-10-09\n"
    ),
}
QUOTA = "metric,value,period,team,rep,effective_from\nwon_revenue,60000,quarter,,Ada Park,2026-01-01\n"
SAID = "Pipeline coverage reads – (no data) for "
WHERE = "A leader sets one on the Targets page (metric 'Won revenue'"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "app.duckdb"
    database = Database(path)
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert ingest_file(database, tmp_path / name, IngestOptions()).status == "loaded"
    database.close()
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


def _add_quota(store: Path) -> None:
    (store.parent / "quota.csv").write_text(QUOTA, encoding="utf-8")
    database = Database(store)
    assert ingest_file(database, store.parent / "quota.csv", IngestOptions()).status == "loaded"
    database.close()


def _page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params.update(query)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def _said(at: AppTest) -> list[str]:
    return [i.value for i in at.info if i.value.startswith(SAID)]


def test_the_team_page_says_why_coverage_is_empty_and_where_to_set_a_quota(store: Path) -> None:
    (note,) = _said(_page("pages/team.py", week="2026-10-05"))
    assert note.startswith(SAID + "every rep here: it is open pipeline ÷ the quarter's won-revenue quota")
    assert WHERE in note and "dashboard ingest targets.csv" in note

    _add_quota(store)  # Ada's quota: only Ben's coverage is no data now
    assert _said(_page("pages/team.py", week="2026-10-05")) == [
        note.replace("every rep here", "1 of the 2 reps here")
    ]


def test_the_rep_page_says_it_under_the_coverage_chart(store: Path) -> None:
    at = _page("pages/rep.py", rep="Ada Park", rep_metric="Pipeline coverage")
    assert [n[: len(SAID) + 8] for n in _said(at)] == [SAID + "Ada Park"]
    assert _said(_page("pages/rep.py", rep="Ada Park", rep_metric="Calls")) == []  # another chart: not said

    _add_quota(store)
    assert _said(_page("pages/rep.py", rep="Ada Park", rep_metric="Pipeline coverage")) == []


def test_the_trend_command_says_it(store: Path) -> None:
    def trend() -> str:
        result = CliRunner().invoke(
            app, ["trend", "--db", str(store), "ada park", "--metric", "pipeline_coverage"]
        )
        assert result.exit_code == 0, result.output
        return result.output

    output = trend()
    assert SAID + "Ada Park: it is open pipeline" in output and WHERE in output
    _add_quota(store)
    output = trend()
    assert SAID not in output
    # 120,000 open ÷ a 60,000 quarter, against the default expectation of 3x
    assert output.splitlines()[-1].split()[-2:] == ["2.0x", "3.0x"]
