"""The agenda a manager works on: the saved version for a rep and week, else a fresh draft."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard import coaching, db, interventions, metrics, roster
from dashboard.agenda.generator import Agenda, build
from dashboard.agenda.render import markdown


@dataclass(frozen=True)
class Current:
    """The agenda text to show, and whether it is a saved version (who, when) or a draft."""

    rep: str
    week: dt.date
    body: str
    saved_by: str | None
    saved_at: dt.datetime | None
    agenda: Agenda

    @property
    def is_draft(self) -> bool:
        return self.saved_by is None


def current(
    database: db.Database, rep: str, week: dt.date | None = None, *, teams: Sequence[str] | None = None
) -> Current:
    """The latest saved agenda of the rep for the week, else the drafted one.

    `week` defaults to the latest week with data. Raises roster.UnknownRep.
    """
    with database.one_snapshot():  # its reads see one snapshot (on a lake, asked for once)
        people = roster.list_reps(database, teams)  # read once: the draft needs it too
        name = roster.match_rep(people["rep"].tolist(), rep)
        week = metrics.monday(week or roster.latest_week(database) or dt.date.today())
        flags = _open_signals(database, name, week, people if teams is None else None)
        drafted = build(database, name, week, teams=teams, flags=flags, people=people)
        versions = coaching.agenda_versions(database, name, week)
    if versions.empty:
        return Current(name, week, markdown(drafted), None, None, drafted)
    latest = versions.iloc[0]
    return Current(
        name, week, latest["body"], latest["saved_by"], latest["saved_at"].to_pydatetime(), drafted
    )


def _open_signals(
    database: db.Database, rep: str, week: dt.date, everyone: pd.DataFrame | None = None
) -> list[dict]:
    """The rep's early-intervention evidence this week (judged within their team), strongest first,
    each signal with its flag's severity and kind (a slump's, then a hygiene note's): as stored at the
    upload when the week is the last one reviewed, else evaluated now."""
    stored = interventions.stored_open_signals(database, rep, week)
    if stored is not None:
        return stored
    people = roster.list_reps(database) if everyone is None else everyone
    team = people.loc[people["rep"] == rep, "team"]
    teams = [team.iloc[0]] if len(team) and isinstance(team.iloc[0], str) else None
    return [
        {**signal.to_json(), "severity": flag.severity, "kind": flag.kind}
        for flag in interventions.evaluate(database, week, teams=teams)
        if flag.rep == rep and flag.kind in ("slump", "hygiene")
        for signal in flag.signals
    ]


def save(database: db.Database, current_agenda: Current, body: str, by: str) -> int:
    """Saves an edited agenda as a new version, and records its focus areas as agreed."""
    drafted = current_agenda.agenda
    agenda_id = coaching.save_agenda(
        database,
        current_agenda.rep,
        current_agenda.week,
        body,
        by,
        recognition_items=len(drafted.recognition),
        focus_items=len(drafted.focus),
    )
    if current_agenda.is_draft:  # the first save agrees the drafted focus areas
        for focus in drafted.focus:
            coaching.add_focus_area(
                database, drafted.rep, drafted.week, focus.metric, focus.expectation, focus.due, by
            )
    return agenda_id
