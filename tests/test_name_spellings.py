"""A rep's name written without its accents, or in another case, is that rep, not a second one.

A roster says "Ana García"; the CRM's activities and deal owners say "Ana Garcia" for part of her
work. Loaded through the real ingest (roster, Pipedrive activities and deals), the Team page, the
metrics and the Leader view show one Ana with her team and all her rows; two roster reps whose names
differ only by accents stay two; unrostered spellings that differ only by case are one rep; and the
upload tells a manager which names of a file are on no roster.
"""

from __future__ import annotations

import pytest

from dashboard import roster, team_view, uploads
from dashboard import targets as targets_api
from dashboard.db import Database
from tests.one_week import WEEK, load_files, week_by_rep

ROSTER_HEADER = "Name,Email,Team,Manager,Start date\n"
ROSTER = (
    ROSTER_HEADER + "Ana García,ana.garcia@brightloop.eu,Mid-Market,Laura Jensen,2022-03-14\n"
    "Ben Okafor,ben.okafor@brightloop.eu,Mid-Market,Laura Jensen,2021-06-01\n"
)
ACTIVITY_HEADER = (
    "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,"
    "Activity - Duration,Activity - Done,Activity - Marked as done time,Activity - Assigned to user,"
    "Activity - Note,Activity - Organization,Activity - Creation date\n"
)
DEAL_HEADER = (
    "Deal - ID,Deal - Title,Deal - Creator,Deal - Owner,Deal - Value,Deal - Currency,Deal - Organization,"
    "Deal - Pipeline,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Update time,Deal - Won time,"
    "Deal - Lost time,Deal - Deal closed on,Deal - Lost reason,Deal - Expected close date,"
    "Deal - Source channel\n"
)


def _calls(*rows: tuple[int, str, str]) -> str:
    """Pipedrive activities: one done call per (ID, assigned user, organization), in WEEK."""
    return ACTIVITY_HEADER + "".join(
        f"{i},Call - {org},Call,2026-11-1{7 + i % 3},09:00,00:10,Done,2026-11-1{7 + i % 3} 09:15:00,"
        f"{user},,{org},2026-11-10 08:00:00\n"
        for i, user, org in rows
    )


def _deals(*rows: tuple[int, str, int, str]) -> str:
    """Pipedrive deals, open: (ID, owner, value, organization)."""
    return DEAL_HEADER + "".join(
        f"{i},{org} - Pilot,{owner},{owner},{value},EUR,{org},Sales,Demo Scheduled,Open,"
        "2026-11-17 10:00:00,2026-11-20 10:00:00,,,,,2026-12-18,Referral\n"
        for i, owner, value, org in rows
    )


# Ana's calls: three as 'Ana García' (on Meridian, the deal filed under 'Ana Garcia'), two as 'Ana Garcia'
# (on Vireo, the deal filed under 'Ana García'): only one Ana has worked both open deals.
ACTIVITIES = _calls(
    (1, "Ana García", "Meridian GmbH"),
    (2, "Ana García", "Meridian GmbH"),
    (3, "Ana García", "Meridian GmbH"),
    (4, "Ana Garcia", "Vireo S.L."),
    (5, "Ana Garcia", "Vireo S.L."),
    (6, "Ben Okafor", "Kestrel Ltd"),
)
DEALS = _deals(
    (5101, "Ana García", 24000, "Vireo S.L."),
    (5102, "Ana Garcia", 120000, "Meridian GmbH"),
    (5103, "Ben Okafor", 30000, "Kestrel Ltd"),
)


def _assert_one_ana(database: Database) -> None:
    reps = roster.list_reps(database)
    assert list(zip(reps["rep"], reps["team"], strict=True)) == [
        ("Ana García", "Mid-Market"),
        ("Ben Okafor", "Mid-Market"),
    ]
    week = week_by_rep(database)
    assert set(week) == {"Ana García", "Ben Okafor"}
    ana = week["Ana García"]
    assert ana["team"] == "Mid-Market"
    assert ana["calls"] == 5
    assert ana["open_pipeline"] == 144000
    assert ana["opportunities_over_100k"] == 1  # her €120k deal, filed under 'Ana Garcia'
    assert ana["open_deals"] == 2
    assert ana["open_deals_worked"] == 1.0  # both deals' accounts, each under the other spelling
    assert week["Ben Okafor"]["calls"] == 1
    table = team_view.team_overview(database, WEEK).table
    assert list(zip(table["rep"], table["team"], strict=True)) == [
        ("Ana García", "Mid-Market"),
        ("Ben Okafor", "Mid-Market"),
    ]
    on_team = database.run("leader_rep_weeks", from_week=WEEK, to_week=WEEK, teams=None)
    assert sorted(on_team["rep"]) == ["Ana García", "Ben Okafor"]  # two reps on the team, not three


