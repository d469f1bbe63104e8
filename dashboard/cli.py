"""The `dashboard` command: the app's work from scripts, cron jobs and tests.

A thin layer over the same package functions the pages call. The contract
(commands, JSON shapes, exit codes) is ../shared/design/CLI.md: `--json`
prints one JSON document on stdout, messages go to stderr; exit 0 on
success, 1 when a file or request could not be processed, 2 on wrong usage.
Whoever runs it acts as the local leader (`access.LOCAL_LEADER`, recorded as
'local user'): a shell on the database's machine can change anything anyway.

Start-up stays light: a command imports the heavy parts (pandas, ingest, the
agenda's templates) inside its own function, so `--help` and `reps` load none of
them (tests/test_cli_start.py, benchmarks/cli_start.py).
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from dashboard import access, currency, metrics, roster, uploads
from dashboard.access import LOCAL_LEADER
from dashboard.db import Database, DatabaseError, database_path
from dashboard.ingest.presets import SOURCES
from dashboard.ingest.schema import KINDS
from dashboard.text_table import text_table

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.ingest import IngestResult

app = typer.Typer(
    help="Sales-accountability coaching dashboard: ingest CRM exports and query them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Kind = Enum("Kind", {k: k for k in KINDS}, type=str)  # type: ignore[misc]
MetricName = Enum("MetricName", {m: m for m in metrics.METRIC_NAMES}, type=str)  # type: ignore[misc]
Source = Enum("Source", {s: s for s in SOURCES}, type=str)  # type: ignore[misc]

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="DuckDB file to use (default: $DASHBOARD_DB, else ./data/dashboard.duckdb).",
            show_default=False,
        ),
    ] = None,
) -> None:
    ctx.obj = db


def _open(ctx: typer.Context) -> Database:
    try:
        database = Database(ctx.obj)
    except DatabaseError as exc:
        _fail(str(exc))
    currency.set_display(currency.of_data(database))  # amounts in the pipeline's own currency
    return database


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def _usage(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(2)


def _field_map(pairs: list[str], kind: str | None) -> dict[str, str]:
    """'FIELD=COLUMN' pairs -> {field: column}; a field no kind (or not --kind) has is wrong usage."""
    known = set(KINDS[kind].field_names) if kind else {f for k in KINDS.values() for f in k.field_names}
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not column.strip() or field.strip() not in known:
            _usage(f"--map {pair!r}: write FIELD=COLUMN with FIELD one of {', '.join(sorted(known))}")
        mapping[field.strip()] = column.strip()
    return mapping


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):  # pd.Timestamp is a datetime
        return value.isoformat()
    import pandas as pd  # other values JSON cannot write come from a DataFrame: pandas is loaded

    if pd.isna(value):
        return None
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as plain dicts, with missing values as None."""
    cleaned = frame.astype(object).where(frame.notna(), None)
    return cleaned.to_dict(orient="records")


