"""People on a user list who are not selling: a rep who left (inactive) and a manager without work.

A CRM's user list marks a leaver inactive without an end date (Dynamics 365 'Status: Deaktiviert'),
and lists the managers themselves (named as others' 'Vorgesetzter'). Loaded through the real ingest
with activities and deals: the leaver counts up to their last week of own work (history stays theirs)
and not after; a manager with no work of their own is no rep anywhere; a player-coach stays a rep; a
roster end date keeps precedence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dashboard import digest, interventions, leader, metrics, roster, team_view, uploads
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import fetch

FIRST = dt.date(2026, 9, 7)  # a Monday
WEEKS = [FIRST + dt.timedelta(weeks=i) for i in range(8)]
LAST = WEEKS[-1]
LEFT_AFTER = WEEKS[4]  # Tobias Hübner's last week of work

USERS = (
    "Vollständiger Name;Vorname;Nachname;Unternehmenseinheit;Vorgesetzter;Primäre E-Mail;Status\n"
    "Sabine Schröder;Sabine;Schröder;Vertrieb Nord;;sabine@contoso.de;Aktiviert\n"
    "Thomas Müller;Thomas;Müller;Vertrieb Süd;Sabine Schröder;thomas@contoso.de;Aktiviert\n"
    "Jürgen Weiß;Jürgen;Weiß;Vertrieb Nord;Sabine Schröder;juergen@contoso.de;Aktiviert\n"
    "Lena Bäcker;Lena;Bäcker;Vertrieb Süd;Thomas Müller;lena@contoso.de;Aktiviert\n"
    "Tobias Hübner;Tobias;Hübner;Vertrieb Süd;Thomas Müller;tobias@contoso.de;Deaktiviert\n"
    "Ömer Yılmaz;Ömer;Yılmaz;Vertrieb Süd;Thomas Müller;oemer@contoso.de;Deaktiviert\n"
)
SELLING = ["Jürgen Weiß", "Lena Bäcker", "Thomas Müller"]  # Thomas: a player-coach


def _activities() -> str:
    lines = ["Aktivitätstyp;Betreff;Bezug;Besitzer;Tatsächlicher Beginn;Tatsächliche Dauer"]
    for week in WEEKS:
        working = ["Jürgen Weiß", "Lena Bäcker", "Thomas Müller"] + (
            ["Tobias Hübner"] if week <= LEFT_AFTER else []
        )
        for rep in working:
            for day in range(5):
                when = week + dt.timedelta(days=day)
                for hour in (9, 11, 14, 16):
                    lines.append(
                        f"Telefonanruf;Anruf;Kunde {rep[:3]} {day};{rep};{when:%d.%m.%Y} {hour}:00;15"
                    )
                lines.append(f"Termin;Erstgespräch;Kunde {rep[:3]} {day};{rep};{when:%d.%m.%Y} 10:00;60")
    return "\n".join(lines) + "\n"


OPPORTUNITIES = (
    "Thema;Potenzieller Kunde;Besitzer;Status;Geschätzter Umsatz;Geschätztes Abschlussdatum;"
    "Tatsächliches Enddatum;Erstellt am\n"
    # the leaver's open deal stays under his name (not handed on yet), and one closes after he left
    f"Hübner offen;Kunde Tob 1;Tobias Hübner;Offen;12.500,00 €;18.12.2026;;{WEEKS[1]:%d.%m.%Y} 09:00\n"
    f"Hübner gewonnen;Kunde Tob 2;Tobias Hübner;Gewonnen;8.000,00 €;{LAST:%d.%m.%Y};{LAST:%d.%m.%Y};"
    f"{WEEKS[2]:%d.%m.%Y} 09:00\n"
    f"Weiß offen;Kunde Jür 1;Jürgen Weiß;Offen;20.000,00 €;18.12.2026;;{WEEKS[3]:%d.%m.%Y} 09:00\n"
    f"Müller offen;Kunde Tho 1;Thomas Müller;Offen;30.000,00 €;18.12.2026;;{WEEKS[6]:%d.%m.%Y} 09:00\n"
)


def _load(database: Database, path: Path) -> None:
    result = ingest_file(database, path, IngestOptions())
    assert result.status == "loaded", result.message


def _company(database: Database, write, users: str = USERS) -> None:
    _load(database, write("Benutzer.csv", users))
    _load(database, write("Aktivitaeten.csv", _activities()))
    _load(database, write("Verkaufschancen.csv", OPPORTUNITIES))


def test_the_user_lists_status_is_read_as_active(database: Database, write) -> None:
    _load(database, write("Benutzer.csv", USERS))
    active = dict(fetch(database, "SELECT rep, active FROM reps WHERE superseded_by IS NULL"))
    assert active["Tobias Hübner"] is False and active["Ömer Yılmaz"] is False
    assert active["Jürgen Weiß"] is True and active["Sabine Schröder"] is True


def test_a_rep_who_left_counts_up_to_their_last_week_of_work(database: Database, write) -> None:
    _company(database, write)
    # this week's Team page: the reps who sell, not the leaver nor the manager
    table = team_view.team_overview(database, LAST).table
    assert sorted(table["rep"]) == SELLING
    # his weeks before stay his: the Team page of his last week, and his Rep page history
    assert "Tobias Hübner" in set(team_view.team_overview(database, LEFT_AFTER).table["rep"])
    history = metrics.weekly_metrics(database, FIRST, LAST).query("rep == 'Tobias Hübner'")
    assert list(history["week"].map(lambda w: w.date() if hasattr(w, "date") else w)) == WEEKS[:5]
    assert (history["calls"] == 20).all()
    spelled = roster.spellings(database, "Tobias Hübner")
    assert spelled is not None and spelled.end_date == LEFT_AFTER + dt.timedelta(days=6)

    # no flag for the weeks after he left (three weeks of nothing would read as a slump)
    review = interventions.review(database, LAST)
    assert not {f.rep for f in review.flags} & {"Tobias Hübner", "Ömer Yılmaz", "Sabine Schröder"}
    assert not {t.rep for t in review.too_new} & {"Tobias Hübner", "Ömer Yılmaz", "Sabine Schröder"}

    # the Leader view counts the reps who sell
    org = leader.overview(database, LAST)
    records = leader.coaching_records(database, LAST)
    assert sorted(records.reps["rep"]) == SELLING
    assert leader.summary(records, "organisation").iloc[0]["reps"] == 3
    assert org.week == LAST

    # the digest: no section or line for the people who do not sell
    monday = digest.build(database, LAST)
    named = {
        rep
        for section in monday.sections
        for rep in [*(u.rep for u in section.under), *(p.rep for p in section.prepare),
                    *(s.rep for s in section.support), *(s.rep for s in section.hygiene),
                    *(r.rep for r in section.recognition)]
    }  # fmt: skip
    assert named <= set(SELLING), named
    reps = {section.manager: section.reps for section in monday.sections}
    assert reps == {"Sabine Schröder": 2, "Thomas Müller": 1}, reps


def test_a_manager_without_work_is_no_rep_and_a_player_coach_is(database: Database, write) -> None:
    _company(database, write)
    listed = set(roster.list_reps(database)["rep"])
    assert "Sabine Schröder" not in listed and "Ömer Yılmaz" not in listed  # never worked here
    assert {"Thomas Müller", "Tobias Hübner"} <= listed  # a player-coach; a leader with history
    for week in WEEKS:
        assert "Sabine Schröder" not in set(team_view.team_overview(database, week).table["rep"])
    assert "Thomas Müller" in set(team_view.team_overview(database, FIRST).table["rep"])


def test_a_roster_end_date_keeps_precedence(database: Database, write) -> None:
    users = (
        "Rep,Team,Manager,Email,Active,End Date\n"
        "Tobias Hübner,Vertrieb Süd,Thomas Müller,tobias@contoso.de,false,"
        f"{WEEKS[2] + dt.timedelta(days=2):%Y-%m-%d}\n"
        "Lena Bäcker,Vertrieb Süd,Thomas Müller,lena@contoso.de,true,\n"
    )
    _load(database, write("roster.csv", users))
    _load(database, write("Aktivitaeten.csv", _activities()))
    spelled = roster.spellings(database, "Tobias Hübner")
    assert spelled is not None and spelled.end_date == WEEKS[2] + dt.timedelta(days=2)
    assert "Tobias Hübner" in set(team_view.team_overview(database, WEEKS[2]).table["rep"])
    assert "Tobias Hübner" not in set(team_view.team_overview(database, WEEKS[3]).table["rep"])


def test_a_user_list_loaded_after_the_work_takes_back_the_leavers_later_flags(
    database: Database, write
) -> None:
    """The flags stored at the activity upload (a leaver's empty weeks read as a logging gap) are judged
    again when the user list says he left, and come back when that upload is undone."""
    _load(database, write("Aktivitaeten.csv", _activities()))
    _load(database, write("Verkaufschancen.csv", OPPORTUNITIES))
    assert "Tobias Hübner" in set(interventions.flag_history(database)["rep"])  # judged as a rep then
    result = ingest_file(database, write("Benutzer.csv", USERS), IngestOptions())
    assert result.status == "loaded", result.message
    assert "Tobias Hübner" not in set(interventions.flag_history(database)["rep"])
    uploads.undo(database, result.upload_id or 0)
    assert "Tobias Hübner" in set(interventions.flag_history(database)["rep"])


def test_the_agenda_and_rep_pickers_list_the_team_of_the_week(
    database: Database, write, tmp_path: Path, monkeypatch
) -> None:
    """The leaver is not offered in this week's pickers (as the Team page and the flags read the team),
    and stays there for a week he worked and on a link that names him (his history is his)."""
    from streamlit.testing.v1 import AppTest

    _company(database, write)
    monkeypatch.setenv("DASHBOARD_DB", str(database.path))
    root = Path(__file__).resolve().parent.parent

    def picker(page: str, key: str, **query: str) -> list[str]:
        at = AppTest.from_file(str(root / "streamlit_app.py"), default_timeout=60)
        at.query_params.update(query)
        at.run()
        at.switch_page(page)
        at.run()
        assert not at.exception, at.exception
        return list(at.selectbox(key=key).options)

    assert picker("pages/agenda.py", "agenda_rep") == SELLING
    assert picker("pages/rep.py", "rep_rep") == SELLING
    assert "Tobias Hübner" in picker("pages/agenda.py", "agenda_rep", week=LEFT_AFTER.isoformat())
    assert "Tobias Hübner" in picker("pages/rep.py", "rep_rep", rep="Tobias Hübner")
