"""Streamlit AppTest over the real entry point: each page as a user drives it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import scorecard_grid
from tests.grid import read_grid

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


def test_sidebar_shows_database_and_no_data_yet(app, tmp_path: Path) -> None:
    at = app()
    sidebar = "\n".join(t.value for t in at.sidebar.text)
    assert "app.duckdb" in sidebar and str(tmp_path) not in sidebar  # the file, not the server's folders
    assert "no data yet" in sidebar


def test_sidebar_says_the_latest_week_right_after_the_first_upload(app) -> None:
    activities = b"rep,date,type,duration_minutes\nAda Park,2026-03-04,call,5\n"
    at = upload(app(), ("roster.csv", ROSTER), ("activities.csv", activities))
    sidebar = "\n".join(t.value for t in at.sidebar.text)
    assert "week of Mon 02 Mar 2026" in sidebar and "no data yet" not in sidebar


def test_upload_loads_a_file_and_reports_counts(app) -> None:
    at = upload(app(), ("roster.csv", ROSTER))
    assert "Loaded" in texts(at)
    assert "roster.csv: 2 roster rows loaded" in texts(at)
    assert [m.value for m in at.metric][:2] == ["2", "2"]


def test_upload_shows_rejected_rows_and_offers_download(app) -> None:
    bad = b'opportunity_id,owner,stage,amount\nO1,Ada,Proposal,100\nO2,Ada,Proposal,"12,O00"\n'
    at = upload(app(), ("deals.csv", bad))
    frame = at.dataframe[0].value
    assert frame.iloc[0]["Row"] == 3 and frame.iloc[0]["Column"] == "amount"  # labelled, not raw names
    assert any(b.label == "Download all rejected rows and blanked cells" for b in at.get("download_button"))


def test_same_file_twice_is_a_duplicate(app) -> None:
    at = upload(app(), ("roster.csv", ROSTER))
    at = upload(at, ("roster.csv", ROSTER))
    assert "Already loaded" in texts(at)


def test_unknown_layout_is_mapped_once_and_remembered(app) -> None:
    odd = b"Person,Squad,Boss\nAda Park,North,Mia Chen\n"
    at = upload(app(), ("people.csv", odd))
    assert "Not loaded" in texts(at)
    assert "--" not in texts(at) and "in the form below" in texts(at)  # what the app offers, not the CLI
    at.selectbox(key="upload_map_kind_0").set_value("roster").run()
    at.selectbox(key="upload_map_0_roster_rep").set_value("Person").run()
    at.selectbox(key="upload_map_0_roster_team").set_value("Squad").run()
    at.selectbox(key="upload_map_0_roster_manager").set_value("Boss").run()
    at.button(key="upload_map_go_0").click().run()
    assert not at.exception, at.exception
    assert "1 roster row loaded" in texts(at)
    # Next week's export with the same columns loads without asking.
    at = upload(at, ("people-next-week.csv", odd + b"Ben Ruiz,South,Sam Lee\n"))
    assert "2 roster rows loaded" in texts(at)


def test_uploads_page_lists_and_undoes(app, tmp_path: Path) -> None:
    at = upload(app(), ("roster.csv", ROSTER))
    at.switch_page("pages/uploads.py").run()
    assert not at.exception, at.exception
    history = at.dataframe[0].value
    assert list(history["File"]) == ["roster.csv"]
    assert list(history.columns[:6]) == [
        "Upload",
        "File",
        "Kind",
        "Source",
        "Status",
        "Rows read",
    ]  # no raw names
    assert at.button(key="uploads_undo").disabled
    assert at.button(key="uploads_undo").help.startswith("Tick the box above first")  # why it is grey
    at.checkbox(key="uploads_confirm_1").check().run()
    assert not at.button(key="uploads_undo").help
    at.button(key="uploads_undo").click().run()
    assert not at.exception, at.exception
    assert "Upload #1 undone: 2 rows removed." in [s.value for s in at.success]
    assert at.dataframe[0].value.iloc[0]["Status"] == "undone"


def test_uploads_page_when_empty(app) -> None:
    at = app("pages/uploads.py")
    assert [i.value for i in at.info] == ["No uploads yet."]


def test_user_text_is_never_rendered_as_markdown(app) -> None:
    name = "**bold**<script>alert(1)</script>.csv"
    at = upload(app(), (name, ROSTER))
    assert any(name in t.value for t in at.text)
    assert not any(name in m.value for m in at.markdown)


@pytest.fixture
def sample_app(sample_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The app on its own copy of the sample company."""
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))

    def _start(page: str | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.query_params.update(query)
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        assert not at.exception, at.exception
        return at

    return _start


def test_team_page_is_the_default_with_data_and_shows_attainment(sample_app) -> None:
    at = sample_app(week="2026-11-16", team="Enterprise East")
    assert at.title[0].value == "Team"
    card = read_grid(at.html[0].value)
    assert list(card) == sorted(card, key=str.lower)  # alphabetical, not ranked
    assert {row["Team"]["text"] for row in card.values()} == {"Enterprise East"}
    cell = card["Tomasz Nowak"]["First meetings"]
    assert cell["text"] == "○ 1 of 3"  # symbol and value: colour is never the only signal
    assert cell["data-status"] == "below"  # and tinted by status:
    assert f"td[data-status=below]{{background:{scorecard_grid.TINTS['below'][0]}" in at.html[0].value
    assert cell["title"] == "First meetings: 1 of 3 · ○ below since 2026-07-13 (19 wks)"  # on hover
    assert any(row["Calls"]["text"].startswith("✓ ") for row in card.values())
    # the name opens the Rep page in the same tab, on the chosen week
    link = card["Tomasz Nowak"]["Rep"]
    assert link["a_href"] == "rep?rep=Tomasz+Nowak&from=2026-05-25&to=2026-11-16"
    assert link["a_target"] == "_self"
    assert not at.dataframe or "first_meetings" not in at.dataframe[0].value  # lines wait to be asked for
    under = at.dataframe[0].value.set_index("rep")
    assert under.loc["Tomasz Nowak", "under since"] == "2026-07-13"  # since when: told once, below
    assert under.loc["Tomasz Nowak", "weeks"] == 19
    at.toggle(key="team_trends").set_value(True).run()
    assert len(at.dataframe[0].value.set_index("rep").loc["Tomasz Nowak", "first_meetings"]) == 8


def test_team_grid_fits_1400_px(sample_app) -> None:
    """Nine columns of short cells: at most about 150 px each on a 1400 px page (a 0.85rem character
    is about 7.5 px), the widest cell and heading word of each column summed; wider scrolls in its box."""
    html = sample_app().html[0].value
    card = read_grid(html)
    columns = next(iter(card.values())).keys()
    widest = {c: max(len(row[c]["text"]) for row in card.values()) for c in columns}
    words = {c: max(len(w) for w in c.split()) for c in columns}
    assert sum(max(widest[c], words[c]) * 7.5 + 17 for c in columns) <= 1400 - 2 * 48, widest
    assert 'class="scorecard-box"' in html and "overflow-x:auto" in html


def test_team_page_all_teams_by_default(sample_app) -> None:
    at = sample_app()
    assert len(read_grid(at.html[0].value)) == 24
    assert at.selectbox(key="team_week").value == dt.date(2026, 11, 16)


def test_a_rep_link_opens_the_rep_page_on_that_week(sample_app) -> None:
    at = sample_app("pages/rep.py", rep="Tomasz Nowak", **{"from": "2026-06-01", "to": "2026-11-09"})
    assert at.selectbox(key="rep_rep").value == "Tomasz Nowak"
    assert at.selectbox(key="rep_from").value == dt.date(2026, 6, 1)
    assert at.selectbox(key="rep_to").value == dt.date(2026, 11, 9)


def test_rep_page_weeks_are_picked_from_the_weeks_with_data(sample_app) -> None:
    """The first and last week are chosen from lists, latest first and named as the Team page names
    its weeks (no date picker, whose scripts held up the chart in the browser); the chart and the
    link follow them, and a first week after the last is said plainly instead of drawn."""
    at = sample_app("pages/rep.py", rep="Tomasz Nowak", **{"from": "2026-06-01", "to": "2026-11-09"})
    first = at.selectbox(key="rep_from")
    assert first.label == "First week" and at.selectbox(key="rep_to").label == "Last week"
    assert first.options[0] == "week of Mon 16 Nov 2026" and first.options[-1] == "week of Mon 23 Jun 2025"
    at.selectbox(key="rep_from").select(dt.date(2026, 10, 5)).run()
    assert not at.exception, at.exception
    chart = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    ticks = chart["layer"][0]["encoding"]["x"]["axis"]["values"]  # one a week shown
    assert (ticks[0]["month"], ticks[0]["date"], ticks[-1]["month"], ticks[-1]["date"]) == (10, 5, 11, 9)
    assert at.query_params["from"] == "2026-10-05"
    at.selectbox(key="rep_to").select(dt.date(2026, 9, 28)).run()
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == [
        "The first week (05 Oct 2026) is after the last (28 Sep 2026): pick them again."
    ]
    assert not at.get("vega_lite_chart")


def _chart_titles(at: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["title"] for chart in at.get("vega_lite_chart")]


def test_rep_page_charts_and_pipeline_changes(sample_app) -> None:
    at = sample_app("pages/rep.py", rep="Tomasz Nowak", **{"from": "2026-06-01", "to": "2026-11-16"})
    assert at.selectbox(key="rep_rep").value == "Tomasz Nowak"
    # the main chart only: the other metrics wait in their tabs, drawn when opened
    assert _chart_titles(at) == ["Prospecting minutes"]
    assert [t.label for t in at.tabs] == [
        "Prospecting minutes", "Calls", "First meetings", "Opportunities created",
        "Opportunities over \\$100k", "Pipeline coverage", "Win rate", "All metrics",
    ]  # fmt: skip
    # pace and pipeline changes: a summary in the expander's label, the tables when opened
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Pace as of the week of 16 Nov 2026: ") for label in labels), labels
    assert any(
        "Pipeline changes in the week of 16 Nov 2026: " in label and " lost" in label for label in labels
    )
    assert not at.dataframe
    at.session_state["rep_pace"] = True
    at.session_state["rep_pipeline"] = True
    at.run()
    assert not at.exception, at.exception
    assert [m.label for m in at.metric] == ["new", "won", "lost", "stage moved", "close date slipped",
                                            "no longer listed"]  # fmt: skip
    changes = at.dataframe[-1].value
    assert "lost" in changes["Change"].tolist()
    assert list(changes.columns) == ["Change", "Opportunity", "Account", "Stage before", "Stage now",
                                     "Close date before", "Close date now", "Amount"]  # fmt: skip
    assert not changes.isna().any().any() and "None" not in changes.to_string()
    assert all(a == "–" or (a.startswith("$") and "," in a) for a in changes["Amount"])  # $120,000
    pace = at.dataframe[0].value
    assert "Opportunities over $100k" in pace["expectation"].tolist()
    assert any(b.label == "Download the trend (CSV)" for b in at.get("download_button"))


def test_rep_page_opens_on_a_metric_with_data(app) -> None:
    """Exports with no prospecting time (a CRM's calls and meetings): the page opens on the calls chart,
    not on an empty prospecting chart that reads as a rep who did nothing; the empty tab comes last."""
    calls = b"rep,date,type,duration_minutes\n" + b"".join(
        f"Ada Park,2026-11-{d:02d},call,5\n".encode() for d in (2, 3, 9, 10, 16, 17)
    )
    upload(app(), ("roster.csv", ROSTER), ("calls.csv", calls))
    at = app()
    at.query_params.update({"rep": "Ada Park", "from": "2026-11-02", "to": "2026-11-16"})
    at.switch_page("pages/rep.py")
    at.run()
    assert not at.exception, at.exception
    labels = [t.label for t in at.tabs]
    assert labels[0] == "Calls" and labels.index("Prospecting minutes") > labels.index("First meetings"), (
        labels
    )
    assert _chart_titles(at) == ["Calls"]


def test_rep_page_tab_is_in_the_link(sample_app) -> None:
    at = sample_app("pages/rep.py", rep="Tomasz Nowak", rep_metric="First meetings")
    assert _chart_titles(at) == ["First meetings"]
    at.query_params["rep_metric"] = "All metrics"
    at.run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 7


def _draft(at: AppTest):
    return at.session_state["targets_draft"]


def test_targets_page_edit_save_reload_and_undo(sample_app) -> None:
    at = sample_app("pages/targets.py")
    draft = _draft(at).copy()
    row = draft.index[(draft["metric"] == "calls") & (draft["team"] == "SMB West")][0]
    draft.loc[row, "value"] = -5
    at.session_state["targets_draft"] = draft
    at.run()
    at.button(key="targets_save").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["Not saved: please fix the rows listed below."]
    problems = next(d.value for d in at.dataframe if "problem" in d.value.columns)
    assert problems.iloc[0].to_dict() == {
        "row": row + 1, "target": f"Calls, SMB West, from {draft.loc[row, 'effective_from']:%Y-%m-%d}",
        "column": "value", "value": "-5", "problem": "a target cannot be negative"
    }  # fmt: skip

    draft.loc[row, "value"] = 55
    at.session_state["targets_draft"] = draft
    at.run()
    at.button(key="targets_save").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Targets saved as upload #")
    reloaded = _draft(at)
    assert reloaded.loc[
        (reloaded["metric"] == "calls") & (reloaded["team"] == "SMB West"), "value"
    ].tolist() == [55]

    at.switch_page("pages/uploads.py").run()
    upload_id = int(at.dataframe[0].value.iloc[0]["Upload"])
    assert at.dataframe[0].value.iloc[0]["File"] == "Targets page edit"
    at.checkbox(key=f"uploads_confirm_{upload_id}").check().run()
    at.button(key="uploads_undo").click().run()
    at.switch_page("pages/targets.py").run()
    assert not at.exception, at.exception
    restored = _draft(at)
    assert restored.loc[
        (restored["metric"] == "calls") & (restored["team"] == "SMB West"), "value"
    ].tolist() == [25]


def test_targets_page_suggests_from_own_history(sample_app) -> None:
    at = sample_app("pages/targets.py")
    at.selectbox(key="targets_rep").set_value("Tomasz Nowak").run()
    assert [m.value for m in at.metric] == ["1", "3 per week"]


def test_mapping_joins_first_and_last_name(app) -> None:
    people = b"Given,Family,Squad\nAda,Park,North\nBen,Ruiz,South\n"
    at = upload(app(), ("people.csv", people))
    assert "Not loaded" in texts(at)
    at.selectbox(key="upload_map_kind_0").set_value("roster").run()
    at.selectbox(key="upload_map_0_roster_team").set_value("Squad").run()
    at.selectbox(key="upload_join_field_0_roster").set_value("rep").run()
    at.selectbox(key="upload_join_first_0").set_value("Given").run()
    at.selectbox(key="upload_join_second_0").set_value("Family").run()
    at.button(key="upload_map_go_0").click().run()
    assert not at.exception, at.exception
    assert "2 roster rows loaded" in texts(at)
    at.switch_page("pages/team.py").run()
    assert not at.exception, at.exception


def test_a_won_stage_is_asked_about_then_remembered(app) -> None:
    deals = (
        b"opportunity_id,owner,stage,amount,snapshot_date\n"
        b"1,Ada Park,Intro,100,2026-10-05\n2,Ada Park,Paid,200,2026-10-05\n"
    )
    at = upload(app(), ("deals.csv", deals))
    assert "Not loaded" in texts(at)
    at.selectbox(key="upload_stage_0_Paid").set_value("won").run()
    at.selectbox(key="upload_stage_0_Intro").set_value("open").run()
    at.button(key="upload_stages_go_0").click().run()
    assert not at.exception, at.exception
    assert "2 opportunities rows loaded" in texts(at)
    later = deals.replace(b"2026-10-05", b"2026-10-12")
    at = upload(at, ("deals-next-week.csv", later))
    assert "2 opportunities rows loaded" in texts(at)


def test_an_unrecognized_title_is_assigned_a_category(app) -> None:
    log = (
        b"rep,date,type,subject\n"
        + b"Ada Park,2026-10-05,Task,Power hour\n" * 3
        + b"Ada Park,2026-10-05,Call,Dial\n"
    )
    at = upload(app(), ("log.csv", log))
    assert any("no prospecting time recognized" in w.value for w in at.warning)
    at.selectbox(key="upload_cat_field_0").set_value("subject").run()
    at.text_input(key="upload_cat_text_0").set_value("Power hour").run()
    at.selectbox(key="upload_cat_category_0").set_value("prospecting").run()
    at.button(key="upload_cat_go_0").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Saved: 3 stored activities now read as Prospecting."]


def test_a_pipeline_without_a_date_is_confirmed_or_redated(app) -> None:
    deals = b"Deal Name,Deal Stage,Amount,Deal owner,Create Date\nA,Qualification,100,Ada Park,2026-09-30\n"
    at = upload(app(), ("deals.csv", deals))
    assert "1 opportunities row loaded" in texts(at)
    assert any("Stored as the pipeline of Wednesday 30 September 2026" in c.value for c in at.caption)
    at.date_input(key="upload_snap_0").set_value(dt.date(2026, 10, 5)).run()
    at.button(key="upload_snap_go_0").click().run()
    assert not at.exception, at.exception
    assert "1 opportunities row loaded" in texts(at)
    at.switch_page("pages/uploads.py").run()
    assert list(at.dataframe[0].value["Status"]) == ["loaded", "undone"]


def test_a_run_reads_the_store_version_once_and_again_after_its_own_write(app, monkeypatch) -> None:
    from dashboard.db import Database

    activities = b"rep,date,type,duration_minutes\nAda Park,2026-03-04,call,5\n"
    at = upload(app(), ("roster.csv", ROSTER), ("activities.csv", activities))
    reads: list[int] = []
    version = Database.version
    monkeypatch.setattr(Database, "version", lambda self: reads.append(1) or version(self))
    at.switch_page("pages/team.py").run()
    assert not at.exception and len(reads) == 1  # every cached call of the run keyed on one read
    at.run()
    assert len(reads) == 2  # the next run asks again: another server's write shows on a rerun
    more = b"rep,date,type,duration_minutes\nBen Ruiz,2026-03-05,call,7\n"
    at.switch_page("pages/upload.py").run()
    upload(at, ("more.csv", more))  # its own write, then its reads
    at.switch_page("pages/team.py").run()
    assert not at.exception and "Ben Ruiz" in read_grid(at.html[0].value)
