"""What every `dashboard` command shares: the group, `--db` and `--json`, opening the store,
exit codes, and printing JSON and tables."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from dashboard import currency
from dashboard.db import Database, DatabaseError

if TYPE_CHECKING:
    import pandas as pd

DB_HELP = (
    "DuckDB file, or DuckLake catalog (ducklake:sqlite:PATH, ducklake:postgres:CONNINFO), to use "
    "(default: $DASHBOARD_DB, else ./data/dashboard.duckdb)."
)
DATA_PATH_HELP = (
    "A DuckLake's data files (default: $DASHBOARD_DATA_PATH, else <catalog>.files/ beside a SQLite "
    "catalog, ./data/lake-files/ for a PostgreSQL one)."
)
DAY = click.DateTime(formats=["%Y-%m-%d"])


def _remember(key: str) -> Callable:
    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        """Before or after the sub-command: the one given last wins (ctx.meta is shared)."""
        if value is not None:
            ctx.meta[key] = value

    return remember


def db_option(command: Callable) -> Callable:
    """`--db` and `--data-path` on a command (they also work before the sub-command, on the group).
    The text is kept as given: a PostgreSQL connection string is no file path."""
    command = click.option(
        "--data-path",
        metavar="DIR",
        help=DATA_PATH_HELP,
        expose_value=False,
        callback=_remember("dashboard.data"),
    )(command)
    return click.option(
        "--db", metavar="PATH", help=DB_HELP, expose_value=False, callback=_remember("dashboard.db")
    )(command)


def json_option(command: Callable) -> Callable:
    """`--json`, passed to the command as `as_json`."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")(command)


@click.group(
    help="Sales-accountability coaching dashboard: ingest CRM exports and query them.",
    context_settings={"help_option_names": ["--help"]},
    no_args_is_help=True,
)
@db_option
def app() -> None:
    pass


class LazyChoice(click.Choice):
    """A `click.Choice` whose choices are read when first needed (checking a value, writing `--help`):
    a command that never uses the option does not import what lists them."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(self._load())


def open_store(ctx: click.Context) -> Database:
    """The store `--db` names (else $DASHBOARD_DB, else the default), migrated; exit 1 if it cannot."""
    try:
        database = Database(ctx.meta.get("dashboard.db"), data_path=ctx.meta.get("dashboard.data"))
    except DatabaseError as exc:
        fail(str(exc))
    # amounts in the pipeline's own currency, until the command ends (a command run in-process, as the
    # tests' CliRunner does, leaves the next one's currency alone)
    ctx.with_resource(currency.shown_in(currency.of_data(database)))
    return database


def fail(message: str) -> NoReturn:
    """Say why on stderr and exit 1: the request could not be served."""
    click.echo(message, err=True)
    raise click.exceptions.Exit(1)


def usage(message: str) -> NoReturn:
    """Say why on stderr and exit 2: the command was written wrong."""
    click.echo(message, err=True)
    raise click.exceptions.Exit(2)


def print_json(data: Any) -> None:
    """One JSON document on stdout (dates as ISO text, missing values as null)."""
    click.echo(json.dumps(data, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):  # pd.Timestamp is a datetime
        return value.isoformat()
    import pandas as pd  # other values JSON cannot write come from a DataFrame: pandas is loaded

    if pd.isna(value):
        return None
    return str(value)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as plain dicts, with missing values as None."""
    cleaned = frame.astype(object).where(frame.notna(), None)
    return cleaned.to_dict(orient="records")


def print_table(frame: pd.DataFrame, empty: str) -> None:
    """The frame as a plain-text table, or `empty` when it has no rows."""
    click.echo(frame.to_string(index=False) if not frame.empty else empty)


def as_date(value: dt.datetime | None) -> dt.date | None:
    """A `--week`/`--from` option's value (click gives a datetime) as a date."""
    return value.date() if value else None


REP_ARGUMENT_HELP = "REP: the rep's name as in `dashboard reps` (case does not matter)."


def json_number(value: Any) -> Any:
    """Whole floats as ints (2.0 -> 2), so JSON reads like the counts it holds."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
