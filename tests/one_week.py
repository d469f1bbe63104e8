"""Helpers of the tests that load a few small exports of one week (activities in WEEK, a pipeline
snapshot taken on SNAPSHOT) through the real ingest and read that week's metrics per rep."""

from __future__ import annotations

import datetime as dt

from dashboard import metrics
from dashboard.db import Database
from dashboard.ingest import IngestOptions, IngestResult, ingest_file

WEEK = dt.date(2026, 11, 16)  # the Monday of the activities' week
SNAPSHOT = dt.date(2026, 11, 23)  # a Monday: describes WEEK


def load_files(database: Database, write, files: list[tuple[str, str]]) -> list[IngestResult]:
    """Ingests each (file name, content), written by the `write` fixture, in order; each must load."""
    results = []
    for name, content in files:
        result = ingest_file(database, write(name, content), IngestOptions(snapshot_date=SNAPSHOT))
        assert result.status == "loaded", result.message
        results.append(result)
    return results


def week_by_rep(database: Database) -> dict[str, dict]:
    """rep -> the metrics of WEEK (one row per rep, or the test fails)."""
    frame = metrics.weekly_metrics(database, WEEK, WEEK)
    assert not frame["rep"].duplicated().any(), frame
    return {row["rep"]: row for row in frame.to_dict("records")}