@pytest.mark.parametrize(
    "order",
    [("roster", "activities", "deals"), ("activities", "deals", "roster"), ("deals", "roster", "activities")],
)
def test_a_name_without_its_accents_is_the_roster_rep(database: Database, write, order) -> None:
    files = {"roster": ROSTER, "activities": ACTIVITIES, "deals": DEALS}
    results = load_files(database, write, [(f"{kind}.csv", files[kind]) for kind in order])
    _assert_one_ana(database)
    assert not any("not on the roster" in note for r in results for note in r.notes)


def test_a_roster_upload_that_adds_the_accented_name_moves_the_facts_to_it(database: Database, write) -> None:
    """Before the roster names her, Ana's data spells her 'Ana Garcia' and 'ana garcia': one rep of her
    own, 'Ana Garcia', whose deal facts are kept under that name. A roster adding 'Ana García' makes
    every row hers, under the new name and with her team (the changed spellings refresh the facts kept
    per rep), as if the roster had come first."""
    plain = [
        (
            "roster1.csv",
            ROSTER_HEADER + "Ben Okafor,ben.okafor@brightloop.eu,Mid-Market,Laura Jensen,2021-06-01\n",
        ),
        ("activities.csv", ACTIVITIES.replace("Ana García", "ana garcia")),
        ("deals.csv", DEALS.replace("Ana García", "ana garcia")),
    ]
    results = load_files(database, write, plain)
    assert "1 name in this file is not on the roster: Ana Garcia (2 rows)." in results[2].message
    before = week_by_rep(database)
    assert set(before) == {"Ana Garcia", "Ben Okafor"}
    ana = before["Ana Garcia"]
    assert (ana["calls"], ana["open_deals"], ana["open_deals_worked"]) == (5, 2, 1.0)
    load_files(database, write, [("roster2.csv", ROSTER)])
    _assert_one_ana(database)


def test_two_roster_reps_whose_names_differ_only_by_accents_stay_two(database: Database, write) -> None:
    people = (
        ROSTER_HEADER + "José Pérez,jose.perez@example.com,East,Kim Lee,2022-01-03\n"
        "Jose Perez,jperez@example.com,West,Sam Roe,2023-01-02\n"
    )
    calls = _calls(
        (1, "José Pérez", "Alto Ltd"),
        (2, "Jose Perez", "Alto Ltd"),
        (3, "jose perez", "Alto Ltd"),  # Jose Perez's name in another case: his
        (4, "Jose Pérez", "Alto Ltd"),  # either rep's but for accents: neither's
    )
    results = load_files(database, write, [("roster.csv", people), ("activities.csv", calls)])
    reps = roster.list_reps(database)
    assert list(zip(reps["rep"], reps["team"].fillna("–"), strict=True)) == [
        ("José Pérez", "East"),
        ("Jose Perez", "West"),
        ("Jose Pérez", "–"),
    ]
    week = week_by_rep(database)
    assert {rep: row["calls"] for rep, row in week.items()} == {
        "José Pérez": 1,
        "Jose Perez": 2,
        "Jose Pérez": 1,
    }
    assert any("1 name in this file is not on the roster: Jose Pérez (1 row)" in n for n in results[1].notes)


def test_a_name_written_without_its_umlauts_is_the_roster_rep(database: Database, write) -> None:
    """German names lose their umlauts and ß two ways: 'Jürgen Weiß' is 'Juergen Weiss' in an e-mail
    sync or an ASCII-only system (ü as ue, ß as ss) and 'Jurgen Weiss' where accents are stripped. Both
    are the roster's Jürgen Weiß, with his team, and the upload names no one as off the roster; two
    roster reps 'Jürgen Weiß' and 'Juergen Weiss' stay two, each under his own name."""
    people = ROSTER_HEADER + "Jürgen Weiß,juergen.weiss@example.de,Vertrieb Nord,Sabine Schröder,2022-01-03\n"
    calls = _calls(
        (1, "Jürgen Weiß", "Alto GmbH"),
        (2, "Juergen Weiss", "Alto GmbH"),
        (3, "Jurgen Weiss", "Alto GmbH"),
        (4, "JUERGEN WEISS", "Alto GmbH"),
        (5, "Jürgen Weiss", "Alto GmbH"),
    )
    deals = _deals((8001, "Juergen Weiss", 40000, "Alto GmbH"))
    results = load_files(
        database, write, [("roster.csv", people), ("activities.csv", calls), ("deals.csv", deals)]
    )
    assert not any("not on the roster" in note for r in results for note in r.notes)
    reps = roster.list_reps(database)
    assert list(zip(reps["rep"], reps["team"], strict=True)) == [("Jürgen Weiß", "Vertrieb Nord")]
    week = week_by_rep(database)
    assert set(week) == {"Jürgen Weiß"}
    assert (week["Jürgen Weiß"]["calls"], week["Jürgen Weiß"]["open_pipeline"]) == (5, 40000)

    two = ROSTER_HEADER + "Juergen Weiss,jweiss@example.de,Vertrieb Süd,Thomas Müller,2023-01-02\n"
    load_files(database, write, [("roster2.csv", people + two.removeprefix(ROSTER_HEADER))])
    reps = roster.list_reps(database)
    assert sorted(zip(reps["rep"], reps["team"], strict=True)) == [
        ("Juergen Weiss", "Vertrieb Süd"),
        ("Jürgen Weiß", "Vertrieb Nord"),
    ]
    counted = {rep: row["calls"] for rep, row in week_by_rep(database).items()}
    # 'Juergen Weiss' and 'JUERGEN WEISS' are the second rep's own name; 'Jurgen Weiss' and 'Jürgen
    # Weiss' read as Jürgen Weiß only (without umlauts, the second's name has no 'jurgen').
    assert counted == {"Jürgen Weiß": 3, "Juergen Weiss": 2}


