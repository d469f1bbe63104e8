"""A name of the exports the roster carries in no form, said to be a roster rep ("same person").

A CRM export spells Maëlle Chevalier 'Maelle Chevallier' (a letter doubled): the upload's note names her
as the likely roster rep, and her rows count for a rep of their own, without a team. A leader says they
are one person (the Uploads page, `dashboard names link`): her rows then count for Maëlle everywhere,
the next upload's note no longer names the spelling, and taking the link back restores both reps.
A manager may not. Real ingest of Pipedrive-shaped exports.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard import name_links, roster
from dashboard.access import NotAllowed, Viewer
from dashboard.cli import app as cli_app
from dashboard.db import Database
from tests.one_week import load_files, week_by_rep

ROOT = Path(__file__).resolve().parent.parent
ROSTER = (
    "Name,Email,Team,Manager,Start date\n"
    "Maëlle Chevalier,maelle@exemple.fr,Mid-Market,Laura Jensen,2022-03-14\n"
    "Ben Okafor,ben@exemple.fr,Mid-Market,Laura Jensen,2021-06-01\n"
)
HEADER = (
    "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,"
    "Activity - Duration,Activity - Done,Activity - Marked as done time,Activity - Assigned to user,"
    "Activity - Note,Activity - Organization,Activity - Creation date\n"
)


def _calls(first: int, *users: str) -> str:
    """Pipedrive activities: one done call per user, in the week of tests.one_week.WEEK."""
    return HEADER + "".join(
        f"{first + i},Call,Call,2026-11-1{7 + i % 3},09:00,00:10,Done,2026-11-1{7 + i % 3} 09:15:00,"
        f"{user},,Acme {i},2026-11-10 08:00:00\n"
        for i, user in enumerate(users)
    )


WEEK_CALLS = _calls(
    1, "Maëlle Chevalier", "Maëlle Chevalier", "Maelle Chevallier", "Maelle Chevallier", "Ben Okafor"
)


@pytest.fixture
def company(database: Database, write) -> Database:
    (_, calls) = load_files(database, write, [("roster.csv", ROSTER), ("calls.csv", WEEK_CALLS)])
    note = next(n for n in calls.notes if "not on the roster" in n)
    assert "Maelle Chevallier (2 rows, perhaps Maëlle Chevalier of the roster?)" in note
    assert "say which roster rep it is (Uploads page, or dashboard names link)" in note
    return database


def _kept_copy_is_live(database: Database) -> None:
    kept = roster.list_reps(database)
    with database.cursor() as cur:  # the live macros, as a write would read them
        live = cur.execute("SELECT DISTINCT rep, team FROM rep_aliases_on_team() ORDER BY rep").fetchall()
    assert sorted(zip(kept["rep"], kept["team"].fillna(""), strict=True)) == [(r, t or "") for r, t in live]


def test_a_name_said_to_be_a_roster_rep_counts_for_that_rep(company: Database, write) -> None:
    before = week_by_rep(company)
    assert before["Maëlle Chevalier"]["calls"] == 2 and before["Maelle Chevallier"]["calls"] == 2
    (off,) = name_links.off_roster(company).to_dict("records")
    assert (off["name"], off["activities"], off["likely"]) == ("Maelle Chevallier", 2, "Maëlle Chevalier")

    made = name_links.link(company, "maelle chevallier", "Maëlle Chevalier")
    assert str(made) == "Maelle Chevallier is Maëlle Chevalier"
    after = week_by_rep(company)
    assert after["Maëlle Chevalier"]["calls"] == 4 and "Maelle Chevallier" not in after
    assert "Maelle Chevallier" not in set(roster.list_reps(company)["rep"])
    assert name_links.off_roster(company).empty
    _kept_copy_is_live(company)
    (calls,) = load_files(company, write, [("more.csv", _calls(100, "Maelle Chevallier"))])
    assert not any("not on the roster" in n for n in calls.notes)
    assert week_by_rep(company)["Maëlle Chevalier"]["calls"] == 5

    taken = name_links.unlink(company, "Maelle Chevallier")
    assert taken.rep == "Maëlle Chevalier"
    back = week_by_rep(company)
    assert back["Maëlle Chevalier"]["calls"] == 2 and back["Maelle Chevallier"]["calls"] == 3
    assert name_links.links(company).empty
    _kept_copy_is_live(company)


def test_what_cannot_be_linked_is_refused_with_the_reason(company: Database) -> None:
    manager = Viewer(email="laura@exemple.fr", name="Laura Jensen", role="manager", teams=("Mid-Market",))
    with pytest.raises(NotAllowed, match="Only a sales leader"):
        name_links.link(company, "Maelle Chevallier", "Maëlle Chevalier", viewer=manager)
    with pytest.raises(name_links.NameLinkError, match="no rep named 'Ben Okafor' is off the roster"):
        name_links.link(company, "Ben Okafor", "Maëlle Chevalier")
    with pytest.raises(name_links.NameLinkError, match="no rep of the roster is named so"):
        name_links.link(company, "Maelle Chevallier", "Marie Curie")
    with pytest.raises(name_links.NameLinkError, match="is not linked"):
        name_links.unlink(company, "Maelle Chevallier")
    assert week_by_rep(company)["Maelle Chevallier"]["calls"] == 2  # nothing changed


def test_the_command_line_lists_links_and_takes_back(company: Database) -> None:
    path = str(company.path)
    company.close()
    runner = CliRunner()
    listed = runner.invoke(cli_app, ["--db", path, "names", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    (off,) = json.loads(listed.stdout)["off_roster"]
    assert off["name"] == "Maelle Chevallier" and off["likely"] == "Maëlle Chevalier"
    linked = runner.invoke(cli_app, ["--db", path, "names", "link", "Maelle Chevallier", "Maelle Chevalier"])
    assert linked.exit_code == 0 and "linked: Maelle Chevallier is Maëlle Chevalier" in linked.stderr
    reps = json.loads(runner.invoke(cli_app, ["--db", path, "reps", "--json"]).stdout)
    assert "Maelle Chevallier" not in {r["rep"] for r in reps}
    again = runner.invoke(cli_app, ["--db", path, "names", "link", "Maelle Chevallier", "Ben Okafor"])
    assert again.exit_code == 1 and "is off the roster" in again.stderr
    taken = runner.invoke(cli_app, ["--db", path, "names", "unlink", "Maelle Chevallier"])
    assert taken.exit_code == 0, taken.stderr
    assert (
        json.loads(runner.invoke(cli_app, ["--db", path, "names", "list", "--json"]).stdout)["linked"] == []
    )


def test_a_leader_says_same_person_on_the_uploads_page(company: Database, tmp_path, monkeypatch) -> None:
    copy = tmp_path / "page.duckdb"
    company.close()
    shutil.copyfile(company.path, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/uploads.py").run()
    assert not at.exception, at.exception
    assert any(s.value == "Names not on the roster" for s in at.subheader)
    assert at.selectbox(key="names_rep").value == "Maëlle Chevalier"  # the likely rep is offered first
    next(b for b in at.button if b.label == "Same person").click().run()
    assert not at.exception, at.exception
    assert any("Maelle Chevallier is Maëlle Chevalier" in s.value for s in at.success)
    database = Database(os.environ["DASHBOARD_DB"])
    try:
        assert list(name_links.links(database)["rep"]) == ["Maëlle Chevalier"]
    finally:
        database.close()
