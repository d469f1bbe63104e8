"""What happened to one file: the counts, the problems, and what the user should know.

`IngestResult.to_json` is the CLI contract's shape (../shared/design/CLI.md) plus
`warnings` (cells left blank on kept rows) and `notes` (sentences the user should
read: how the file was dated, which owner IDs stayed unresolved, which metric a file
leaves without data). `message` is the one-paragraph summary the CLI prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from dashboard.ingest.detect import Detection


@dataclass
class IngestResult:
    """What happened to one file."""

    file: str
    status: str  # loaded | duplicate | failed
    upload_id: int | None = None
    kind: str | None = None
    source: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    duplicates_skipped: int = 0
    rows_replaced: int = 0
    rows_not_done: int = 0  # activity rows left out as work not done yet (an open task)
    footer_rows: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)  # problems of rejected rows
    warnings: list[dict[str, Any]] = field(default_factory=list)  # cells left blank on kept rows
    notes: list[str] = field(default_factory=list)  # what the user should know, in sentences
    duplicates: list[dict[str, Any]] = field(default_factory=list)  # rows not stored, and why
    categories: dict[str, int] = field(default_factory=dict)  # activities stored per category
    # metric categories (calls, first meetings, prospecting) it could have held, none stored for its weeks
    empty_categories: list[str] = field(default_factory=list)
    uncategorized: list[dict[str, Any]] = field(default_factory=list)  # commonest 'other' values
    snapshot_date: dt.date | None = None  # the date a pipeline file was stored under
    snapshot_from_data: bool = False  # ... taken from the file's own dates
    stages_to_confirm: list[str] = field(default_factory=list)  # stages nothing said won/lost/open of
    message: str = ""
    detection: Detection | None = None  # for the mapping screen when detection was unsure

    def to_json(self) -> dict[str, Any]:
        keys = (
            "file",
            "upload_id",
            "kind",
            "source",
            "status",
            "rows_read",
            "rows_loaded",
            "rows_rejected",
            "duplicates_skipped",
            "rows_replaced",
            "errors",
            "warnings",
            "notes",
        )
        data = asdict(self)
        return {k: data[k] for k in keys}


def describe(problem: dict[str, Any]) -> str:
    where = f"row {problem['row']}" + (f", column {problem['column']!r}" if problem.get("column") else "")
    return f"{where}, value {problem['value']!r}: {problem['message']}"


def summary(result: IngestResult) -> str:
    """One paragraph: what was stored, what was not and why, and the notes."""
    kind = (result.kind or "").replace("_", " ")
    rows = "row" if result.rows_loaded == 1 else "rows"  # the count unformatted, as the CLI contract shows it
    parts = [f"{result.file}: {result.rows_loaded} {kind} {rows} loaded ({result.source})"]
    if result.rows_rejected:
        parts.append(f"{result.rows_rejected} rejected (first: {describe(result.errors[0])})")
    if result.warnings:
        parts.append(
            f"{len(result.warnings)} unreadable cells left blank (first: {describe(result.warnings[0])})"
        )
    if result.duplicates_skipped:
        parts.append(duplicate_summary(result))
    if result.rows_replaced:
        parts.append(f"{result.rows_replaced} earlier rows replaced")
    if result.rows_not_done:
        parts.append(f"{result.rows_not_done} not completed yet, left out")
    return "; ".join(parts) + "".join(f"\n  note: {n}" for n in result.notes)


def duplicate_summary(result: IngestResult) -> str:
    """'12 already stored (upload 3: 10, upload 5: 2); 1 repeated in this file'."""
    stored = [d for d in result.duplicates if d.get("upload_id") is not None]
    repeated = sum(d["rows"] for d in result.duplicates if d.get("upload_id") is None)
    parts = []
    if stored:
        total = sum(d["rows"] for d in stored)
        by_upload = ", ".join(f"upload {d['upload_id']}: {d['rows']}" for d in stored)
        parts.append(f"{total} already stored ({by_upload})")
    if repeated:
        parts.append(f"{repeated} repeated an earlier row's record ID in this file")
    return "; ".join(parts) or f"{result.duplicates_skipped} already stored"


def failed(
    name: str,
    message: str,
    detection: Detection | None = None,
    errors: list[dict[str, Any]] | None = None,
    stages: list[str] | None = None,
) -> IngestResult:
    return IngestResult(
        file=name,
        status="failed",
        kind=detection.kind if detection else None,
        source=detection.source if detection else None,
        errors=errors or [{"row": None, "column": None, "value": None, "message": message}],
        message=message,
        detection=detection,
        stages_to_confirm=stages or [],
    )