def test_unrostered_spellings_that_differ_by_case_are_one_rep(database: Database, write) -> None:
    """Without a roster, 'Dev Rao' in the activities and 'dev rao' in the pipeline are one rep, whose
    calls and pipeline are read once each (no spelling counted for two reps)."""
    calls = _calls((1, "Dev Rao", "Alto Ltd"), (2, "Dev Rao", "Alto Ltd"), (3, "Lea Roth", "Kestrel Ltd"))
    deals = _deals((7001, "dev rao", 50000, "Alto Ltd"), (7002, "Lea Roth", 10000, "Kestrel Ltd"))
    load_files(database, write, [("activities.csv", calls), ("deals.csv", deals)])
    assert list(roster.list_reps(database)["rep"]) == ["Dev Rao", "Lea Roth"]
    week = week_by_rep(database)
    assert set(week) == {"Dev Rao", "Lea Roth"}
    assert (week["Dev Rao"]["calls"], week["Dev Rao"]["open_pipeline"]) == (2, 50000)
    with database.cursor() as cur:
        aliases = [alias for (alias,) in cur.execute("SELECT alias FROM rep_aliases()").fetchall()]
    assert sorted(aliases) == ["dev rao", "lea roth"]  # each spelling once, for one rep


def test_the_upload_names_the_reps_on_no_roster(database: Database, write) -> None:
    users = ["Ana Garcia", "Ben Okafor"]  # Ana García's name but for the accent, and Ben's: not listed
    users += ["Chloé Martin"] * 3 + ["Emma Schulz"] * 2 + ["Dev Patel", "Lea Roth", "Omar Haddad"]
    before = _calls(*[(i, user, "Alto Ltd") for i, user in enumerate(users)])
    (activities,) = load_files(database, write, [("before.csv", before)])
    assert not any("roster" in note for note in activities.notes)  # no roster yet: nothing to compare with
    load_files(database, write, [("roster.csv", ROSTER)])
    after = _calls(*[(100 + i, user, "Alto Ltd") for i, user in enumerate(users)])
    (activities,) = load_files(database, write, [("after.csv", after)])
    expected = (
        "5 names in this file are not on the roster: Chloé Martin (3 rows), Emma Schulz (2 rows), "
        "Dev Patel (1 row) and 2 more. Add them to the roster, say which roster rep each is (Uploads "
        "page, or dashboard names link), or correct their spelling in the CRM; else their rows count for "
        "reps of their own, without a team"
    )
    assert expected in activities.notes
    assert expected in activities.message  # what the CLI prints and the Upload page shows
    (deals,) = load_files(database, write, [("deals.csv", DEALS.replace("Ben Okafor", "B. Okafor"))])
    assert any(
        n.startswith("1 name in this file is not on the roster: B. Okafor (1 row).") for n in deals.notes
    )


def test_a_rep_asked_for_without_the_accents_is_found(database: Database, write) -> None:
    """The CLI and the pages' links find a rep as the data's spellings do: 'ana garcia' is Ana García,
    unless two reps' names read the same without their accents."""
    load_files(database, write, [("roster.csv", ROSTER)])
    assert roster.resolve_rep(database, " ana garcia ") == "Ana García"
    assert roster.match_rep(["José Pérez", "Jose Perez"], "jose perez") == "Jose Perez"  # his, in any case
    with pytest.raises(roster.UnknownRep):
        roster.match_rep(["José Pérez", "Jose Perez"], "Jose Pérez")  # either one's but for accents
    assert roster.match_rep(["Jürgen Weiß", "Ben Okafor"], "juergen weiss") == "Jürgen Weiß"  # ü as ue
    assert roster.match_rep(["Jürgen Weiß", "Ben Okafor"], "Jurgen Weiss") == "Jürgen Weiß"  # ü as u


