"""Won, lost or open: what a pipeline file says of each deal, and what the user told the app.

Decided in SQL (`ingest_opportunity_statuses`): the won/closed yes-no columns, then the
status column, then what the user said a stage means (remembered per source), then the
stage name. When a file says nothing of any deal being won or lost and has stages no
rule knows, the app asks once per stage instead of reading every deal as open forever.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from dashboard import db

STATUSES = ("won", "lost", "open")


class BadStageStatus(ValueError):
    """A stage answer that is not won, lost or open."""


def parse_answers(pairs: list[str]) -> dict[str, str]:
    """'Payment Done=won' pairs (as `--stage-status` takes them) -> {stage: status}."""
    answers: dict[str, str] = {}
    for pair in pairs:
        stage, sep, status = pair.rpartition("=")
        status = status.strip().lower()
        if not sep or not stage.strip() or status not in STATUSES:
            raise BadStageStatus(f"{pair!r}: write STAGE=won, STAGE=lost or STAGE=open")
        answers[stage.strip()] = status
    return answers


def remember(database: db.Database, source: str, answers: Mapping[str, str], by: str | None = None) -> None:
    """Stores what each stage of this source means, for this file and every later one (`by`: who said so)."""
    if not answers:
        return
    with database.transaction() as cur:
        for stage, status in answers.items():
            if status not in STATUSES:
                raise BadStageStatus(f"{stage!r}: {status!r} is not won, lost or open")
            db.execute(cur, "ingest_stage_status_save", source=source, stage=stage, status=status)
        db.execute(cur, "change_log_add", what="stage statuses", upload_id=None, by=by)


def decide(cur: duckdb.DuckDBPyConnection, source: str) -> tuple[list[str], bool]:
    """Fills temp table `statuses` from `clean`; returns the stages nothing decided, and whether
    anything in the file said a deal was won or lost."""
    db.execute(cur, "ingest_opportunity_statuses", source=source)
    undecided, any_closed = db.execute(cur, "ingest_undecided_stages").fetchone()
    return list(undecided or []), bool(any_closed)
