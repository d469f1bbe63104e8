"""Time off: who may record it, what is refused, and the stored flags of the weeks it covers
(a flag during time off disappears; remove the time off and it comes back). CLI included."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard import access, interventions, roster, time_off
from dashboard.access import NotAllowed, Viewer
from dashboard.cli import app
from dashboard.db import Database

MINE, OTHER = "Enterprise East", "Mid-Market Central"
MY_REP, OTHER_REP = "Tomasz Nowak", "Jamal Washington"  # both flagged from 2026-10-26 in the sample
MANAGER = Viewer("denise@northbeam.io", "Denise", "manager", (MINE,))
OPENED = dt.date(2026, 10, 26)
LAST = dt.date(2026, 11, 16)  # the latest week with data, and the last reviewed


def _episodes(database: Database, rep: str) -> list[tuple]:
    """(kind, opened, last seen, resolved or None) of the rep's stored flag episodes."""
    history = interventions.flag_history(database)
    mine = history[history["rep"] == rep].sort_values("opened_week")
    resolved = mine["resolved_week"].astype(object).where(mine["resolved_week"].notna(), None)
    return list(zip(mine["kind"], mine["opened_week"], mine["last_seen_week"], resolved, strict=True))


def _changes(database: Database) -> list[tuple[str, str]]:
    with database.cursor() as cur:
        return cur.execute("SELECT what, changed_by FROM change_log ORDER BY change_id").fetchall()


# ------------------------------------------------------------------ validation and access (empty store)


@pytest.fixture
def company(database: Database, write) -> Database:
    from dashboard.ingest import IngestOptions, ingest_file

    roster_csv = write("roster.csv", f"rep,team,manager\n{MY_REP},{MINE},Denise\n{OTHER_REP},{OTHER},Sam\n")
    assert ingest_file(database, roster_csv, IngestOptions(kind="roster")).status == "loaded"
    return database


def test_from_after_to_is_refused(company: Database) -> None:
    with pytest.raises(time_off.TimeOffError, match="2026-03-09 to 2026-03-02 ends before it starts"):
        time_off.add(company, MY_REP, dt.date(2026, 3, 9), dt.date(2026, 3, 2))
    assert time_off.list_time_off(company).empty


def test_unknown_rep_is_refused_with_a_hint(company: Database) -> None:
    with pytest.raises(roster.UnknownRep, match="Did you mean Tomasz Nowak"):
        time_off.add(company, "Tomas Nowak", dt.date(2026, 3, 2), dt.date(2026, 3, 6))


def test_overlap_is_refused_naming_the_recorded_period(company: Database) -> None:
    first = time_off.add(company, "tomasz nowak", dt.date(2026, 3, 2), dt.date(2026, 3, 6), " holiday ")
    assert (first.rep, first.note) == (MY_REP, "holiday")  # the stored name, the reason trimmed
    with pytest.raises(time_off.TimeOffError) as refused:
        time_off.add(company, MY_REP, dt.date(2026, 3, 6), dt.date(2026, 3, 13))
    assert str(refused.value) == (
        f"{MY_REP} already has time off overlapping 2026-03-06 – 2026-03-13: "
        f"{MY_REP}, 2026-03-02 – 2026-03-06 (holiday). "
        "Remove it and add the whole span instead; nothing was saved."
    )
    time_off.add(company, MY_REP, dt.date(2026, 3, 7), dt.date(2026, 3, 13))  # the day after: fine
    time_off.add(company, OTHER_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6))  # another rep: fine
    listed = time_off.list_time_off(company)
    assert listed[["rep", "team", "date_from", "date_to", "note"]].values.tolist() == [
        [OTHER_REP, OTHER, dt.date(2026, 3, 2), dt.date(2026, 3, 6), None],
        [MY_REP, MINE, dt.date(2026, 3, 2), dt.date(2026, 3, 6), "holiday"],
        [MY_REP, MINE, dt.date(2026, 3, 7), dt.date(2026, 3, 13), None],
    ]
    assert len(time_off.list_time_off(company, rep="TOMASZ NOWAK")) == 2


def test_a_manager_changes_only_their_own_reps_time_off(company: Database) -> None:
    mine = time_off.add(company, MY_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6), viewer=MANAGER)
    with pytest.raises(NotAllowed, match=f"Only a sales leader or {OTHER_REP}'s manager"):
        time_off.add(company, OTHER_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6), viewer=MANAGER)
    theirs = time_off.add(company, OTHER_REP, dt.date(2026, 3, 2), dt.date(2026, 3, 6))  # the local leader
    with pytest.raises(NotAllowed):
        time_off.remove(company, theirs.time_off_id, viewer=MANAGER)
    assert list(time_off.list_time_off(company, teams=MANAGER.allowed_teams)["rep"]) == [MY_REP]
    time_off.remove(company, mine.time_off_id, viewer=MANAGER)
    assert list(time_off.list_time_off(company)["rep"]) == [OTHER_REP]
    log = _changes(company)
    assert (f"time off added: {MY_REP}, 2026-03-02 – 2026-03-06", MANAGER.by) in log
    assert (f"time off added: {OTHER_REP}, 2026-03-02 – 2026-03-06", access.LOCAL_USER) in log
    assert (f"time off removed: #{mine.time_off_id} {MY_REP}, 2026-03-02 – 2026-03-06", MANAGER.by) in log