def test_a_targets_file_names_a_rep_as_the_data_does(database: Database, write) -> None:
    """A target for 'Ana Garcia' (no accent), or for her e-mail, is Ana García's; a name of no rep is kept,
    with a warning that names it, and applies once that rep appears."""
    load_files(database, write, [("roster.csv", ROSTER), ("activities.csv", ACTIVITIES)])
    targets = (
        "metric,value,period,team,rep,effective_from\n"
        "calls,30,week,,Ana Garcia,2026-01-05\n"
        "first_meetings,4,week,,ana.garcia@brightloop.eu,2026-01-05\n"
        "calls,20,week,,Zoe Newhire,2026-01-05\n"
    )
    (result,) = load_files(database, write, [("targets.csv", targets)])
    assert [(w["row"], w["column"], w["value"], w["message"]) for w in result.warnings] == [
        (4, "rep", "Zoe Newhire",
         "no rep of this name on the roster or in the data yet: the target applies once one appears"),
    ]  # fmt: skip
    stored = database.run("targets_current").dropna(subset=["rep"])  # (the company defaults have none)
    assert sorted(zip(stored["metric"], stored["rep"], strict=True)) == [
        ("calls", "Ana García"), ("calls", "Zoe Newhire"), ("first_meetings", "Ana García")
    ]  # fmt: skip
    goals = targets_api.weekly_targets(database, WEEK, WEEK, rep="Ana García")
    assert goals.set_index("metric").loc[["calls", "first_meetings"], "target"].tolist() == [30, 4]


def test_a_roster_that_corrects_a_name_under_the_same_email_keeps_one_rep(database: Database, write) -> None:
    """The first roster wrote 'Ana Garcia'; a corrected roster writes 'Ana García' with the same e-mail.
    That is one person renamed, not a second rep: the corrected entry replaces the first, and every row
    under either spelling is hers."""
    first = ROSTER.replace("Ana García", "Ana Garcia")
    load_files(
        database, write, [("roster1.csv", first), ("activities.csv", ACTIVITIES), ("deals.csv", DEALS)]
    )
    load_files(database, write, [("roster2.csv", ROSTER)])
    _assert_one_ana(database)


def test_a_rep_renamed_on_the_roster_keeps_the_work_logged_under_the_former_name(
    database: Database, write
) -> None:
    """'Ana Smith' marries and the roster now says 'Ana Jones', same e-mail; the CRM's older rows still say
    'Ana Smith'. They are Ana Jones's, with her team; undoing the new roster brings 'Ana Smith' back."""
    smith = ROSTER.replace("Ana García", "Ana Smith")
    work = ACTIVITIES.replace("Ana García", "Ana Smith").replace("Ana Garcia", "Ana Smith")
    load_files(database, write, [("roster1.csv", smith), ("activities.csv", work)])
    (renamed,) = load_files(database, write, [("roster2.csv", ROSTER.replace("Ana García", "Ana Jones"))])
    reps = roster.list_reps(database)
    assert list(zip(reps["rep"], reps["team"], strict=True)) == [
        ("Ana Jones", "Mid-Market"),
        ("Ben Okafor", "Mid-Market"),
    ]
    assert {rep: row["calls"] for rep, row in week_by_rep(database).items()} == {
        "Ana Jones": 5,
        "Ben Okafor": 1,
    }
    uploads.undo(database, renamed.upload_id)
    assert list(roster.list_reps(database)["rep"]) == ["Ana Smith", "Ben Okafor"]
    assert week_by_rep(database)["Ana Smith"]["calls"] == 5


def test_reps_sharing_a_team_inbox_are_not_renamed(database: Database, write) -> None:
    """Two reps on one address (a team inbox): a roster adding a third rep on it renames no one."""
    shared = ROSTER_HEADER + (
        "Ana García,sales@brightloop.eu,Mid-Market,Laura Jensen,2022-03-14\n"
        "Ben Okafor,sales@brightloop.eu,Mid-Market,Laura Jensen,2021-06-01\n"
    )
    load_files(database, write, [("roster1.csv", shared)])
    load_files(
        database,
        write,
        [("roster2.csv", ROSTER_HEADER + "Cleo Park,sales@brightloop.eu,SMB,Kim Lee,2024-02-05\n")],
    )
    assert list(roster.list_reps(database)["rep"]) == ["Ana García", "Ben Okafor", "Cleo Park"]
