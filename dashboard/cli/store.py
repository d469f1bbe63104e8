"""Commands that fill and change the store: init, demo, ingest, uploads, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dashboard import uploads
from dashboard.access import LOCAL_LEADER
from dashboard.cli.base import (
    DAY,
    LazyChoice,
    app,
    as_date,
    db_option,
    fail,
    json_option,
    open_store,
    print_json,
    print_table,
    records,
    usage,
)
from dashboard.ingest.schema import KINDS

if TYPE_CHECKING:
    from dashboard.ingest import IngestResult


def _field_map(pairs: tuple[str, ...], kind: str | None) -> dict[str, str]:
    """'FIELD=COLUMN' pairs -> {field: column}; a field no kind (or not --kind) has is wrong usage."""
    known = set(KINDS[kind].field_names) if kind else {f for k in KINDS.values() for f in k.field_names}
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not column.strip() or field.strip() not in known:
            usage(f"--map {pair!r}: write FIELD=COLUMN with FIELD one of {', '.join(sorted(known))}")
        mapping[field.strip()] = column.strip()
    return mapping


def _sources() -> tuple[str, ...]:
    """The CRM presets `--source` takes (read when the option is used: the presets are not light)."""
    from dashboard.ingest.presets import SOURCES

    return SOURCES


@app.command()
@db_option
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create or migrate the database (safe to run again)."""
    database = open_store(ctx)
    click.echo(f"database ready: {database.path}", err=True)


@app.command()
@db_option
@click.option(
    "--weeks", type=click.IntRange(12, 260), default=52, show_default=True, help="Weeks of sample history."
)
@click.option("--seed", type=int, default=7, show_default=True, help="Random seed of the sample generator.")
@click.option(
    "--coaching/--no-coaching",
    default=True,
    show_default=True,
    help="Also record a sample coaching history (agendas, commitments, flags).",
)
@click.pass_context
def demo(ctx: click.Context, weeks: int, seed: int, coaching: bool) -> None:
    """Load the bundled sample data (sample_data/) through the normal ingest path."""
    from dashboard import demo as demo_data

    database = open_store(ctx)
    results = demo_data.load(database, weeks=weeks, seed=seed)
    for result in results:
        click.echo(result.message, err=True)
    if any(r.status == "failed" for r in results):
        raise click.exceptions.Exit(1)
    if coaching:
        history = demo_data.seed_coaching(database)
        if history is None:
            click.echo("coaching history: already recorded, left as it is", err=True)
        else:
            click.echo(
                f"coaching history: {history.agendas} agendas, {history.commitments} commitments "
                f"({history.follow_ups} followed up), {history.focus_areas} focus areas over "
                f"{len(history.weeks)} weeks",
                err=True,
            )


@app.command()
@db_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(list(KINDS)), help="Kind of file (default: detected).")
@click.option("--source", type=LazyChoice(_sources), help="CRM export preset (default: detected).")
@click.option(
    "--snapshot-date",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="Pipeline snapshot date for files without one (default: the latest date in the file).",
)
@click.option(
    "--day-first/--month-first",
    default=None,
    help="Read 03/04/2026 as 3 April (default: decided per file).",
)
@click.option(
    "--map",
    "map_",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Which column holds a field, as the Upload page's mapping does (repeatable); "
    "'rep=First Name+Last Name' joins two columns. Remembered for files with the same columns.",
)
@click.option(
    "--stage-status",
    multiple=True,
    metavar="STAGE=won|lost|open",
    help="What a pipeline stage means (repeatable), remembered for later files of the same CRM.",
)
@json_option
@click.pass_context
def ingest(
    ctx: click.Context,
    files: tuple[Path, ...],
    kind: str | None,
    source: str | None,
    snapshot_date: dt.datetime | None,
    day_first: bool | None,
    map_: tuple[str, ...],
    stage_status: tuple[str, ...],
    as_json: bool,
) -> None:
    """Ingest CSV/XLSX files: detect kind and source, clean, store, report rejected rows."""
    from dashboard.ingest import IngestOptions, batch, ingest_file, profiles, statuses

    database = open_store(ctx)
    mapping = _field_map(map_, kind)
    try:
        stages = statuses.parse_answers(list(stage_status))
    except statuses.BadStageStatus as exc:
        usage(str(exc))
    options = IngestOptions(
        kind=kind,
        source=source,
        snapshot_date=as_date(snapshot_date),
        day_first=day_first,
        mapping=mapping or None,
        partial_mapping=True,
        stage_statuses=stages,
    )
    results: list[IngestResult] = [
        ingest_file(database, path, options, viewer=LOCAL_LEADER) for path in files
    ]
    batch.settle(database, results)  # a note another file of the batch answers is dropped
    for result in results:
        click.echo(result.message, err=True)
        if mapping and result.status == "loaded" and result.detection:
            profiles.remember(database, result.detection, by=LOCAL_LEADER.by)
    if as_json:
        print_json([r.to_json() for r in results])
    if any(r.status == "failed" for r in results):
        raise click.exceptions.Exit(1)


@app.command("uploads")
@db_option
@json_option
@click.pass_context
def list_uploads(ctx: click.Context, as_json: bool) -> None:
    """List uploads, newest first."""
    frame = uploads.list_uploads(open_store(ctx))
    if as_json:
        print_json(records(frame))
    else:
        columns = [
            "upload_id",
            "file_name",
            "kind",
            "source",
            "status",
            "rows_loaded",
            "rows_rejected",
            "uploaded_at",
        ]
        print_table(frame[columns], "no uploads yet")


@app.command()
@db_option
@click.argument("upload_id", type=int)
@click.pass_context
def undo(ctx: click.Context, upload_id: int) -> None:
    """Remove everything one upload added (UPLOAD_ID: see `dashboard uploads`)."""
    try:
        removed = uploads.undo(open_store(ctx), upload_id, viewer=LOCAL_LEADER)
    except uploads.UndoError as exc:
        fail(str(exc))
    click.echo(f"upload {upload_id} undone: {removed} {'row' if removed == 1 else 'rows'} removed", err=True)
