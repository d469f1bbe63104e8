"""Ingests one file into the store, atomically: all of its good rows, or nothing.

The steps, each a query in `queries/`: read the body as text into `raw`, show
its mapped columns as the kind's `stage`, decide the file's style (`sniff`),
parse and check every cell in SQL (`ingest_clean_<kind>`), then what each kind
needs before storing (activity categories, deal statuses and the snapshot date,
the key each row is stored under), all in temp tables of one cursor; then, in
one transaction, record the upload, keep the rejected cells, replace what this
file supersedes, insert the new rows and say what the user should know. Any
error rolls the whole file back.

Who may load what (`viewer`, the acting `dashboard.access.Viewer`; the CLI and
local mode act as the local leader): a leader loads anything. A manager loads
activities, pipeline rows and time off of their own teams' reps only: a row naming a rep on
another team's roster, or on no roster yet, is rejected with the rep's name (and a
pipeline row that would replace another team's stored deal too); rosters, targets
and target accounts, which decide what everyone sees, are refused whole. The
upload records who loaded it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import duckdb

from dashboard import db, facts, interventions, memory_cap, rep_ends, time_off
from dashboard.access import LOCAL_LEADER, Viewer
from dashboard.ingest import decide, read, reports, rules, sniff, statuses, task_status
from dashboard.ingest.detect import Detection
from dashboard.ingest.options import IngestOptions
from dashboard.ingest.result import IngestResult, describe, failed, summary

MAX_ERRORS_REPORTED = 100
# Kinds whose new rows replace stored ones (same snapshot date + opportunity, same rep,
# same target): `ingest_supersede_<kind>.sql` marks the replaced rows, undo restores them.
REPLACING_KINDS = frozenset({"opportunities", "roster", "targets"})
# Kinds stored under keys computed first (`ingest_keys_<kind>.sql`, temp table `keyed`).
KEYED_KINDS = frozenset({"activities", "opportunities"})
# Kinds a manager may load, each row checked against their teams (`ingest_outside_teams_<kind>`;
# time off as activities are).
MANAGER_KINDS = frozenset({"activities", "opportunities", "time_off"})
# Kinds loaded whole or not at all: one bad row stores none (time off: a half-loaded
# holiday sheet would suppress some weeks' flags and not others).
WHOLE_FILE_KINDS = frozenset({"time_off"})
KIND_WORDS = {"time_off": "time-off"}
_LEADER_ONLY = {
    "roster": "a roster decides who is on which team",
    "targets": "targets set the expectations of every team",
    "target_accounts": "target accounts are set for every team",
}


def ingest_stream(
    database: db.Database,
    name: str,
    stream: BinaryIO,
    options: IngestOptions | None = None,
    *,
    viewer: Viewer = LOCAL_LEADER,
) -> IngestResult:
    """Ingests an uploaded file-like object, copied to disk in chunks (never held twice), as `viewer`."""
    options = replace(options or IngestOptions(), display_name=name)
    suffix = Path(name).suffix[:10]
    with tempfile.TemporaryDirectory(prefix="upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as target:
            shutil.copyfileobj(stream, target, 1 << 20)
        return ingest_file(database, path, options, viewer=viewer)


def ingest_file(
    database: db.Database, path: Path, options: IngestOptions | None = None, *, viewer: Viewer = LOCAL_LEADER
) -> IngestResult:
    """Ingests one CSV/XLSX file as `viewer` (see the module doc for what a manager may load);
    never raises for a bad file, reports it instead."""
    options = options or IngestOptions()
    name = options.display_name or path.name
    if not path.is_file():
        return failed(name, f"{path}: no such file")
    # one writer at a time: the duplicate check and the store are one turn, under the ingest's memory cap
    with database.writing(), memory_cap.lowered(database, memory_cap.ingest_limit()):
        ended = rep_ends.ends(database)
        result = _ingest(database, path, name, options, viewer)
        if result.status == "loaded":  # the flags of the weeks it brings, stored now, not when someone looks
            interventions.record(database)
            rep_ends.review_moved(database, ended, by=viewer.by)  # a leaver marked, a last week moved
        if result.status == "loaded" and result.kind == "time_off":  # as time off entered by hand
            time_off.review_upload(database, result.upload_id or 0, by=viewer.by)
    return result


def _ingest(
    database: db.Database, path: Path, name: str, options: IngestOptions, viewer: Viewer
) -> IngestResult:
    with tempfile.TemporaryDirectory(prefix="ingest-") as workdir:
        # The file's digest is taken in a second thread while a CSV's table is found (hashlib lets go
        # of the GIL): the two read the file side by side. What the user is told is as if the
        # digest came first: a file loaded before is a duplicate, even when its table fails now.
        # A workbook, slow to open, is checked first.
        with ThreadPoolExecutor(max_workers=1) as pool:
            hashing = pool.submit(_sha256, path)
            if read.is_workbook(path):
                duplicate = _duplicate(database, hashing.result(), name, options)
                if duplicate:
                    return duplicate
            try:
                table: read.Table | BaseException = read.open_table(
                    path, Path(workdir), decide.header_scorer(database)
                )
            except Exception as exc:  # told after the duplicate check
                table = exc
            digest = hashing.result()
        duplicate = _duplicate(database, digest, name, options)
        if duplicate:
            return duplicate
        if isinstance(table, read.UnreadableFile):
            return failed(name, f"{name}: {table}")
        if isinstance(table, BaseException):
            raise table
        return _detect_and_store(database, table, digest, name, options, viewer)


def _duplicate(database: db.Database, digest: str, name: str, options: IngestOptions) -> IngestResult | None:
    """The answer for a file loaded before (the same bytes), else None."""
    with database.cursor() as cur:
        earlier = db.execute(cur, "upload_find_by_sha256", sha256=digest).fetchone()
    if earlier:
        upload_id, earlier_name, kind, source, *_ = earlier
        told = options.mapping or options.stage_statuses or options.snapshot_date or options.kind
        again = f"; to load it again another way, undo it first (dashboard undo {upload_id})" if told else ""
        return IngestResult(
            file=name,
            status="duplicate",
            upload_id=upload_id,
            kind=kind,
            source=source,
            message=f"{name}: already loaded as upload {upload_id} ({earlier_name}); nothing changed{again}",
        )
    return None


def _detect_and_store(
    database: db.Database,
    table: read.Table,
    digest: str,
    name: str,
    options: IngestOptions,
    viewer: Viewer,
) -> IngestResult:
    """Decides what the file is (or why it cannot be loaded) and stores it."""
    detection = decide.detection_for(database, table.headers, options, table.sample)
    problem = decide.problem(detection, options)
    if problem:
        return failed(name, f"{name}: {problem}", detection)
    if not viewer.is_leader and detection.kind not in MANAGER_KINDS:
        return _refused(name, detection)
    try:
        return _store(database, table, detection, digest, name, options, viewer)
    except _NothingToStore as exc:
        return failed(name, f"{name}: {exc}", detection, errors=exc.errors, stages=exc.stages)
    except (read.UnreadableFile, duckdb.Error) as exc:
        return failed(name, f"{name}: {exc}", detection)


def _refused(name: str, detection: Detection) -> IngestResult:
    """A manager's file of a kind only leaders load: nothing stored, and why."""
    kind = detection.kind or ""
    label = kind.replace("_", " ")
    why = _LEADER_ONLY.get(kind, "only activity, pipeline and time-off files are loaded by managers")
    result = failed(
        name,
        f"{name}: this looks like a {label} file, which a sales leader loads ({why}); nothing from it "
        "was stored. Managers load activity and pipeline exports and the time off of their own teams.",
    )
    result.kind, result.source = detection.kind, detection.source
    return result