def _print_table(frame: pd.DataFrame, empty: str) -> None:
    typer.echo(frame.to_string(index=False) if not frame.empty else empty)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create or migrate the database (safe to run again)."""
    database = _open(ctx)
    typer.echo(f"database ready: {database.path}", err=True)


@app.command()
def demo(
    ctx: typer.Context,
    weeks: Annotated[int, typer.Option(min=8, max=260, help="Weeks of sample history.")] = 52,
    seed: Annotated[int, typer.Option(help="Random seed of the sample generator.")] = 7,
    coaching: Annotated[
        bool, typer.Option(help="Also record a sample coaching history (agendas, commitments, flags).")
    ] = True,
) -> None:
    """Load the bundled sample data (sample_data/) through the normal ingest path."""
    from dashboard import demo as demo_data

    database = _open(ctx)
    results = demo_data.load(database, weeks=weeks, seed=seed)
    for result in results:
        typer.echo(result.message, err=True)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)
    if coaching:
        history = demo_data.seed_coaching(database)
        if history is None:
            typer.echo("coaching history: already recorded, left as it is", err=True)
        else:
            typer.echo(
                f"coaching history: {history.agendas} agendas, {history.commitments} commitments "
                f"({history.follow_ups} followed up), {history.focus_areas} focus areas over "
                f"{len(history.weeks)} weeks",
                err=True,
            )


@app.command()
def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="CSV or XLSX exports to load.", show_default=False)],
    kind: Annotated[Kind | None, typer.Option(help="Kind of file (default: detected).")] = None,
    source: Annotated[Source | None, typer.Option(help="CRM export preset (default: detected).")] = None,
    snapshot_date: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Pipeline snapshot date for files without one (default: the latest date in the file).",
        ),
    ] = None,
    day_first: Annotated[
        bool | None,
        typer.Option(
            "--day-first/--month-first", help="Read 03/04/2026 as 3 April (default: decided per file)."
        ),
    ] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="Which column holds a field, as the Upload page's mapping does (repeatable); "
            "'rep=First Name+Last Name' joins two columns. Remembered for files with the same columns.",
        ),
    ] = None,
    stage_status: Annotated[
        list[str] | None,
        typer.Option(
            "--stage-status",
            metavar="STAGE=won|lost|open",
            help="What a pipeline stage means (repeatable), remembered for later files of the same CRM.",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Ingest CSV/XLSX files: detect kind and source, clean, store, report rejected rows."""
    from dashboard.ingest import IngestOptions, ingest_file, profiles, statuses

    database = _open(ctx)
    mapping = _field_map(map_ or [], kind.value if kind else None)
    try:
        stages = statuses.parse_answers(stage_status or [])
    except statuses.BadStageStatus as exc:
        _usage(str(exc))
    options = IngestOptions(
        kind=kind.value if kind else None,
        source=source.value if source else None,
        snapshot_date=snapshot_date.date() if snapshot_date else None,
        day_first=day_first,
        mapping=mapping or None,
        partial_mapping=True,
        stage_statuses=stages,
    )
    results: list[IngestResult] = [
        ingest_file(database, path, options, viewer=LOCAL_LEADER) for path in files
    ]
    for result in results:
        typer.echo(result.message, err=True)
        if mapping and result.status == "loaded" and result.detection:
            profiles.remember(database, result.detection, by=LOCAL_LEADER.by)
    if as_json:
        _print_json([r.to_json() for r in results])
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


@app.command("uploads")
def list_uploads(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List uploads, newest first."""
    frame = uploads.list_uploads(_open(ctx))
    if as_json:
        _print_json(_records(frame))
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
        _print_table(frame[columns], "no uploads yet")


@app.command()
def undo(
    ctx: typer.Context,
    upload_id: Annotated[int, typer.Argument(help="Upload to remove (see `dashboard uploads`).")],
) -> None:
    """Remove everything one upload added."""
    try:
        removed = uploads.undo(_open(ctx), upload_id, viewer=LOCAL_LEADER)
    except uploads.UndoError as exc:
        _fail(str(exc))
    typer.echo(f"upload {upload_id} undone: {removed} rows removed", err=True)


@app.command()
def reps(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List reps with team and manager."""
    found = roster.rep_records(_open(ctx))  # plain rows: this command never loads pandas
    if as_json:
        _print_json([{k: row[k] for k in ("rep", "team", "manager")} for row in found])
    elif not found:
        typer.echo("no reps yet: ingest a roster")
    else:
        typer.echo(text_table(found, ["rep", "team", "manager", "start_date"], dates={"start_date"}))


@app.command(
    help="Weekly values and targets of one rep (target empty where none applies, or where a "
    "month/quarter/year target is followed by pace).\n\nMetrics: " + ", ".join(metrics.METRIC_NAMES)
)
def trend(
    ctx: typer.Context,
    rep: Annotated[str, typer.Argument(help="Rep name as in `dashboard reps` (case does not matter).")],
    metric: Annotated[MetricName | None, typer.Option(help="One metric (default: all).")] = None,
    from_: Annotated[
        dt.datetime | None,
        typer.Option(
            "--from", formats=["%Y-%m-%d"], help="First week: a date in it (default: the first with data)."
        ),
    ] = None,
    to: Annotated[
        dt.datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Last week: a date in it (default: the latest with data)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    from dashboard.trend import rep_trend

    names = [metric.value] if metric else list(metrics.METRIC_NAMES)
    first, last = (metrics.monday(d.date()) if d else None for d in (from_, to))
    if first and last and first > last:
        _usage(f"--from {first} comes after --to {last}")
    try:
        frame = rep_trend(_open(ctx), rep, metric_names=names, from_week=first, to_week=last)
    except roster.UnknownRep as exc:
        _fail(str(exc))
    if as_json:
        _print_json([{k: _number(v) for k, v in row.items()} for row in _records(frame)])
    else:
        _print_table(frame, "no data yet: ingest activities or a pipeline export")


@app.command()
def interventions(
    ctx: typer.Context,
    week: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"], help="A date in the week to review (default: latest week with data)."
        ),
    ] = None,
    as_json: JsonFlag = False,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh",
            help="First store the flags of the weeks not reviewed since the last upload (for cron; "
            "uploads do it themselves).",
        ),
    ] = False,
) -> None:
    """Early-intervention flags for the week containing that date (default: the latest week with data)."""
    from dashboard import interventions as interventions_api

    database = _open(ctx)
    if refresh:
        reviewed = interventions_api.record(database)
        shown = ", ".join(f"{w:%Y-%m-%d}" for w in reviewed) or "none (nothing new)"
        typer.echo(f"flags stored for the weeks of: {shown}", err=True)
    flags = interventions_api.evaluate(database, week.date() if week else None)
    if as_json:
        _print_json([f.to_json() for f in flags])
        return
    reviewed = metrics.monday(week.date()) if week else roster.latest_week(database)
    if not flags and reviewed and not roster.has_activities(database, reviewed):
        typer.echo(roster.no_activity_message(reviewed))
        return
    if not flags:
        typer.echo("no one needs a closer look this week")
        return
    for flag in flags:
        typer.echo(
            f"{flag.rep} ({flag.team or 'no team'}), week of {flag.week}: {flag.severity} [{flag.kind}]"
        )
        for signal in flag.signals:
            typer.echo(f"  - {signal.metric} / {signal.rule}: {signal.detail}")


