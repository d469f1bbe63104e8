"""The check on open: the store's own promises, verified, and what an interrupted write left, repaired.

Promises: every stored row belongs to a live upload (an ingest cut off while
committing, or an undo cut off half-way, can leave rows that none of
`dashboard uploads` lists), each rep has exactly one current roster row, and
stored activities have their weekly facts (a store from before they existed
gets them built once, `facts`).
A repair removes the stray rows the way undo would (handing over what a live
upload also holds, bringing back what they replaced) and is said once, on the
page and on stderr.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from dashboard import db, facts, uploads

if TYPE_CHECKING:
    from dashboard.db import Database


def problems(database: Database) -> tuple[list[tuple], list[tuple]]:
    """(stray uploads: (upload_id, recorded, references, tables), reps with several current rows)."""
    with database.cursor() as cur:
        strays = db.execute(cur, "store_check_orphans").fetchall()
        doubled = db.execute(cur, "store_check_roster_current").fetchall()
    return strays, doubled


def check_and_repair(database: Database) -> list[str]:
    """Checks the promises (a read); repairs in one transaction when one is broken; says what it did."""
    strays, doubled = problems(database)
    _build_missing_facts(database)
    if not strays and not doubled:
        return []
    with database.transaction() as cur:  # checked again in the writer's turn: another may have repaired
        strays = db.execute(cur, "store_check_orphans").fetchall()
        doubled = db.execute(cur, "store_check_roster_current").fetchall()
        said = [_remove_stray(cur, *stray) for stray in strays]
        if doubled:
            db.execute(cur, "store_repair_roster_current")
            facts.refresh(cur)  # the reps' spellings changed: the deal facts kept per rep follow
            names = ", ".join(key for key, _ in doubled[:5])
            said.append(
                f"{len(doubled)} rep(s) had more than one current roster row ({names}); "
                "the latest upload's row is kept."
            )
        if said:
            db.execute(
                cur, "change_log_add", what="store repaired on open", upload_id=None, by="the check on open"
            )
    for sentence in said:
        print(f"{database.path}: repaired: {sentence}", file=sys.stderr)
    return said


def _remove_stray(cur, upload_id: int, recorded: bool, references: int, tables: str) -> str:
    for kind in uploads.kinds():
        uploads.remove_rows(cur, upload_id, kind)
    db.execute(cur, "store_repair_rejected_rows", upload_id=upload_id)
    state = (
        "was undone, but the undo was interrupted" if recorded else "was interrupted before it was recorded"
    )
    return f"upload {upload_id} {state}; its {references:,} leftover row(s) in {tables} were removed."


def _build_missing_facts(database: Database) -> None:
    with database.cursor() as cur:
        if not facts.missing(cur):
            return
    with database.transaction() as cur:  # checked again in the writer's turn
        if facts.missing(cur):
            facts.build_missing(cur)
            # A change: servers already running over this store read their pages afresh.
            db.execute(
                cur, "change_log_add", what="weekly facts built", upload_id=None, by="the check on open"
            )
