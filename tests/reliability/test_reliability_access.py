"""Access cases, read and write paths: a manager of one team against the sample company.

Each row of the table is something a manager tries; the expected answer is a
refusal that names who can (with the store unchanged), or data limited to their
own team. Leaders and local mode may do all of it (`test_access_writes.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from dashboard import access, interventions, roster, target_edit, uploads
from dashboard.access import NotAllowed, Viewer
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.reliability.conftest import assert_promises_hold
from tests.stored import table_contents

MINE, OTHER = "Enterprise East", "Mid-Market Central"
MY_REP, OTHER_REP = "Tomasz Nowak", "Jamal Washington"
MANAGER = Viewer("denise@northbeam.io", "Denise Okafor", "manager", (MINE,))


def upload(tmp_path: Path, name: str, text: str) -> Callable[[Database], object]:
    def run(database: Database) -> object:
        path = tmp_path / name
        path.write_text(text)
        return ingest_file(database, path, IngestOptions(), viewer=MANAGER)

    return run


def raises(call: Callable[[Database], object]) -> Callable[[Database], object]:
    def run(database: Database) -> object:
        with pytest.raises(NotAllowed) as caught:
            call(database)
        return str(caught.value)

    return run


def leaders_upload(database: Database) -> int:
    return int(uploads.list_uploads(database)["upload_id"].iloc[-1])  # the sample's, by 'local user'


TARGET = pd.DataFrame(
    [{"metric": "calls", "value": 1, "period": "week", "effective_from": dt.date(2026, 11, 16)}]
)
WRITES: dict[str, tuple[Callable[[Path], Callable[[Database], object]], str]] = {
    "roster moving another team's rep": (
        lambda t: upload(t, "roster.csv", f"rep,team,manager\n{OTHER_REP},{MINE},Denise Okafor\n"),
        "sales leader",
    ),
    "targets file": (
        lambda t: upload(
            t, "targets.csv", "metric,value,period,team,effective_from\ncalls,99,week,,2026-11-16\n"
        ),
        "sales leader",
    ),
    "target accounts file": (lambda t: upload(t, "ta.csv", f"account,rep\nAcme,{MY_REP}\n"), "sales leader"),
    "activities of another team only": (
        lambda t: upload(t, "a.csv", f"activity_id,rep,date,type\nX1,{OTHER_REP},2026-11-16,Call\n"),
        "another team's roster",
    ),
    "pipeline of another team only": (
        lambda t: upload(
            t,
            "d.csv",
            "opportunity_id,owner,name,stage,amount,close_date,created_date,snapshot_date\n"
            f"Z1,{OTHER_REP},Deal,Closed Won,1000,2026-11-10,2026-10-01,2026-11-16\n",
        ),
        "another team's roster",
    ),
    "activities of a rep on no roster": (
        lambda t: upload(t, "n.csv", "activity_id,rep,date,type\nN1,Newt Newcomer,2026-11-16,Call\n"),
        "not on your teams' roster",
    ),
    "undo of a leader's upload": (
        lambda t: raises(lambda d: uploads.undo(d, leaders_upload(d), MANAGER)),
        "only they or a sales leader",
    ),
    "adding a user": (
        lambda t: raises(lambda d: access.save_user(d, "x@northbeam.io", "leader", viewer=MANAGER)),
        "sales leader",
    ),
    "removing a user": (
        lambda t: raises(lambda d: access.remove_user(d, "x@northbeam.io", viewer=MANAGER)),
        "sales leader",
    ),
    "editing targets": (
        lambda t: raises(lambda d: target_edit.save(d, target_edit.normalise(TARGET), viewer=MANAGER)),
        "sales leader",
    ),
    "editing ramp plans": (
        lambda t: raises(
            lambda d: target_edit.save_ramp(
                d, pd.DataFrame([{"team": None, "weeks": 4, "start_share": 0.5}]), viewer=MANAGER
            )
        ),
        "sales leader",
    ),
}
DATA = ("reps", "activities", "opportunity_snapshots", "targets", "target_accounts", "users", "uploads")


@pytest.mark.parametrize("case", WRITES, ids=list(WRITES))
def test_manager_write(case: str, sample: Database, tmp_path: Path) -> None:
    before = table_contents(sample, DATA)
    build, says = WRITES[case]
    answer = build(tmp_path)(sample)
    said = (
        answer
        if isinstance(answer, str)
        else " ".join([answer.message, *(e["message"] for e in answer.errors)])
    )
    assert says in said, said
    assert table_contents(sample, DATA) == before  # nothing of it stored
    assert_promises_hold(sample)


READS: dict[str, Callable[[Database], object]] = {
    "rep list holds only my team": lambda d: (
        set(roster.list_reps(d, MANAGER.allowed_teams)["team"]) == {MINE}
    ),
    "another team's rep is unknown to me": lambda d: _unknown(d, OTHER_REP),
    "my rep is known": lambda d: roster.resolve_rep(d, MY_REP.lower(), MANAGER.allowed_teams) == MY_REP,
    "flag history holds only my team": lambda d: set(interventions.flag_history(d, [MINE])["team"]) <= {MINE},
    "uploads list holds only my uploads": lambda d: uploads.list_uploads(d, MANAGER).empty,
    "rejected rows of a leader's upload": lambda d: (
        "only they or a sales leader"
        in raises(lambda x: uploads.rejected_rows(x, leaders_upload(x), MANAGER))(d)
    ),
}


def _unknown(database: Database, name: str) -> bool:
    with pytest.raises(roster.UnknownRep):
        roster.resolve_rep(database, name, MANAGER.allowed_teams)
    return True


@pytest.mark.parametrize("case", READS, ids=list(READS))
def test_manager_read(case: str, sample: Database) -> None:
    before = table_contents(sample, DATA)
    assert READS[case](sample)
    assert table_contents(sample, DATA) == before