class AgendaFormat(StrEnum):
    md = "md"
    html = "html"


@app.command()
def agenda(
    ctx: typer.Context,
    rep: Annotated[str, typer.Argument(help="Rep name as in `dashboard reps` (case does not matter).")],
    week: Annotated[
        dt.datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Any day of the week to review (default: latest week)."),
    ] = None,
    output: Annotated[
        AgendaFormat, typer.Option("--format", help="Markdown or printable HTML.")
    ] = AgendaFormat.md,
) -> None:
    """Print the 1:1 agenda: the saved version for that week, else a fresh draft."""
    from dashboard.agenda import drafts as agenda_drafts
    from dashboard.agenda import render

    try:
        found = agenda_drafts.current(_open(ctx), rep, week.date() if week else None)
    except roster.UnknownRep as exc:
        _fail(str(exc))
    if output is AgendaFormat.html:
        typer.echo(render.html(found.body, found.rep, found.week))
    else:
        typer.echo(found.body)
    state = "draft" if found.is_draft else f"saved by {found.saved_by} at {found.saved_at:%Y-%m-%d %H:%M}"
    typer.echo(f"agenda for {found.rep}, week of {found.week}: {state}", err=True)


users_app = typer.Typer(
    help="Manage who may use the app (roles manager or leader, and teams).", no_args_is_help=True
)
app.add_typer(users_app, name="users")


@users_app.command("list")
def users_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List users with role and teams."""
    frame = access.list_users(_open(ctx))
    frame["teams"] = frame["teams"].map(list)
    if as_json:
        _print_json(_records(frame))
    else:
        _print_table(frame, "no users yet: the app runs as one local leader until login is configured")


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The e-mail the identity provider reports.")],
    role: Annotated[str, typer.Option(help="manager (own teams only) or leader (everything).")] = "manager",
    team: Annotated[list[str] | None, typer.Option(help="A team the manager leads (repeatable).")] = None,
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
) -> None:
    """Add a user, or update their role and teams."""
    try:
        saved = access.save_user(_open(ctx), email, role, team or [], name, viewer=LOCAL_LEADER)
    except access.AccessError as exc:
        _fail(str(exc))
    teams = f" of {', '.join(saved.teams)}" if saved.teams and not saved.is_leader else ""
    typer.echo(f"{saved.email}: {saved.role}{teams}", err=True)


@users_app.command("remove")
def users_remove(
    ctx: typer.Context, email: Annotated[str, typer.Argument(help="The user's e-mail.")]
) -> None:
    """Remove a user."""
    if not access.remove_user(_open(ctx), email, viewer=LOCAL_LEADER):
        _fail(f"there is no user {email}")
    typer.echo(f"removed {email}", err=True)


def _number(value: Any) -> Any:
    """Whole floats as ints (2.0 -> 2), so JSON reads like the counts it holds."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def main() -> None:
    """Console entry point."""
    try:
        app()
    except DatabaseError as exc:
        typer.echo(str(exc), err=True)
        raise SystemExit(1) from exc


__all__ = ["app", "database_path", "main"]