class _NothingToStore(Exception):
    def __init__(
        self, message: str, errors: list[dict[str, Any]] | None = None, stages: list[str] | None = None
    ):
        super().__init__(message)
        self.errors = errors or []
        self.stages = stages or []


@dataclass
class _Cleaned:
    """A file read and cleaned into the cursor's temp tables, not stored yet."""

    kind: str
    source: str
    file_format: str
    structural: list[read.StructuralReject]  # lines that are not rows of the table
    footer_rows: int
    rows: int
    rejected: int
    notes: list[str] = field(default_factory=list)
    snapshot_date: dt.date | None = None
    snapshot_from_data: bool = False
    not_done: int = 0  # valid rows left out as work not done (a task still open)


def _store(
    database: db.Database,
    table: read.Table,
    detection: Detection,
    digest: str,
    name: str,
    options: IngestOptions,
    viewer: Viewer,
) -> IngestResult:
    kind, source = detection.kind, detection.source
    assert kind is not None and source is not None
    statuses.remember(database, source, options.stage_statuses, by=viewer.by)
    names = detection.column_names()
    with database.cursor() as cur:
        # Reading and cleaning only fill this cursor's temp tables, so they run before the
        # transaction: DuckDB scans a table made inside an open transaction far more slowly
        # (about twice the CPU), and a failed parallel read can then be retried (load_raw).
        structural = read.load_raw(cur, table, names)
        footer_rows = db.execute(cur, "ingest_footer_count").fetchone()[0]
        db.execute(cur, f"ingest_stage_{kind}")
        style = sniff.sniff(cur, kind, options.day_first, detection.day_first)
        kind_seed = 0
        if kind == "activities":  # each row's category comes with the clean
            kind_seed = rules.categorize_activities(cur, source, detection.implied_type)
        params = _clean_params(kind, source, detection, options, style, kind_seed)
        db.execute(cur, f"ingest_clean_{kind}", **params)
        if not viewer.is_leader:
            checked_as = "activities" if kind == "time_off" else kind  # both name a rep per row
            db.execute(cur, f"ingest_outside_teams_{checked_as}", teams=list(viewer.teams))
        rows, rejected = db.execute(cur, "ingest_clean_counts").fetchone()
        if rows == 0 and not structural:
            raise _NothingToStore("no data rows under the header row")
        cleaned = _Cleaned(kind, source, table.file_format, structural, footer_rows, rows, rejected)
        if kind == "activities" and table.file_format == "csv":
            db.execute(cur, "ingest_raw_release")
        if kind == "opportunities":
            _prepare_pipeline(cur, cleaned, detection, options)
        if kind == "activities" and "status" in detection.mapping:  # open tasks: not work done yet
            header = detection.mapping_by_header["status"]
            cleaned.not_done, note = task_status.leave_out(cur, source, header)
            cleaned.notes += [note] if note else []
        if kind in KEYED_KINDS:
            db.execute(cur, f"ingest_keys_{kind}")
        if kind == "activities":  # the rows it adds, decided before the transaction (see the queries)
            db.execute(cur, "ingest_kept_out")
            db.execute(cur, "ingest_fresh_view")
        if kind == "opportunities" and not viewer.is_leader:
            db.execute(cur, "ingest_outside_teams_deals", teams=list(viewer.teams))
            db.execute(cur, "ingest_keyed_drop_rejected")
            cleaned.rejected = db.execute(cur, "ingest_clean_counts").fetchone()[1]
        with _transaction(cur):
            return _record(cur, cleaned, detection, digest, name, viewer.by)


