"""Access by role: a manager of one team cannot read another team's data, anywhere.

Matrix: every data function that takes `teams`, the pages (with st.user set for a
manager, a leader, an unknown user and nobody signed in), URL query parameters, and the CLI.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard import access, coaching, interventions, metrics, rep_view, roster, targets, team_view
from dashboard.agenda import drafts
from dashboard.cli import app as cli_app
from dashboard.trend import rep_trend

ROOT = Path(__file__).resolve().parent.parent
WEEK = dt.date(2026, 11, 16)
MINE, OTHER = "Enterprise East", "Mid-Market Central"
MY_REP, OTHER_REP = "Tomasz Nowak", "Jamal Washington"
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-secret",
        "client_id": "id", "client_secret": "secret",
        "server_metadata_url": "https://accounts.example.com/.well-known/openid-configuration"}  # fmt: skip


@pytest.fixture
def company(sample):
    access.save_user(sample, "denise@northbeam.io", "manager", [MINE], "Denise Okafor")
    access.save_user(sample, "lead@northbeam.io", "leader", [], "Lee Leader")
    return sample


def manager_teams(database) -> list[str]:
    viewer = access.find_user(database, "Denise@Northbeam.io")
    assert viewer is not None and viewer.allowed_teams == [MINE]
    return viewer.allowed_teams


def test_leader_sees_everything(company):
    assert access.find_user(company, "lead@northbeam.io").allowed_teams is None
    assert access.LOCAL_LEADER.allowed_teams is None


def test_reps(company):
    teams = manager_teams(company)
    assert set(roster.list_reps(company, teams)["team"]) == {MINE}
    with pytest.raises(roster.UnknownRep):
        roster.resolve_rep(company, OTHER_REP, teams)


def test_weekly_metrics_and_targets(company):
    teams = manager_teams(company)
    first = WEEK - dt.timedelta(weeks=8)
    assert set(metrics.weekly_metrics(company, first, WEEK, teams=teams)["team"]) == {MINE}
    assert metrics.weekly_metrics(company, first, WEEK, teams=teams, rep=OTHER_REP).empty
    assert set(targets.weekly_targets(company, first, WEEK, teams=teams)["team"]) == {MINE}


def test_team_page_data(company):
    teams = manager_teams(company)
    assert set(team_view.team_overview(company, WEEK, teams=teams).table["team"]) == {MINE}
    assert team_view.team_overview(company, WEEK, teams=teams, team=OTHER).table.empty


@pytest.mark.parametrize(
    "read",
    [
        lambda db, teams: rep_trend(db, OTHER_REP, teams=teams),
        lambda db, teams: rep_view.rep_weekly(db, OTHER_REP, WEEK - dt.timedelta(weeks=4), WEEK, teams=teams),
        lambda db, teams: rep_view.rep_pace(db, OTHER_REP, WEEK, teams=teams),
        lambda db, teams: rep_view.pipeline_changes(db, OTHER_REP, WEEK, teams=teams),
        lambda db, teams: drafts.current(db, OTHER_REP, WEEK, teams=teams),
    ],
    ids=["trend", "rep_weekly", "pace", "pipeline", "agenda"],
)
def test_other_teams_rep_is_not_found(company, read):
    teams = manager_teams(company)
    with pytest.raises(roster.UnknownRep):
        read(company, teams)


def test_flags_and_flag_history(company):
    teams = manager_teams(company)
    assert {f.team for f in interventions.evaluate(company, WEEK, teams=teams)} == {MINE}
    history = interventions.flag_history(company, teams=teams)  # flags were stored as the files loaded
    assert not history.empty and set(history["team"]) == {MINE}
    assert OTHER_REP in set(interventions.flag_history(company)["rep"])  # a leader sees it


def test_commitments_of_another_team_are_out_of_reach(company):
    coaching.add_commitment(company, OTHER_REP, WEEK, "Monday call block", WEEK, "Grace")
    with pytest.raises(roster.UnknownRep):  # pages reach coaching records only through resolve_rep
        drafts.current(company, OTHER_REP, WEEK, teams=manager_teams(company))


# ------------------------------------------------------------------ pages, as each kind of user


@pytest.fixture
def app(company, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(company.path))
    company.close()

    def _start(user: dict | None, page: str | None = None, query: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
        at.secrets["auth"] = AUTH
        at.user = user if user is not None else {"is_logged_in": False}
        at.run()
        if page:
            at.switch_page(page)
            if query:
                at.query_params.update(query)
            at.run()
        assert not at.exception, at.exception
        return at

    return _start


MANAGER = {"is_logged_in": True, "email": "denise@northbeam.io", "name": "Denise"}
LEADER = {"is_logged_in": True, "email": "lead@northbeam.io", "name": "Lee"}
STRANGER = {"is_logged_in": True, "email": "someone@else.io", "name": "Someone"}


def every_text(at: AppTest) -> str:
    parts = [t.value for t in at.text] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
    return "\n".join(parts)


def test_nobody_signed_in_sees_a_sign_in_button_and_no_data(app):
    at = app(None)
    assert [b.label for b in at.button] == ["Sign in"]
    assert MY_REP not in every_text(at)
    assert "sample.duckdb" not in every_text(at)  # no sidebar for a visitor


@pytest.mark.parametrize("user", [None, STRANGER], ids=["signed-out", "unknown"])
@pytest.mark.parametrize("page", ["pages/upload.py", "pages/uploads.py", "pages/team.py", "pages/admin.py"])
def test_signed_out_or_unknown_has_no_other_page(app, user, page):
    at = app(user)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)  # the navigation holds the sign-in (or whom-to-ask) page only


def test_unknown_user_is_told_whom_to_ask_and_sees_no_data(app):
    at = app(STRANGER)
    text = every_text(at)
    assert "someone@else.io" in text and "lead@northbeam.io" in text
    assert MY_REP not in text and OTHER_REP not in text


def test_manager_team_page_shows_only_own_team(app):
    at = app(MANAGER, "pages/team.py")
    text = every_text(at)
    assert MY_REP in text and OTHER_REP not in text


@pytest.mark.parametrize("page", ["pages/rep.py", "pages/agenda.py"])
def test_manager_cannot_open_another_teams_rep_by_url(app, page):
    at = app(MANAGER, page, {"rep": OTHER_REP, "week": WEEK.isoformat()})
    assert OTHER_REP not in every_text(at)
    assert all(OTHER_REP not in (a.value or "") for a in at.text_area)


def test_manager_interventions_only_own_team(app):
    at = app(MANAGER, "pages/interventions.py", {"week": WEEK.isoformat()})
    shown = {h.value for h in at.subheader}
    assert MY_REP in shown and OTHER_REP not in shown


@pytest.mark.parametrize("page", ["pages/admin.py", "pages/targets.py", "pages/leader.py"])
def test_manager_has_no_leader_pages(app, page):
    at = app(MANAGER)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)  # not in a manager's navigation, so not reachable by URL either


def test_leader_sees_all_teams_and_the_admin_page(app):
    at = app(LEADER, "pages/team.py")
    text = every_text(at)
    assert MY_REP in text and OTHER_REP in text
    admin = app(LEADER, "pages/admin.py")
    assert "denise@northbeam.io" in every_text(admin)


# ------------------------------------------------------------------ writing through the pages


def upload(at: AppTest, name: str, content: str) -> AppTest:
    at.file_uploader(key="upload_files").set_value([(name, content.encode(), "text/csv")])
    at.run()
    at.button(key="upload_go").click().run()
    assert not at.exception, at.exception
    return at


def test_manager_upload_page_refuses_a_roster_and_rejects_another_teams_rows(app):
    at = app(MANAGER, "pages/upload.py")
    assert "Rosters, targets and target accounts are loaded by a sales leader" in at.info[0].value
    assert not any(b.key == "upload_demo" for b in at.button)
    at = upload(at, "roster.csv", f"rep,team,manager\n{OTHER_REP},{MINE},Denise Okafor\n")
    assert "Not loaded" in every_text(at) and "which a sales leader loads" in every_text(at)
    activities = f"activity_id,rep,date,type\nP1,{MY_REP},2026-11-16,Call\nP2,{OTHER_REP},2026-11-16,Call\n"
    at = upload(at, "week.csv", activities)
    assert "week.csv: 1 activities row loaded" in every_text(at)
    problems = at.dataframe[0].value
    assert list(problems["Row"]) == [3] and problems.iloc[0]["Value"] == OTHER_REP
    assert problems.iloc[0]["Message"].startswith(f"{OTHER_REP} is on another team's roster")
    team = app(MANAGER, "pages/team.py")
    assert OTHER_REP not in every_text(team)  # still not visible: the roster did not change


def test_manager_uploads_page_lists_own_uploads_and_undoes_them(app):
    at = upload(
        app(MANAGER, "pages/upload.py"),
        "mine.csv",
        f"activity_id,rep,date,type\nQ1,{MY_REP},2026-11-16,Call\n",
    )
    at.switch_page("pages/uploads.py").run()
    history = at.dataframe[0].value
    assert list(history["File"]) == ["mine.csv"]  # none of the sample company's uploads
    assert list(history["By"]) == ["denise@northbeam.io"]
    upload_id = int(history.iloc[0]["Upload"])
    at.checkbox(key=f"uploads_confirm_{upload_id}").check().run()
    at.button(key="uploads_undo").click().run()
    assert not at.exception, at.exception
    assert f"Upload #{upload_id} undone: 1 row removed." in [x.value for x in at.success]
    assert at.dataframe[0].value.iloc[0]["Undone by"] == "denise@northbeam.io"


def test_leader_uploads_page_shows_who_uploaded(app):
    at = app(LEADER, "pages/uploads.py")
    history = at.dataframe[0].value
    assert set(history["By"]) == {"local user"}  # the sample company, loaded without login
    assert {"By", "Undone by"} <= set(history.columns)


def test_agenda_save_records_the_managers_email(app):
    at = app(MANAGER, "pages/agenda.py", {"rep": MY_REP, "week": WEEK.isoformat()})
    at.button(key="agenda_save").click().run()
    assert not at.exception, at.exception
    assert any("Saved by denise@northbeam.io" in c.value for c in at.caption)


# ------------------------------------------------------------------ CLI


def test_users_cli_round_trip(tmp_path):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "cli.duckdb")]
    result = runner.invoke(cli_app, [*db, "users", "add", "ann@x.io", "--team", "North", "--team", "South"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli_app, [*db, "users", "add", "bob@x.io", "--role", "manager"]).exit_code == 1
    listed = json.loads(runner.invoke(cli_app, [*db, "users", "list", "--json"]).stdout)
    assert listed == [{"email": "ann@x.io", "name": None, "role": "manager", "teams": ["North", "South"]}]
    assert runner.invoke(cli_app, [*db, "users", "remove", "ann@x.io"]).exit_code == 0
    assert runner.invoke(cli_app, [*db, "users", "remove", "ann@x.io"]).exit_code == 1
