"""The weekly facts (dashboard/facts.py) stay equal to a computation from scratch after any
sequence of overlapping ingests, undos, category rules and target edits, and a store without them
gets them: the activities' facts and the pipeline's."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import facts, metrics, target_edit, uploads
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.ingest.categories import Assignment, assign
from tests.stored import fetch

SPELLINGS = ["Ada Park", "ada park", " Ada  Park", "Bob Stone", "BOB STONE "]
DAYS = [dt.date(2026, 10, 5) + dt.timedelta(days=d) for d in (0, 1, 4, 7, 8, 15, 20)]
TYPES = ["Call", "Meeting", "Power hour", "Email", "First meeting"]
OUTCOMES = ["Connected", "No answer", "", " spoke to CFO"]
ACCOUNTS = ["Acme", " acme ", "", "Globex"]

rows = st.lists(
    st.tuples(
        st.integers(0, 30),  # activity ID: a small pool, so that files overlap
        st.sampled_from(SPELLINGS),
        st.sampled_from(DAYS),
        st.sampled_from(TYPES),
        st.integers(0, 90),
        st.sampled_from(OUTCOMES),
        st.sampled_from(ACCOUNTS),
    ),
    min_size=1,
    max_size=15,
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("ingest"), rows),
        st.tuples(st.just("undo"), st.integers(0, 10)),
        st.tuples(st.just("rule"), st.sampled_from(["prospecting", "call", "other"])),
    ),
    min_size=1,
    max_size=6,
)
_FILES = itertools.count()


def _csv(folder: Path, chosen: list[tuple]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Activity ID", "Rep", "Date", "Type", "Duration", "Outcome", "Account"])
    writer.writerows(
        [f"A{i}", rep, day.isoformat(), kind, minutes, outcome, account]
        for i, rep, day, kind, minutes, outcome, account in chosen
    )
    path = folder / f"week{next(_FILES)}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _undo_one(database: Database, which: int) -> None:
    """Undoes one of the live uploads, chosen by `which` (nothing when none is live)."""
    live = uploads.list_uploads(database)
    live = live[live["undone_at"].isna()]
    if not live.empty:
        uploads.undo(database, int(live["upload_id"].iloc[which % len(live)]))


def stored_facts(database: Database) -> tuple[list[tuple], list[tuple]]:
    weeks = fetch(database, "SELECT * EXCLUDE (name) FROM activity_weeks ORDER BY ALL")
    accounts = fetch(database, "SELECT * FROM activity_account_weeks ORDER BY ALL")
    return weeks, accounts


def from_scratch(database: Database) -> tuple[list[tuple], list[tuple]]:
    """The facts computed here, in pandas, from the stored activities alone."""
    frame = pd.DataFrame(
        fetch(
            database,
            "SELECT rep, activity_date, category, duration_minutes, outcome, account FROM activities",
        ),
        columns=["rep", "day", "category", "minutes", "outcome", "account"],
    )
    if frame.empty:
        return [], []
    frame["name_key"] = frame["rep"].str.strip().str.lower()
    frame["week"] = frame["day"].map(metrics.monday)
    is_call = frame["category"] == "call"
    connect = (
        frame["outcome"]
        .fillna("")
        .str.match(r"^\s*(connected|spoke|reached|answered|conversation|talked)", case=False)
    )
    frame = frame.assign(
        prospecting=frame["minutes"].where(frame["category"] == "prospecting").fillna(0),
        calls=is_call,
        connects=is_call & connect,
        monday=is_call & frame["day"].map(lambda d: d.weekday() == 0),
        first=frame["category"] == "first_meeting",
        logged=1,
        with_account=frame["account"].fillna("").str.strip() != "",
    )
    grouped = frame.groupby(["name_key", "week"])[
        ["prospecting", "calls", "connects", "monday", "first", "logged", "with_account"]
    ].sum()
    weeks = sorted((k, w, float(p), *map(int, rest)) for (k, w), (p, *rest) in grouped.iterrows())
    touched = frame[frame["with_account"]]
    accounts = sorted(
        {
            (k, w, a.strip().lower())
            for k, w, a in touched[["name_key", "week", "account"]].itertuples(index=False)
        }
    )
    return weeks, accounts


SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def test_facts_equal_a_computation_from_scratch_after_any_sequence_of_writes() -> None:
    with tempfile.TemporaryDirectory(prefix="facts-") as folder:
        database = Database(Path(folder) / "facts.duckdb")  # one store: each example goes on from the last

        @SETTINGS
        @given(sequence=steps)
        def examples(sequence: list[tuple]) -> None:
            for step, argument in sequence:
                if step == "ingest":
                    result = ingest_file(
                        database, _csv(Path(folder), argument), IngestOptions(kind="activities")
                    )
                    assert result.status in ("loaded", "duplicate"), result.message
                elif step == "undo":
                    _undo_one(database, argument)
                else:
                    assign(database, Assignment("generic", "type", "Power hour", argument))
                assert stored_facts(database) == from_scratch(database), step

        try:
            examples()
        finally:
            database.close()


def test_a_store_without_facts_gets_them_built_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    database = Database(path)
    chosen = [
        (1, "Ada Park", DAYS[0], "Call", 5, "Connected", "Acme"),
        (2, "Bob Stone", DAYS[3], "Power hour", 60, "", ""),
    ]
    ingest_file(database, _csv(tmp_path, chosen), IngestOptions(kind="activities"))
    before = metrics.weekly_metrics(database, DAYS[0], DAYS[-1])
    fetch(database, "DELETE FROM activity_weeks")  # as a store from before the facts existed
    fetch(database, "DELETE FROM activity_account_weeks")
    version = database.version()
    database.close()

    reopened = Database(path)
    try:
        assert stored_facts(reopened) == from_scratch(reopened) != ([], [])
        assert reopened.version() == version + 1  # a change: running servers read their pages afresh
        pd.testing.assert_frame_equal(metrics.weekly_metrics(reopened, DAYS[0], DAYS[-1]), before)
    finally:
        reopened.close()


def test_rebuild_changes_nothing_that_refresh_kept(database: Database, tmp_path: Path) -> None:
    chosen = [
        (i, SPELLINGS[i % 5], DAYS[i % 7], TYPES[i % 5], i, OUTCOMES[i % 4], ACCOUNTS[i % 4])
        for i in range(20)
    ]
    ingest_file(database, _csv(tmp_path, chosen), IngestOptions(kind="activities"))
    kept = stored_facts(database)
    with database.transaction() as cur:
        facts.rebuild(cur)
    assert stored_facts(database) == kept


# ------------------------------------------------------------------ the pipeline's weekly facts

OWNERS = ["Ada Park", " ada park", "Bob Stone"]
SNAPSHOT_DAYS = [dt.date(2026, 10, 5), dt.date(2026, 10, 7), dt.date(2026, 10, 12), dt.date(2026, 10, 19)]
STAGES = ["Prospecting", "Negotiation/Review", "Closed Won", "Closed Lost"]
deals = st.lists(
    st.tuples(
        st.integers(0, 6),  # opportunity ID: a small pool, so that snapshots overlap and deals move
        st.sampled_from(OWNERS),
        st.sampled_from(ACCOUNTS),
        st.sampled_from(STAGES),
        st.sampled_from(["", "40000", "150000.50"]),
        st.sampled_from(DAYS[:4]),  # created
        st.sampled_from(DAYS[2:]),  # close
        st.sampled_from(["Outbound Prospecting", "Web"]),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda deal: deal[0],  # one row per opportunity in a snapshot
)
pipeline_steps = st.lists(
    st.one_of(
        st.tuples(st.just("ingest"), st.tuples(st.sampled_from(SNAPSHOT_DAYS), deals)),
        st.tuples(st.just("undo"), st.integers(0, 10)),
        st.tuples(st.just("targets"), st.integers(100_000, 400_000)),
    ),
    min_size=1,
    max_size=6,
)


def _snapshot_csv(folder: Path, day: dt.date, chosen: list[tuple]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Opportunity ID", "Opportunity Owner", "Account Name", "Opportunity Name", "Stage",
                     "Amount", "Created Date", "Close Date", "Lead Source", "As of Date"])  # fmt: skip
    writer.writerows(
        [
            f"006{i:012d}",
            owner,
            account,
            f"Deal {i}",
            stage,
            amount,
            created.isoformat(),
            close.isoformat(),
            source,
            day.isoformat(),
        ]
        for i, owner, account, stage, amount, created, close, source in chosen
    )
    path = folder / f"pipeline{next(_FILES)}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def stored_pipeline_facts(database: Database) -> tuple[list[tuple], ...]:
    return tuple(
        [tuple(float(v) if isinstance(v, Decimal) else v for v in row) for row in fetch(database, sql)]
        for sql in (
            "SELECT * FROM opportunity_weeks ORDER BY ALL",
            "SELECT * FROM snapshot_weeks ORDER BY ALL",
            "SELECT * FROM snapshot_account_weeks ORDER BY ALL",
        )
    )


def pipeline_from_scratch(database: Database) -> tuple[list[tuple], ...]:
    """The pipeline facts computed here, in pandas, from the live snapshot rows alone."""
    frame = pd.DataFrame(
        fetch(
            database,
            "SELECT opportunity_key, snapshot_date, owner, account, amount, created_date, close_date, "
            "status, source_type FROM opportunity_snapshots WHERE superseded_by IS NULL",
        ),
        columns=["key", "taken", "owner", "account", "amount", "created", "close", "status", "source"],
    )
    if frame.empty:
        return [], [], []
    frame["name_key"] = frame["owner"].str.strip().str.lower()
    frame["amount"] = frame["amount"].astype(float)
    latest = frame.sort_values("taken").groupby("key").tail(1)
    weeks: dict[tuple, list[float]] = {}
    for deal in latest.itertuples():
        if deal.created is not None:
            row = weeks.setdefault((deal.name_key, metrics.monday(deal.created)), [0.0] * 10)
            amount = 0.0 if pd.isna(deal.amount) else deal.amount
            row[0:4] = [
                row[0] + 1,
                row[1] + amount,
                row[2] + (amount >= 100000),
                row[3] + (deal.source == "self"),
            ]
        if deal.status in ("won", "lost") and deal.close is not None:
            row = weeks.setdefault((deal.name_key, metrics.monday(deal.close)), [0.0] * 10)
            won = deal.status == "won"
            cycle = won and deal.created is not None and deal.created <= deal.close
            row[4:] = [
                row[4] + won,
                row[5] + (deal.amount if won and not pd.isna(deal.amount) else 0),
                row[6] + (not won),
                row[7] + ((deal.close - deal.created).days if cycle else 0),
                row[8] + cycle,
                row[9] + (won and not pd.isna(deal.amount)),
            ]
    opportunity_weeks = sorted(
        (k, w, *(float(v) if i in (1, 5) else int(v) for i, v in enumerate(row)))
        for (k, w), row in weeks.items()
    )
    frame["described"] = frame["taken"].map(lambda d: metrics.monday(d - dt.timedelta(days=1)))
    frame = frame[frame["taken"] == frame.groupby("described")["taken"].transform("max")]
    is_open = frame["status"] == "open"
    snapshot_weeks = sorted(
        (k, w, len(rows), int(is_open[rows.index].sum()), float(rows["amount"][is_open[rows.index]].sum()))
        for (k, w), rows in frame.groupby(["name_key", "described"])
    )
    named = frame[is_open & (frame["account"].fillna("").str.strip() != "")]
    accounts = named.assign(account=named["account"].str.strip().str.lower())
    snapshot_accounts = sorted(
        (k, w, a, len(rows)) for (k, w, a), rows in accounts.groupby(["name_key", "described", "account"])
    )
    return opportunity_weeks, snapshot_weeks, snapshot_accounts


def test_a_store_without_pipeline_facts_gets_just_them_built_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    database = Database(path)
    ingest_file(database, _csv(tmp_path, [(1, "Ada Park", DAYS[0], "Call", 5, "Connected", "Acme")]),
                IngestOptions(kind="activities"))  # fmt: skip
    deals_now = [(1, "Ada Park", "Acme", "Prospecting", "40000", DAYS[0], DAYS[5], "Web"),
                 (2, "ada park", "Globex", "Closed Won", "150000.50", DAYS[1], DAYS[3], "Web")]  # fmt: skip
    for day in SNAPSHOT_DAYS[:3]:
        path_csv = _snapshot_csv(tmp_path, day, deals_now)
        assert ingest_file(database, path_csv, IngestOptions(kind="opportunities")).status == "loaded"
    before = metrics.weekly_metrics(database, DAYS[0], DAYS[-1])
    kept = stored_facts(database)
    for table in ("opportunity_weeks", "snapshot_weeks", "snapshot_account_weeks"):
        fetch(database, f"DELETE FROM {table}")  # as a store from before the pipeline's facts existed
    fetch(database, "DELETE FROM activity_account_weeks")  # a fact the check on open must leave alone
    database.close()

    reopened = Database(path)
    try:
        assert stored_pipeline_facts(reopened) == pipeline_from_scratch(reopened) != ([], [], [])
        assert stored_facts(reopened) == (kept[0], [])  # the activities' facts were not rebuilt
    finally:
        reopened.close()
    rebuilt = Database(path)
    try:
        with rebuilt.transaction() as cur:
            facts.rebuild(cur)
        pd.testing.assert_frame_equal(metrics.weekly_metrics(rebuilt, DAYS[0], DAYS[-1]), before)
    finally:
        rebuilt.close()


def test_pipeline_facts_equal_a_computation_from_scratch_after_any_sequence_of_writes() -> None:
    with tempfile.TemporaryDirectory(prefix="pipeline-facts-") as folder:
        database = Database(Path(folder) / "facts.duckdb")  # one store: each example goes on from the last

        @settings(SETTINGS, max_examples=8)  # each pipeline ingest costs more than an activity one
        @given(sequence=pipeline_steps)
        def examples(sequence: list[tuple]) -> None:
            for step, argument in sequence:
                if step == "ingest":
                    day, chosen = argument
                    path = _snapshot_csv(Path(folder), day, chosen)
                    result = ingest_file(database, path, IngestOptions(kind="opportunities"))
                    assert result.status in ("loaded", "duplicate"), result.message
                elif step == "undo":
                    _undo_one(database, argument)
                else:
                    edited = pd.DataFrame(
                        [
                            {
                                "metric": "won_revenue",
                                "value": argument,
                                "period": "quarter",
                                "effective_from": DAYS[argument % 3],
                            }
                        ]
                    )
                    target_edit.save(database, target_edit.normalise(edited))
                assert stored_pipeline_facts(database) == pipeline_from_scratch(database), step

        try:
            examples()
        finally:
            database.close()
