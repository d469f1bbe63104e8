"""The `dashboard` command: the app's work from scripts, cron jobs and tests.

A thin layer over the same package functions the pages call. The contract
(commands, JSON shapes, exit codes) is ../shared/design/CLI.md: `--json`
prints one JSON document on stdout, messages go to stderr; exit 0 on
success, 1 when a file or request could not be processed, 2 on wrong usage.
Whoever runs it acts as the local leader (`access.LOCAL_LEADER`, recorded as
'local user'): a shell on the database's machine can change anything anyway.

Built on click (the library typer wraps): typer 0.2x coerces every option
through pydantic, about 0.4 s on each start. Start-up stays light: a command
imports the heavy parts (pandas, ingest, the agenda's templates) inside its own
function, so `--help` and `reps` load none of them (tests/test_cli_start.py,
benchmarks/cli_start.py). `--db` is accepted before or after the sub-command.

The commands live by what they work on: `store` (init, demo, ingest, uploads,
undo), `coaching` (reps, trend, interventions, agenda, digest), `people` (users,
time off, names), `upkeep` (maintain, export); `base` holds the group, the shared options and the output
helpers.
"""

from __future__ import annotations

import click

from dashboard.cli import coaching, people, store, upkeep  # noqa: F401  (each registers its commands on `app`)
from dashboard.cli.base import app
from dashboard.db import DatabaseError, database_path


def main() -> None:
    """Console entry point."""
    try:
        app()
    except DatabaseError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from exc


__all__ = ["app", "database_path", "main"]
