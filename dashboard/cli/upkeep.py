"""Commands that look after the store itself: maintain (a lake's files and snapshots; a file's checkpoint)
and export (a company moved between a DuckDB file and a DuckLake)."""

from __future__ import annotations

import click

from dashboard.cli.base import app, db_option, json_option, open_store, print_json
from dashboard.db import KEEP_DAYS

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
