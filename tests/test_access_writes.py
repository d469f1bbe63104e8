"""Access on every write path: what a manager may load, undo and change, and who did each change.

The rules live in `dashboard/` (ingest, uploads, access, target_edit), so the page and the
CLI share them; these tests call those functions directly, on a copy of the sample company.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from dashboard import access, coaching, interventions, roster, target_edit, uploads
from dashboard.access import LOCAL_LEADER, NotAllowed, Viewer
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import table_contents

MINE, OTHER = "Enterprise East", "Mid-Market Central"
MY_REP, OTHER_REP = "Tomasz Nowak", "Jamal Washington"
MANAGER = Viewer("denise@northbeam.io", "Denise Okafor", "manager", (MINE,))
OTHER_MANAGER = Viewer("grace@northbeam.io", "Grace Lin", "manager", (OTHER,))
LEADER = Viewer("lead@northbeam.io", "Lee Leader", "leader")
ACTIVITIES = (
    "activity_id,rep,date,type,subject,duration_minutes\n"
    f"W1,{MY_REP},2026-11-16,Call,Call,5\n"
    f"W2,{OTHER_REP},2026-11-16,Call,Call,5\n"
    f"W3,{MY_REP},2026-11-17,Meeting,First meeting - Acme,45\n"
)


def load(database: Database, path: Path, viewer: Viewer = LOCAL_LEADER, **options):
    return ingest_file(database, path, IngestOptions(**options), viewer=viewer)


def changes(database: Database) -> list[tuple[str, str | None]]:
    with database.cursor() as cur:
        return cur.execute("SELECT what, changed_by FROM change_log ORDER BY change_id").fetchall()


# ------------------------------------------------------------------ uploads a manager may not make


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("roster.csv", f"rep,team,manager\n{OTHER_REP},{MINE},Denise Okafor\n"),
        (
            "targets.csv",
            "metric,value,period,team,effective_from\ncalls,99,week,Enterprise East,2026-11-16\n",
        ),
        ("target_accounts.csv", f"account,rep\nAcme,{MY_REP}\n"),
    ],
    ids=["roster", "targets", "target_accounts"],
)
def test_manager_cannot_load_leader_files_and_nothing_is_stored(sample, write, name, content):
    before = table_contents(sample)
    result = load(sample, write(name, content), MANAGER)
    assert result.status == "failed" and result.upload_id is None
    assert "sales leader" in result.message and "nothing from it was stored" in result.message
    assert table_contents(sample) == before
    assert roster.resolve_rep(sample, OTHER_REP, [OTHER]) == OTHER_REP  # still on their own team


def test_leader_loads_a_roster_that_moves_a_rep(sample, write):
    result = load(
        sample, write("roster.csv", f"rep,team,manager\n{OTHER_REP},{MINE},Denise Okafor\n"), LEADER
    )
    assert result.status == "loaded", result.message
    assert roster.resolve_rep(sample, OTHER_REP, [MINE]) == OTHER_REP


# ------------------------------------------------------------------ rows of other teams' reps


def test_manager_activities_other_teams_row_rejected_by_name_rest_loaded(sample, write):
    result = load(sample, write("week.csv", ACTIVITIES), MANAGER)
    assert result.status == "loaded", result.message
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    [error] = result.errors
    assert (error["row"], error["column"], error["value"]) == (3, "rep", OTHER_REP)
    assert error["message"].startswith(f"{OTHER_REP} is on another team's roster")
    assert "sales leader" in error["message"]
    stored = uploads.rejected_rows(sample, result.upload_id, MANAGER)
    assert list(stored["row"]) == [3] and OTHER_REP in stored.iloc[0]["reason"]
    with sample.cursor() as cur:
        kept = cur.execute(
            "SELECT source_id FROM activities WHERE upload_id = ?", [result.upload_id]
        ).fetchall()
    assert sorted(k for (k,) in kept) == ["W1", "W3"]


def test_manager_rep_on_no_roster_is_rejected_leader_loads_it(sample, write):
    text = f"activity_id,rep,date,type\nN1,Newt Newcomer,2026-11-16,Call\nN2,{MY_REP},2026-11-16,Call\n"
    result = load(sample, write("new.csv", text), MANAGER)
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    assert result.errors[0]["message"].startswith("Newt Newcomer is not on your teams' roster yet")
    again = load(sample, write("new-again.csv", text + "\n"), LEADER)
    assert again.rows_loaded == 1 and again.rows_rejected == 0  # N1; N2 was stored already


def test_manager_rep_matched_by_email_and_spacing_like_the_metrics(sample, write):
    text = (
        "activity_id,rep,date,type\n"
        "E1,tomasz.nowak@northbeam.io,2026-11-16,Call\n"  # the roster e-mail of a rep of mine
        "E2,TOMASZ  NOWAK,2026-11-16,Call\n"  # another spelling of the same name
        "E3,jamal.washington@northbeam.io,2026-11-16,Call\n"
    )
    result = load(sample, write("spellings.csv", text), MANAGER)
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    assert result.errors[0]["message"].startswith(f"{OTHER_REP} is on another team's roster")


def test_manager_whose_whole_file_is_another_team_stores_nothing(sample, write):
    before = table_contents(sample)
    text = f"activity_id,rep,date,type\nX1,{OTHER_REP},2026-11-16,Call\n"
    result = load(sample, write("theirs.csv", text), MANAGER)
    assert result.status == "failed" and OTHER_REP in result.message
    assert table_contents(sample) == before


def test_manager_pipeline_other_teams_owner_rejected_by_name(sample, write):
    text = (
        "opportunity_id,owner,stage,amount,snapshot_date\n"
        f"M1,{MY_REP},Proposal,1000,2026-11-16\n"
        f"M2,{OTHER_REP},Proposal,2000,2026-11-16\n"
    )
    result = load(sample, write("deals.csv", text), MANAGER)
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    assert (result.errors[0]["column"], result.errors[0]["value"]) == ("owner", OTHER_REP)
    assert OTHER_REP in result.errors[0]["message"]


def test_manager_cannot_take_over_another_teams_stored_deal(sample, write):
    date = "2026-11-16"
    leader_file = f"opportunity_id,owner,stage,amount,snapshot_date\nD1,{OTHER_REP},Proposal,5000,{date}\n"
    assert load(sample, write("theirs.csv", leader_file), LEADER).rows_loaded == 1
    takeover = (
        "opportunity_id,owner,stage,amount,snapshot_date\n"
        f"D1,{MY_REP},Closed Lost,5000,{date}\nD2,{MY_REP},Proposal,10,{date}\n"
    )
    result = load(sample, write("mine.csv", takeover), MANAGER)
    assert (result.rows_loaded, result.rows_rejected, result.rows_replaced) == (1, 1, 0)
    assert f"stored under {OTHER_REP}" in result.errors[0]["message"]
    with sample.cursor() as cur:
        owner = cur.execute(
            "SELECT owner FROM opportunity_snapshots WHERE opportunity_id = 'D1' AND superseded_by IS NULL"
        ).fetchall()
    assert owner == [(OTHER_REP,)]


def test_leader_and_local_mode_load_any_team(sample, write):
    assert load(sample, write("a.csv", ACTIVITIES), LEADER).rows_rejected == 0
    assert load(sample, write("b.csv", ACTIVITIES.replace("W", "L"))).rows_rejected == 0  # CLI / local


# ------------------------------------------------------------------ undo


def test_manager_undoes_own_upload_but_not_anothers(sample, write):
    mine = load(sample, write("mine.csv", ACTIVITIES), MANAGER)
    theirs = load(sample, write("theirs.csv", ACTIVITIES.replace("W", "T")), LEADER)
    before = table_contents(sample)
    with pytest.raises(NotAllowed, match=r"lead@northbeam\.io"):
        uploads.undo(sample, theirs.upload_id, MANAGER)
    with pytest.raises(NotAllowed):
        uploads.undo(sample, mine.upload_id, OTHER_MANAGER)
    with pytest.raises(NotAllowed):
        uploads.rejected_rows(sample, mine.upload_id, OTHER_MANAGER)
    assert table_contents(sample) == before
    assert uploads.undo(sample, mine.upload_id, MANAGER) == 2
    assert uploads.undo(sample, theirs.upload_id, LEADER) == 3
    with pytest.raises(uploads.UndoError, match="no upload 999"):
        uploads.undo(sample, 999, MANAGER)


def test_manager_lists_only_own_uploads(sample, write):
    load(sample, write("mine.csv", ACTIVITIES), MANAGER)
    assert list(uploads.list_uploads(sample, MANAGER)["file_name"]) == ["mine.csv"]
    assert len(uploads.list_uploads(sample, LEADER)) > 1


# ------------------------------------------------------------------ users, targets


def test_users_and_targets_are_leader_only(sample):
    before = table_contents(sample, ("users", "targets", "ramp_plans"))
    with pytest.raises(NotAllowed, match="sales leader"):
        access.save_user(sample, "x@northbeam.io", "leader", viewer=MANAGER)
    with pytest.raises(NotAllowed):
        access.remove_user(sample, "lead@northbeam.io", viewer=MANAGER)
    frame = target_edit.normalise(pd.DataFrame([{"metric": "calls", "value": 1, "period": "week",
                                                  "effective_from": dt.date(2026, 11, 16)}]))  # fmt: skip
    with pytest.raises(NotAllowed):
        target_edit.save(sample, frame, viewer=MANAGER)
    with pytest.raises(NotAllowed):
        target_edit.save_ramp(
            sample, pd.DataFrame([{"team": None, "weeks": 4, "start_share": 0.5}]), viewer=MANAGER
        )
    assert table_contents(sample, ("users", "targets", "ramp_plans")) == before


# ------------------------------------------------------------------ who did it


def test_by_is_recorded_for_uploads_undos_and_edits(sample, write):
    result = load(sample, write("mine.csv", ACTIVITIES), MANAGER)
    uploads.undo(sample, result.upload_id, MANAGER)
    row = uploads.list_uploads(sample, LEADER).set_index("upload_id").loc[result.upload_id]
    assert (row["uploaded_by"], row["undone_by"]) == ("denise@northbeam.io", "denise@northbeam.io")
    leader_undo = load(sample, write("again.csv", ACTIVITIES + "\n"), MANAGER)
    uploads.undo(sample, leader_undo.upload_id, LEADER)
    row = uploads.list_uploads(sample, LEADER).set_index("upload_id").loc[leader_undo.upload_id]
    assert (row["uploaded_by"], row["undone_by"]) == ("denise@northbeam.io", "lead@northbeam.io")

    frame = target_edit.normalise(pd.DataFrame([{"metric": "calls", "value": 1, "period": "week",
                                                  "effective_from": dt.date(2026, 11, 16)}]))  # fmt: skip
    edit_id = target_edit.save(sample, frame, viewer=LEADER)
    assert (
        uploads.list_uploads(sample).set_index("upload_id").loc[edit_id, "uploaded_by"] == "lead@northbeam.io"
    )
    access.save_user(sample, "new@northbeam.io", "manager", [MINE], viewer=LEADER)
    local = load(sample, write("local.csv", ACTIVITIES.replace("W", "C")))
    assert (
        uploads.list_uploads(sample).set_index("upload_id").loc[local.upload_id, "uploaded_by"]
        == "local user"
    )

    log = changes(sample)
    assert ("ingest activities", "denise@northbeam.io") in log
    assert ("undo activities", "denise@northbeam.io") in log
    assert ("undo activities", "lead@northbeam.io") in log
    assert ("targets edited in the app", "lead@northbeam.io") in log
    assert ("user saved", "lead@northbeam.io") in log
    assert ("ingest activities", "local user") in log


def test_by_is_recorded_for_agenda_follow_up_and_acknowledgement(sample):
    week = dt.date(2026, 11, 16)
    coaching.save_agenda(sample, MY_REP, week, "# Agenda", MANAGER.by)
    commitment = coaching.add_commitment(sample, MY_REP, week, "Call block", week, MANAGER.by)
    coaching.follow_up(sample, commitment, "done", week, MANAGER.by)
    flags = interventions.evaluate(sample, week)  # stored as the files loaded; acknowledging finds them
    flagged = next(f for f in flags if f.team == MINE)
    interventions.acknowledge(sample, flagged.rep, "talked", by=MANAGER.by, week=week, kind=flagged.kind)
    log = changes(sample)
    for what in ("agenda saved", "commitment added", "commitment followed up", "flag acknowledged"):
        assert (what, "denise@northbeam.io") in log
    assert coaching.agenda_versions(sample, MY_REP, week).iloc[0]["saved_by"] == "denise@northbeam.io"
    assert LOCAL_LEADER.by == "local user"
