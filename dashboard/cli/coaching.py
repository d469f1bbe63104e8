"""Commands that read for coaching: reps, trend, interventions, agenda, digest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from dashboard import metrics, roster
from dashboard.cli.base import (
    DAY,
    REP_ARGUMENT_HELP,
    app,
    as_date,
    db_option,
    fail,
    json_number,
    json_option,
    open_store,
    print_json,
    print_table,
    records,
    usage,
)
from dashboard.text_table import text_table

if TYPE_CHECKING:
    from dashboard.db import Database
    from dashboard.rules import Flag


@app.command()
@db_option
@json_option
@click.pass_context
def reps(ctx: click.Context, as_json: bool) -> None:
    """List reps with team and manager."""
    found = roster.rep_records(open_store(ctx))  # plain rows: this command never loads pandas
    if as_json:
        print_json([{k: row[k] for k in ("rep", "team", "manager")} for row in found])
    elif not found:
        click.echo("no reps yet: ingest a roster")
    else:
        click.echo(text_table(found, ["rep", "team", "manager", "start_date"], dates={"start_date"}))


@app.command(
    help="Weekly values and targets of one rep (target '–' where none applies, or where a "
    "month/quarter/year target is followed by pace).\n\n"
    + REP_ARGUMENT_HELP
    + "\n\nMetrics: "
    + ", ".join(metrics.METRIC_NAMES)
)
@db_option
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
@json_option
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
        usage(f"--from {first} comes after --to {last}")
    database = open_store(ctx)
    try:
        frame = rep_trend(database, rep, metric_names=names, from_week=first, to_week=last)
    except roster.UnknownRep as exc:
        fail(str(exc))
    coverage = frame[frame["metric"] == "pipeline_coverage"]
    if not coverage.empty and coverage["value"].isna().all():  # no data: say so when a quota is what it lacks
        from dashboard import targets

        if targets.quota_missing(database, rep, coverage["week"].max()):
            click.echo(targets.no_quota_note(roster.resolve_rep(database, rep)), err=True)
    if as_json:
        print_json([{k: json_number(v) for k, v in row.items()} for row in records(frame)])
    else:  # each value as the app writes it: '1,250 min', '33%', '$120,000', '–' where none
        for column in ("value", "target"):
            frame[column] = [
                metrics.metric(m).format(v) for m, v in zip(frame["metric"], frame[column], strict=True)
            ]
        print_table(frame, "no data yet: ingest activities or a pipeline export")


@app.command()
@db_option
@click.option(
    "--week",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="A date in the week to review (default: latest week with data).",
)
@json_option
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

    database = open_store(ctx)
    if refresh:
        reviewed = interventions_api.record(database)
        shown = ", ".join(f"{w:%Y-%m-%d}" for w in reviewed) or "none (nothing new)"
        click.echo(f"flags stored for the weeks of: {shown}", err=True)
    found = interventions_api.review(database, as_date(week))
    _print_flags(found.flags, as_json, metrics.monday(week.date()) if week else None, database)
    if found.too_new:  # a message on stderr, after the flags: stdout keeps the contract's lines and JSON
        from dashboard.rules import history

        click.echo(f"note: {history.note(found.too_new)}", err=True)


def _print_flags(flags: Sequence[Flag], as_json: bool, week: dt.date | None, database: Database) -> None:
    """The flags as JSON or lines of text (`interventions`)."""
    if as_json:
        print_json([f.to_json() for f in flags])
        return
    reviewed = week or roster.latest_week(database)
    if not flags and reviewed and not roster.has_activities(database, reviewed):
        click.echo(roster.no_activity_message(reviewed))
        return
    if not flags:
        click.echo("no one needs a closer look this week")
        return
    from dashboard.rules import evidence  # the rules package loads pandas: only when there is a flag to show

    for flag in flags:
        click.echo(
            f"{flag.rep} ({flag.team or 'no team'}), week of {flag.week}: {flag.severity} [{flag.kind}]"
        )
        for line in evidence.lines(flag.signals):
            click.echo(f"  - {line}")


@app.command(
    help="Print the 1:1 agenda: the saved version for that week, else a fresh draft.\n\n" + REP_ARGUMENT_HELP
)
@db_option
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
        found = agenda_drafts.current(open_store(ctx), rep, as_date(week))
    except roster.UnknownRep as exc:
        fail(str(exc))
    click.echo(render.html(found.body, found.rep, found.week) if output == "html" else found.body)
    state = "draft" if found.is_draft else f"saved by {found.saved_by} at {found.saved_at:%Y-%m-%d %H:%M}"
    click.echo(f"agenda for {found.rep}, week of {found.week}: {state}", err=True)


@app.command()
@db_option
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
        found = digest_api.build(open_store(ctx), as_date(week), manager=manager)
    except LookupError as exc:  # an unknown manager (naming the known ones), or no data yet
        fail(str(exc))
    click.echo(render.render(found, output), nl=False)
    click.echo(f"{found.title}, week of {found.week}", err=True)
