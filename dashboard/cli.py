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
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from dashboard import access, currency, metrics, roster, uploads
from dashboard.access import LOCAL_LEADER
from dashboard.db import Database, DatabaseError, database_path
from dashboard.ingest.presets import SOURCES
from dashboard.ingest.schema import KINDS
from dashboard.text_table import text_table

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.ingest import IngestResult

DB_HELP = "DuckDB file to use (default: $DASHBOARD_DB, else ./data/dashboard.duckdb)."
DAY = click.DateTime(formats=["%Y-%m-%d"])


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    """`--db` before or after the sub-command: the one given last wins (ctx.meta is shared)."""
    if value is not None:
        ctx.meta["dashboard.db"] = value


def _db_option(command: Callable) -> Callable:
    return click.option(
        "--db",
        type=click.Path(path_type=Path, dir_okay=False),
        help=DB_HELP,
        expose_value=False,
        callback=_remember_db,
    )(command)


def _json_option(command: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")(command)


@click.group(
    help="Sales-accountability coaching dashboard: ingest CRM exports and query them.",
    context_settings={"help_option_names": ["--help"]},
    no_args_is_help=True,
)
@_db_option
def app() -> None:
    pass


def _open(ctx: click.Context) -> Database:
    try:
        database = Database(ctx.meta.get("dashboard.db"))
    except DatabaseError as exc:
        _fail(str(exc))
    currency.set_display(currency.of_data(database))  # amounts in the pipeline's own currency
    return database


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    raise click.exceptions.Exit(1)


def _usage(message: str) -> NoReturn:
    click.echo(message, err=True)
    raise click.exceptions.Exit(2)


def _field_map(pairs: tuple[str, ...], kind: str | None) -> dict[str, str]:
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
    click.echo(json.dumps(data, indent=2, default=_json_default))


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
    click.echo(frame.to_string(index=False) if not frame.empty else empty)


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


@app.command()
@_db_option
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create or migrate the database (safe to run again)."""
    database = _open(ctx)
    click.echo(f"database ready: {database.path}", err=True)


@app.command()
@_db_option
@click.option(
    "--weeks", type=click.IntRange(8, 260), default=52, show_default=True, help="Weeks of sample history."
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

    database = _open(ctx)
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
@_db_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(list(KINDS)), help="Kind of file (default: detected).")
@click.option("--source", type=click.Choice(list(SOURCES)), help="CRM export preset (default: detected).")
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
@_json_option
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
    from dashboard.ingest import IngestOptions, ingest_file, profiles, statuses

    database = _open(ctx)
    mapping = _field_map(map_, kind)
    try:
        stages = statuses.parse_answers(list(stage_status))
    except statuses.BadStageStatus as exc:
        _usage(str(exc))
    options = IngestOptions(
        kind=kind,
        source=source,
        snapshot_date=_date(snapshot_date),
        day_first=day_first,
        mapping=mapping or None,
        partial_mapping=True,
        stage_statuses=stages,
    )
    results: list[IngestResult] = [
        ingest_file(database, path, options, viewer=LOCAL_LEADER) for path in files
    ]
    for result in results:
        click.echo(result.message, err=True)
        if mapping and result.status == "loaded" and result.detection:
            profiles.remember(database, result.detection, by=LOCAL_LEADER.by)
    if as_json:
        _print_json([r.to_json() for r in results])
    if any(r.status == "failed" for r in results):
        raise click.exceptions.Exit(1)


@app.command("uploads")
@_db_option
@_json_option
@click.pass_context
def list_uploads(ctx: click.Context, as_json: bool) -> None:
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
@_db_option
@click.argument("upload_id", type=int)
@click.pass_context
def undo(ctx: click.Context, upload_id: int) -> None:
    """Remove everything one upload added (UPLOAD_ID: see `dashboard uploads`)."""
    try:
        removed = uploads.undo(_open(ctx), upload_id, viewer=LOCAL_LEADER)
    except uploads.UndoError as exc:
        _fail(str(exc))
    click.echo(f"upload {upload_id} undone: {removed} rows removed", err=True)


@app.command()
@_db_option
@_json_option
@click.pass_context
def reps(ctx: click.Context, as_json: bool) -> None:
    """List reps with team and manager."""
    found = roster.rep_records(_open(ctx))  # plain rows: this command never loads pandas
    if as_json:
        _print_json([{k: row[k] for k in ("rep", "team", "manager")} for row in found])
    elif not found:
        click.echo("no reps yet: ingest a roster")
    else:
        click.echo(text_table(found, ["rep", "team", "manager", "start_date"], dates={"start_date"}))


REP_ARGUMENT_HELP = "REP: the rep's name as in `dashboard reps` (case does not matter)."


@app.command(
    help="Weekly values and targets of one rep (target '–' where none applies, or where a "
    "month/quarter/year target is followed by pace).\n\n"
    + REP_ARGUMENT_HELP
    + "\n\nMetrics: "
    + ", ".join(metrics.METRIC_NAMES)
)
@_db_option
@click.argument("rep")
@click.option(
    "--metric",
    type=click.Choice(list(metrics.METRIC_NAMES)),
    metavar="METRIC",
    help="One metric (default: all).",
)
@click.option(
    "--from",
    "from_",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="First week: a date in it (default: the first with data).",
)
@click.option(
    "--to", type=DAY, metavar="YYYY-MM-DD", help="Last week: a date in it (default: the latest with data)."
)
@_json_option
@click.pass_context
def trend(
    ctx: click.Context,
    rep: str,
    metric: str | None,
    from_: dt.datetime | None,
    to: dt.datetime | None,
    as_json: bool,
) -> None:
    from dashboard.trend import rep_trend

    names = [metric] if metric else list(metrics.METRIC_NAMES)
    first, last = (metrics.monday(d.date()) if d else None for d in (from_, to))
    if first and last and first > last:
        _usage(f"--from {first} comes after --to {last}")
    try:
        frame = rep_trend(_open(ctx), rep, metric_names=names, from_week=first, to_week=last)
    except roster.UnknownRep as exc:
        _fail(str(exc))
    if as_json:
        _print_json([{k: _number(v) for k, v in row.items()} for row in _records(frame)])
    else:  # each value as the app writes it: '1,250 min', '33%', '$120,000', '–' where none
        for column in ("value", "target"):
            frame[column] = [
                metrics.metric(m).format(v) for m, v in zip(frame["metric"], frame[column], strict=True)
            ]
        _print_table(frame, "no data yet: ingest activities or a pipeline export")


@app.command()
@_db_option
@click.option(
    "--week",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="A date in the week to review (default: latest week with data).",
)
@_json_option
@click.option(
    "--refresh",
    is_flag=True,
    help="First store the flags of the weeks not reviewed since the last upload (for cron; "
    "uploads do it themselves).",
)
@click.pass_context
def interventions(ctx: click.Context, week: dt.datetime | None, as_json: bool, refresh: bool) -> None:
    """Early-intervention flags for the week containing that date (default: the latest week with data)."""
    from dashboard import interventions as interventions_api

    database = _open(ctx)
    if refresh:
        reviewed = interventions_api.record(database)
        shown = ", ".join(f"{w:%Y-%m-%d}" for w in reviewed) or "none (nothing new)"
        click.echo(f"flags stored for the weeks of: {shown}", err=True)
    flags = interventions_api.evaluate(database, _date(week))
    if as_json:
        _print_json([f.to_json() for f in flags])
        return
    reviewed = metrics.monday(week.date()) if week else roster.latest_week(database)
    if not flags and reviewed and not roster.has_activities(database, reviewed):
        click.echo(roster.no_activity_message(reviewed))
        return
    if not flags:
        click.echo("no one needs a closer look this week")
        return
    for flag in flags:
        click.echo(
            f"{flag.rep} ({flag.team or 'no team'}), week of {flag.week}: {flag.severity} [{flag.kind}]"
        )
        for signal in flag.signals:
            click.echo(f"  - {signal.metric} / {signal.rule}: {signal.detail}")


@app.command(
    help="Print the 1:1 agenda: the saved version for that week, else a fresh draft.\n\n" + REP_ARGUMENT_HELP
)
@_db_option
@click.argument("rep")
@click.option(
    "--week", type=DAY, metavar="YYYY-MM-DD", help="Any day of the week to review (default: latest week)."
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Markdown or printable HTML.",
)
@click.pass_context
def agenda(ctx: click.Context, rep: str, week: dt.datetime | None, output: str) -> None:
    from dashboard.agenda import drafts as agenda_drafts
    from dashboard.agenda import render

    try:
        found = agenda_drafts.current(_open(ctx), rep, _date(week))
    except roster.UnknownRep as exc:
        _fail(str(exc))
    click.echo(render.html(found.body, found.rep, found.week) if output == "html" else found.body)
    state = "draft" if found.is_draft else f"saved by {found.saved_by} at {found.saved_at:%Y-%m-%d %H:%M}"
    click.echo(f"agenda for {found.rep}, week of {found.week}: {state}", err=True)


@app.command()
@_db_option
@click.option(
    "--week", type=DAY, metavar="YYYY-MM-DD", help="Any day of the week to sum up (default: latest week)."
)
@click.option(
    "--manager", metavar="NAME", help="One manager's digest, as on the roster (default: the leader edition)."
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Markdown for the terminal, or HTML for e-mail.",
)
@click.pass_context
def digest(ctx: click.Context, week: dt.datetime | None, manager: str | None, output: str) -> None:
    """Print the Monday digest: per manager, recognition, who may need support early, expectations
    under and since when, commitments due and 1:1s to prepare; without --manager, the leader edition
    with the team-wide accountability measures."""
    from dashboard import digest as digest_api
    from dashboard.digest import render

    try:
        found = digest_api.build(_open(ctx), _date(week), manager=manager)
    except LookupError as exc:  # an unknown manager (naming the known ones), or no data yet
        _fail(str(exc))
    click.echo(render.render(found, output), nl=False)
    click.echo(f"{found.title}, week of {found.week}", err=True)


@app.group(no_args_is_help=True)
@_db_option
def users() -> None:
    """Manage who may use the app (roles manager or leader, and teams)."""


@users.command("list")
@_db_option
@_json_option
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """List users with role and teams."""
    frame = access.list_users(_open(ctx))
    frame["teams"] = frame["teams"].map(list)
    if as_json:
        _print_json(_records(frame))
    else:
        _print_table(frame, "no users yet: the app runs as one local leader until login is configured")


@users.command("add")
@_db_option
@click.argument("email")
@click.option(
    "--role",
    default="manager",
    show_default=True,
    help="manager (own teams only) or leader (everything).",
)
@click.option("--team", multiple=True, help="A team the manager leads (repeatable).")
@click.option("--name", help="Display name.")
@click.pass_context
def users_add(ctx: click.Context, email: str, role: str, team: tuple[str, ...], name: str | None) -> None:
    """Add a user (EMAIL: as the identity provider reports it), or update their role and teams."""
    try:
        saved = access.save_user(_open(ctx), email, role, list(team), name, viewer=LOCAL_LEADER)
    except access.AccessError as exc:
        _fail(str(exc))
    teams = f" of {', '.join(saved.teams)}" if saved.teams and not saved.is_leader else ""
    click.echo(f"{saved.email}: {saved.role}{teams}", err=True)


@users.command("remove")
@_db_option
@click.argument("email")
@click.pass_context
def users_remove(ctx: click.Context, email: str) -> None:
    """Remove a user (EMAIL: the user's e-mail)."""
    if not access.remove_user(_open(ctx), email, viewer=LOCAL_LEADER):
        _fail(f"there is no user {email}")
    click.echo(f"removed {email}", err=True)


@app.group("time-off", no_args_is_help=True)
@_db_option
def time_off_group() -> None:
    """Record, list and remove reps' time off (flags are not raised for weeks during it)."""


@time_off_group.command("add", help="Record a rep's time off; the rep's stored flags are reviewed again.\n\n"
                        + REP_ARGUMENT_HELP)  # fmt: skip
@_db_option
@click.argument("rep")
@click.option("--from", "from_", type=DAY, metavar="YYYY-MM-DD", required=True, help="First day off.")
@click.option("--to", type=DAY, metavar="YYYY-MM-DD", required=True, help="Last day off.")
@click.option("--reason", help="Why (holiday, training, sick leave ...).")
@click.pass_context
def time_off_add(
    ctx: click.Context, rep: str, from_: dt.datetime, to: dt.datetime, reason: str | None
) -> None:
    from dashboard import time_off

    if to < from_:
        _usage(f"--to {to:%Y-%m-%d} comes before --from {from_:%Y-%m-%d}")
    try:
        period = time_off.add(_open(ctx), rep, from_.date(), to.date(), reason, viewer=LOCAL_LEADER)
    except (roster.UnknownRep, time_off.TimeOffError) as exc:
        _fail(str(exc))
    click.echo(f"time off recorded: {period}", err=True)


@time_off_group.command("list")
@_db_option
@click.option("--rep", help="Only this rep's time off (the name as in `dashboard reps`).")
@_json_option
@click.pass_context
def time_off_list(ctx: click.Context, rep: str | None, as_json: bool) -> None:
    """List recorded time off (id, rep, team, from, to, reason), by rep and start."""
    from dashboard import time_off

    try:
        frame = time_off.list_time_off(_open(ctx), rep=rep)
    except roster.UnknownRep as exc:
        _fail(str(exc))
    frame = frame.rename(
        columns={"time_off_id": "id", "date_from": "from", "date_to": "to", "note": "reason"}
    )
    if as_json:
        _print_json(_records(frame))
    else:
        _print_table(frame.fillna("-"), "no time off recorded")


@time_off_group.command("remove")
@_db_option
@click.argument("time_off_id", metavar="ID", type=int)
@click.pass_context
def time_off_remove(ctx: click.Context, time_off_id: int) -> None:
    """Remove one recorded time off (ID: see `dashboard time-off list`); the rep's stored flags are
    reviewed again."""
    from dashboard import time_off

    try:
        period = time_off.remove(_open(ctx), time_off_id, viewer=LOCAL_LEADER)
    except time_off.TimeOffError as exc:
        _fail(str(exc))
    click.echo(f"time off removed: {period}", err=True)


def _number(value: Any) -> Any:
    """Whole floats as ints (2.0 -> 2), so JSON reads like the counts it holds."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def main() -> None:
    """Console entry point."""
    try:
        app()
    except DatabaseError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from exc


__all__ = ["app", "database_path", "main"]