def _prepare_pipeline(
    cur: duckdb.DuckDBPyConnection, cleaned: _Cleaned, detection: Detection, options: IngestOptions
) -> None:
    """Decides each deal's status (or asks), and dates a snapshot without its own date."""
    undecided, any_closed = statuses.decide(cur, cleaned.source)
    said = {"status", "is_won", "is_closed", "active"} & set(detection.mapping)
    if undecided and not said and not any_closed:
        shown = ", ".join(repr(s) for s in undecided)
        raise _NothingToStore(
            f"nothing in this file says which deals were won or lost, and these stages are new: {shown}. "
            "Say what each means once, on the Upload page or with --stage-status 'STAGE=won' "
            "(or =lost, =open); the answer is remembered for later files",
            stages=undecided,
        )
    if undecided:
        shown = ", ".join(repr(s) for s in undecided)
        cleaned.notes.append(
            f"stages read as open (no rule says won or lost): {shown}; if one means won or lost, "
            "say so with --stage-status or on the Upload page"
        )
    if options.snapshot_date is None and "snapshot_date" not in detection.mapping:
        today = options.upload_date or dt.date.today()
        found = db.execute(cur, "ingest_snapshot_from_data", upload_date=today).fetchone()[0]
        cleaned.snapshot_date, cleaned.snapshot_from_data = found or today, found is not None
        db.execute(cur, "ingest_date_snapshot", snapshot_date=cleaned.snapshot_date)
        cleaned.notes.append(
            f"no 'as of' column: stored as the pipeline of {cleaned.snapshot_date:%Y-%m-%d}, "
            + ("the latest date in the file" if found else "today (the file has no past dates)")
            + " (another date: --snapshot-date, or change it on the Upload page)"
        )
    else:
        cleaned.snapshot_date = options.snapshot_date