def test_removing_an_unknown_id_says_so(company: Database) -> None:
    with pytest.raises(time_off.TimeOffError, match="there is no time off #42"):
        time_off.remove(company, 42)


# ------------------------------------------------------------------ the stored flags (sample company)


def test_a_flag_during_time_off_disappears_and_comes_back(sample: Database) -> None:
    flagged = [("slump", OPENED, LAST, None)]
    assert _episodes(sample, MY_REP) == flagged
    others = interventions.flag_history(sample).query("rep != @MY_REP").to_dict("records")
    interventions.acknowledge(sample, MY_REP, "talked it through", by="m@x.io", week=LAST)

    period = time_off.add(sample, MY_REP, OPENED, LAST + dt.timedelta(days=4), "parental leave")
    assert _episodes(sample, MY_REP) == []  # every flagged week was time off
    assert interventions.flag_history(sample).query("rep != @MY_REP").to_dict("records") == others
    assert MY_REP not in {f.rep for f in interventions.evaluate(sample, LAST)}  # as the pages judge it

    time_off.remove(sample, period.time_off_id)
    assert _episodes(sample, MY_REP) == flagged
    assert interventions.flag_history(sample).query("rep != @MY_REP").to_dict("records") == others


def test_time_off_within_an_episode_ends_it_there_and_keeps_its_acknowledgement(sample: Database) -> None:
    week = OPENED + dt.timedelta(weeks=1)
    interventions.acknowledge(sample, MY_REP, "discussed", by="m@x.io", week=week)
    time_off.add(sample, MY_REP, OPENED + dt.timedelta(weeks=2), LAST + dt.timedelta(days=4))
    assert _episodes(sample, MY_REP) == [("slump", OPENED, week, OPENED + dt.timedelta(weeks=2))]
    history = interventions.flag_history(sample).set_index("rep")
    assert (history.loc[MY_REP, "acknowledgements"], history.loc[MY_REP, "last_note"]) == (1, "discussed")


def test_time_off_after_the_last_review_changes_no_stored_flag(sample: Database) -> None:
    before = interventions.flag_history(sample).to_dict("records")
    time_off.add(sample, MY_REP, LAST + dt.timedelta(weeks=2), LAST + dt.timedelta(weeks=3))
    assert interventions.flag_history(sample).to_dict("records") == before


# ------------------------------------------------------------------ the CLI


def _cli(store: Path, *args: str):
    return CliRunner().invoke(app, ["--db", str(store), "time-off", *args])


def test_cli_adds_lists_and_removes(company: Database) -> None:
    store = company.path
    company.close()
    added = _cli(
        store, "add", "tomasz nowak", "--from", "2026-03-02", "--to", "2026-03-06", "--reason", "holiday"
    )
    assert added.exit_code == 0, added.output
    assert added.stderr.strip() == f"time off recorded: #1 {MY_REP}, 2026-03-02 – 2026-03-06 (holiday)"
    assert added.stdout == ""
    listed = _cli(store, "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == [
        {"id": 1, "rep": MY_REP, "team": MINE, "from": "2026-03-02", "to": "2026-03-06", "reason": "holiday"}
    ]
    table = _cli(store, "list", "--rep", MY_REP)
    assert table.exit_code == 0 and "2026-03-02" in table.stdout and "holiday" in table.stdout
    overlap = _cli(store, "add", MY_REP, "--from", "2026-03-06", "--to", "2026-03-10")
    assert overlap.exit_code == 1 and "already has time off overlapping" in overlap.stderr
    unknown = _cli(store, "add", "Nobody", "--from", "2026-03-02", "--to", "2026-03-06")
    assert unknown.exit_code == 1 and "no rep named 'Nobody'" in unknown.stderr
    removed = _cli(store, "remove", "1")
    assert removed.exit_code == 0, removed.output
    assert _cli(store, "list").stdout.strip() == "no time off recorded"
    gone = _cli(store, "remove", "1")
    assert gone.exit_code == 1 and "there is no time off #1" in gone.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["add", "x", "--from", "2026-03-09", "--to", "2026-03-02"],
        ["add", "x", "--to", "2026-03-02"],
        ["add", "x", "--from", "2026-13-01", "--to", "2026-03-02"],
        ["remove", "one"],
    ],
    ids=["to-before-from", "no-from", "bad-date", "bad-id"],
)
def test_cli_wrong_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    result = _cli(tmp_path / "u.duckdb", *args)
    assert result.exit_code == 2, result.output
