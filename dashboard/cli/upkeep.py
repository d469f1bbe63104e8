"""Commands that look after the store itself: maintain (a lake's files and snapshots; a file's checkpoint)
and export (a company moved between a DuckDB file and a DuckLake)."""

from __future__ import annotations

import click

from dashboard.cli.base import app, db_option, fail, json_option, open_store, print_json, usage
from dashboard.db import KEEP_DAYS, DatabaseError

SAID = {
    "checkpoint": "CHECKPOINT: the journal written into the DuckDB file (a file needs no other upkeep)",
    "flush_inlined": "{n} rows of small writes moved from the catalog into Parquet files",
    "merge_files": "{n} small Parquet files merged into larger ones",
    "expire_snapshots": "{n} snapshots older than {days} days expired",
    "cleanup_files": "{n} files no snapshot needs deleted",
}


@app.command()
@db_option
@click.option(
    "--older-than",
    "days",
    type=click.IntRange(0, None),
    default=KEEP_DAYS,
    show_default=True,
    metavar="DAYS",
    help="On a lake: expire snapshots older than this, and delete unneeded files scheduled that long ago.",
)
@json_option
@click.pass_context
def maintain(ctx: click.Context, days: int, as_json: bool) -> None:
    """Store upkeep, safe to run from cron while the app runs. On a DuckLake: flush small writes into
    Parquet, merge small files, expire old snapshots, delete files no snapshot needs. On a DuckDB
    file: CHECKPOINT."""
    database = open_store(ctx)
    try:
        done = database.maintain(days)
    finally:
        database.close()
    if as_json:
        print_json(done)
        return
    for step, n in done.items():
        click.echo(SAID[step].format(n=n, days=days), err=True)


@app.command()
@db_option
@click.option("--to", "to", metavar="STORE", help="Copy the --db store into this new, empty store.")
@click.option("--from", "from_", metavar="STORE", help="Copy this store into the new, empty --db store.")
@click.option(
    "--other-data-path",
    metavar="DIR",
    help="Data files of the --to/--from lake when it is new (default as for --data-path).",
)
@json_option
@click.pass_context
def export(
    ctx: click.Context, to: str | None, from_: str | None, other_data_path: str | None, as_json: bool
) -> None:
    """Move a company between stores: a DuckDB file into a DuckLake (--to ducklake:…) or back
    (--from ducklake:…). STORE is written as --db is. The store copied into must be new (no uploads);
    the one copied from is left as it is."""
    from dashboard.db import Database
    from dashboard.store_copy import copy_store

    if (to is None) == (from_ is None):
        usage("export: give exactly one of --to STORE or --from STORE")
    here = open_store(ctx)
    try:
        there = Database(to or from_, data_path=other_data_path)
    except DatabaseError as exc:
        fail(str(exc))
    source, target = (here, there) if to else (there, here)
    try:
        copied = copy_store(source, target)
    except DatabaseError as exc:
        fail(str(exc))
    finally:
        there.close()
    if as_json:
        print_json({"from": str(source.path), "to": str(target.path), "rows": copied})
        return
    click.echo(
        f"copied {sum(copied.values())} rows in {len(copied)} tables from {source.path} to {target.path}",
        err=True,
    )