def _record(
    cur: duckdb.DuckDBPyConnection,
    cleaned: _Cleaned,
    detection: Detection,
    digest: str,
    name: str,
    by: str,
) -> IngestResult:
    """Stores the cleaned file (in the caller's transaction): the upload, its rejects and its rows;
    `by` is who loaded it."""
    kind, source, structural = cleaned.kind, cleaned.source, cleaned.structural
    rows, rejected = cleaned.rows, cleaned.rejected
    mapping = detection.mapping_by_header
    upload_id = db.insert_with_id(
        cur,
        "upload_insert",
        file_name=name,
        sha256=digest,
        kind=kind,
        source=source,
        file_format=cleaned.file_format,
        mapping=json.dumps(mapping),
        uploaded_by=by,
    )
    fields = list(mapping)
    db.execute(
        cur,
        "ingest_rejected_rows",
        upload_id=upload_id,
        fields=fields,
        headers=[mapping[f] for f in fields],
    )
    for reject in structural:
        db.execute(
            cur,
            "ingest_structural_reject",
            upload_id=upload_id,
            row=reject.row,
            value=reject.value,
            reason=reject.reason,
        )
    errors = _problems(cur, upload_id, kept=False)
    if rejected == rows:
        raise _NothingToStore(
            f"none of the {rows + len(structural)} rows could be read; first problem: " + describe(errors[0]),
            errors,
        )
    if kind in WHOLE_FILE_KINDS and (rejected or structural):
        raise _NothingToStore(
            f"{rejected + len(structural)} of the {rows + len(structural)} rows cannot be recorded, so none "
            f"was (a {KIND_WORDS.get(kind, kind)} file is loaded whole); first problem: "
            + describe(errors[0]),
            errors,
        )
    replaced = 0
    if kind in REPLACING_KINDS:
        replaced = db.execute(cur, f"ingest_supersede_{kind}", upload_id=upload_id).fetchone()[0]
    loaded = db.execute(cur, f"ingest_insert_{kind}", upload_id=upload_id).fetchone()[0]
    if kind == "activities":
        facts.add_fresh(cur)
    elif kind == "opportunities":
        facts.add_pipeline(cur, upload_id)
        db.execute(cur, "company_currency_remember", upload_id=upload_id)  # kept after an undo
    elif kind == "roster":
        facts.refresh(cur)  # the reps' spellings may change: the deal facts kept per rep follow
    result = IngestResult(
        file=name,
        status="loaded",
        upload_id=upload_id,
        kind=kind,
        source=source,
        rows_read=rows + len(structural),
        rows_loaded=loaded,
        rows_rejected=rejected + len(structural),
        duplicates_skipped=rows - rejected - loaded - cleaned.not_done,
        rows_not_done=cleaned.not_done,
        rows_replaced=replaced,
        footer_rows=cleaned.footer_rows,
        errors=errors,
        warnings=_problems(cur, upload_id, kept=True),
        notes=list(cleaned.notes),
        snapshot_date=cleaned.snapshot_date,
        snapshot_from_data=cleaned.snapshot_from_data,
        detection=detection,
    )
    reports.tell(cur, result)
    db.execute(
        cur,
        "upload_finish",
        upload_id=upload_id,
        rows_read=result.rows_read,
        rows_loaded=result.rows_loaded,
        rows_rejected=result.rows_rejected,
        duplicates_skipped=result.duplicates_skipped,
        rows_replaced=result.rows_replaced,
    )
    db.execute(cur, "change_log_add", what=f"ingest {kind}", upload_id=upload_id, by=by)
    result.message = summary(result)
    return result


@contextmanager
def _transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN … COMMIT on this cursor (its temp tables stay visible); any exception rolls back."""
    cur.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")


def _clean_params(
    kind: str, source: str, detection: Detection, options: IngestOptions, style: sniff.Style, kind_seed: int
) -> dict[str, Any]:
    offered = {
        "kind_seed": kind_seed,
        "source": source,
        "duration_unit": detection.duration_unit,
        "implied_type": detection.implied_type,
        "amount_divisor": detection.amount_divisor,
        "snapshot_date": options.snapshot_date,
        "metrics": list(options.known_metrics),
        "no_team": reports.NO_TEAM,
        "upload_date": options.upload_date or dt.date.today(),
        **style.params(),
    }
    wanted = db.load_query(f"ingest_clean_{kind}").params
    return {k: v for k, v in offered.items() if k in wanted}


def _problems(cur: duckdb.DuckDBPyConnection, upload_id: int, kept: bool) -> list[dict[str, Any]]:
    rows = db.execute(
        cur, "upload_errors", upload_id=upload_id, limit=MAX_ERRORS_REPORTED, kept=kept
    ).fetchall()
    return [{"row": r, "column": c, "value": v, "message": m} for r, c, v, m in rows]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
