"""Commands about people: who may use the app (users), reps' time off, and which roster rep a name is."""

from __future__ import annotations

import datetime as dt

import click

from dashboard import access, roster
from dashboard.access import LOCAL_LEADER
from dashboard.cli.base import (
    DAY,
    REP_ARGUMENT_HELP,
    app,
    db_option,
    fail,
    json_option,
    open_store,
    print_json,
    print_table,
    records,
    usage,
)


@app.group(no_args_is_help=True)
@db_option
def users() -> None:
    """Manage who may use the app (roles manager or leader, and teams)."""


@users.command("list")
@db_option
@json_option
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """List users with role and teams."""
    frame = access.list_users(open_store(ctx))
    frame["teams"] = frame["teams"].map(list)
    if as_json:
        print_json(records(frame))
    else:
        print_table(frame, "no users yet: the app runs as one local leader until login is configured")


@users.command("add")
@db_option
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
        saved = access.save_user(open_store(ctx), email, role, list(team), name, viewer=LOCAL_LEADER)
    except access.AccessError as exc:
        fail(str(exc))
    teams = f" of {', '.join(saved.teams)}" if saved.teams and not saved.is_leader else ""
    click.echo(f"{saved.email}: {saved.role}{teams}", err=True)


@users.command("remove")
@db_option
@click.argument("email")
@click.pass_context
def users_remove(ctx: click.Context, email: str) -> None:
    """Remove a user (EMAIL: the user's e-mail)."""
    if not access.remove_user(open_store(ctx), email, viewer=LOCAL_LEADER):
        fail(f"there is no user {email}")
    click.echo(f"removed {email}", err=True)


@app.group("time-off", no_args_is_help=True)
@db_option
def time_off_group() -> None:
    """Record, list and remove reps' time off (flags are not raised for weeks during it)."""


@time_off_group.command("add", help="Record a rep's time off; the rep's stored flags are reviewed again.\n\n"
                        + REP_ARGUMENT_HELP)  # fmt: skip
@db_option
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
        usage(f"--to {to:%Y-%m-%d} comes before --from {from_:%Y-%m-%d}")
    try:
        period = time_off.add(open_store(ctx), rep, from_.date(), to.date(), reason, viewer=LOCAL_LEADER)
    except (roster.UnknownRep, time_off.TimeOffError) as exc:
        fail(str(exc))
    click.echo(f"time off recorded: {period}", err=True)


@time_off_group.command("list")
@db_option
@click.option("--rep", help="Only this rep's time off (the name as in `dashboard reps`).")
@json_option
@click.pass_context
def time_off_list(ctx: click.Context, rep: str | None, as_json: bool) -> None:
    """List recorded time off (id, rep, team, from, to, reason), by rep and start."""
    from dashboard import time_off

    try:
        frame = time_off.list_time_off(open_store(ctx), rep=rep)
    except roster.UnknownRep as exc:
        fail(str(exc))
    frame = frame.rename(
        columns={"time_off_id": "id", "date_from": "from", "date_to": "to", "note": "reason"}
    )
    if as_json:
        print_json(records(frame))
    else:
        print_table(frame.fillna("-"), "no time off recorded")


@time_off_group.command("remove")
@db_option
@click.argument("time_off_id", metavar="ID", type=int)
@click.pass_context
def time_off_remove(ctx: click.Context, time_off_id: int) -> None:
    """Remove one recorded time off (ID: see `dashboard time-off list`); the rep's stored flags are
    reviewed again."""
    from dashboard import time_off

    try:
        period = time_off.remove(open_store(ctx), time_off_id, viewer=LOCAL_LEADER)
    except time_off.TimeOffError as exc:
        fail(str(exc))
    click.echo(f"time off removed: {period}", err=True)


@app.group("names", no_args_is_help=True)
@db_option
def names_group() -> None:
    """Say which roster rep a name of the exports is, when the roster carries it in no form."""


@names_group.command("list")
@db_option
@json_option
@click.pass_context
def names_list(ctx: click.Context, as_json: bool) -> None:
    """The reps the data made of names no roster entry carries (with the roster rep each is likely a
    misspelling of), and the names already said to be a roster rep."""
    from dashboard import name_links

    database = open_store(ctx)
    off = name_links.off_roster(database)
    linked = name_links.links(database)
    if as_json:
        print_json({"off_roster": records(off), "linked": records(linked)})
        return
    click.echo("Names no roster entry carries:")
    print_table(off.assign(spellings=off["spellings"].map(", ".join)).fillna("-"), "  none")
    click.echo("\nNames said to be a roster rep:")
    shown = linked.assign(spellings=linked["spellings"].map(", ".join))
    print_table(shown.fillna("-"), "  none")


@names_group.command("link")
@db_option
@click.argument("name")
@click.argument("rep")
@click.pass_context
def names_link(ctx: click.Context, name: str, rep: str) -> None:
    """Say NAME (as `dashboard names list` shows it) is the roster rep REP: its rows count for REP
    everywhere, and both reps' stored flags are reviewed again."""
    from dashboard import name_links

    try:
        made = name_links.link(open_store(ctx), name, rep, viewer=LOCAL_LEADER)
    except name_links.NameLinkError as exc:
        fail(str(exc))
    click.echo(f"linked: {made}", err=True)


@names_group.command("unlink")
@db_option
@click.argument("name")
@click.pass_context
def names_unlink(ctx: click.Context, name: str) -> None:
    """Take back a link (NAME as `dashboard names list` shows it): its rows count for a rep of their
    own again."""
    from dashboard import name_links

    try:
        taken = name_links.unlink(open_store(ctx), name, viewer=LOCAL_LEADER)
    except name_links.NameLinkError as exc:
        fail(str(exc))
    click.echo(f"link taken back: {taken.name} is no longer read as {taken.rep or 'a roster rep'}", err=True)
