"""Streamlit AppTest over the real entry point: each page as a user drives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
ROSTER = b"rep,team,manager\nAda Park,North,Mia Chen\nBen Ruiz,North,Mia Chen\n"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The app on a fresh database of its own."""
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "app.duckdb"))

    def _start(page: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        assert not at.exception, at.exception
        return at

    return _start


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="upload_files").set_value([(n, c, "text/csv") for n, c in files])
    at.run()
    at.button(key="upload_go").click()
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(t.value for t in at.text) + "\n".join(m.value for m in at.markdown)


def test_sidebar_shows_database_and_no_data_yet(app) -> None:
    at = app()
    sidebar = "\n".join(t.value for t in at.sidebar.text)
    assert "app.duckdb" in sidebar
    assert "no data yet" in sidebar


def test_upload_loads_a_file_and_reports_counts(app) -> None:
    at = upload(app(), ("roster.csv", ROSTER))
    assert "Loaded" in texts(at)
    assert "roster.csv: 2 roster rows loaded" in texts(at)
    assert [m.value for m in at.metric][:2] == ["2", "2"]


def test_upload_shows_rejected_rows_and_offers_download(app) -> None:
    bad = b'opportunity_id,owner,stage,amount\nO1,Ada,Proposal,100\nO2,Ada,Proposal,"12,O00"\n'
    at = upload(app(), ("deals.csv", bad))
    frame = at.dataframe[0].value
    assert frame.iloc[0]["row"] == 3 and frame.iloc[0]["column"] == "amount"
    assert any(b.label == "Download all rejected rows" for b in at.get("download_button"))


def test_same_file_twice_is_a_duplicate(app) -> None:
    at = upload(app(), ("roster.csv", ROSTER))
    at = upload(at, ("roster.csv", ROSTER))
    assert "Already loaded" in texts(at)


def test_unknown_layout_is_mapped_once_and_remembered(app) -> None:
    odd = b"Person,Squad,Boss\nAda Park,North,Mia Chen\n"
    at = upload(app(), ("people.csv", odd))
    assert "Not loaded" in texts(at)
    at.selectbox(key="upload_map_kind_0").set_value("roster").run()
    at.selectbox(key="upload_map_0_roster_rep").set_value("Person").run()
    at.selectbox(key="upload_map_0_roster_team").set_value("Squad").run()
    at.selectbox(key="upload_map_0_roster_manager").set_value("Boss").run()
    at.button(key="upload_map_go_0").click().run()
    assert not at.exception, at.exception
    assert "1 roster rows loaded" in texts(at)
    # Next week's export with the same columns loads without asking.
    at = upload(at, ("people-next-week.csv", odd + b"Ben Ruiz,South,Sam Lee\n"))
    assert "2 roster rows loaded" in texts(at)


def test_uploads_page_lists_and_undoes(app, tmp_path: Path) -> None:
    at = upload(app(), ("roster.csv", ROSTER))
    at.switch_page("pages/uploads.py").run()
    assert not at.exception, at.exception
    history = at.dataframe[0].value
    assert list(history["file_name"]) == ["roster.csv"]
    assert at.button(key="uploads_undo").disabled
    at.checkbox(key="uploads_confirm_1").check().run()
    at.button(key="uploads_undo").click().run()
    assert not at.exception, at.exception
    assert "Upload #1 undone: 2 rows removed." in [s.value for s in at.success]
    assert at.dataframe[0].value.iloc[0]["status"] == "undone"


def test_uploads_page_when_empty(app) -> None:
    at = app("pages/uploads.py")
    assert [i.value for i in at.info] == ["No uploads yet."]


def test_user_text_is_never_rendered_as_markdown(app) -> None:
    name = "**bold**<script>alert(1)</script>.csv"
    at = upload(app(), (name, ROSTER))
    assert any(name in t.value for t in at.text)
    assert not any(name in m.value for m in at.markdown)
