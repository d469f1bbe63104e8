"""A rep's time off: recorded, listed and removed by a leader or the rep's manager.

Weeks overlapping time off are not judged by the early-intervention rules
(`rules.build_views`). Recording or removing a period therefore changes the
flags of weeks already reviewed: each change re-reviews the rep's stored flags
from the period's first week (`interventions.review_rep_again`), so a flag
raised during the time off disappears, and comes back when the period is
removed. Periods of one rep never overlap: a new one that touches a recorded
one is refused, naming it (change it by removing it and adding the whole span).
Every change is one transaction with a change_log row of who acted. A time-off file
(ingest kind `time_off`) records many periods in one upload; loading it and undoing it
re-review the flags of its reps the same way (`review_upload`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard import db, interventions, roster
from dashboard.access import LOCAL_LEADER, NotAllowed, Viewer

COLUMNS = ("time_off_id", "rep", "team", "date_from", "date_to", "note")


class TimeOffError(ValueError):
    """Time off that cannot be recorded or removed, with the reason."""


@dataclass(frozen=True)
class Period:
    """One recorded time off."""

    time_off_id: int
    rep: str
    date_from: dt.date
    date_to: dt.date
    note: str | None

    @property
    def described(self) -> str:
        """The rep, the dates and the reason, as the app shows them."""
        reason = f" ({self.note})" if self.note else ""
        return f"{self.rep}, {self.date_from} – {self.date_to}{reason}"

    def __str__(self) -> str:
        """With the id that `dashboard time-off remove` takes."""
        return f"#{self.time_off_id} {self.described}"


def _may_change(database: db.Database, rep: str, viewer: Viewer) -> str:
    """The rep's stored name, when the viewer is a leader or manages the rep's team."""
    try:
        return roster.resolve_rep(database, rep, viewer.allowed_teams)
    except roster.UnknownRep:
        if viewer.is_leader:
            raise
        try:
            known = roster.resolve_rep(database, rep)
        except roster.UnknownRep:
            raise roster.UnknownRep(f"no rep named {rep!r} in your teams.") from None
        raise NotAllowed(
            f"Only a sales leader or {known}'s manager can change {known}'s time off; nothing was changed."
        ) from None


def list_time_off(
    database: db.Database, *, teams: Sequence[str] | None = None, rep: str | None = None
) -> pd.DataFrame:
    """Recorded time off of the reps in `teams` (None: all), or of one rep, by rep and start.

    Columns: time_off_id, rep, team, date_from, date_to, note (blanks None)."""
    frame = interventions.time_off(database)
    reps = roster.list_reps(database, teams)[["rep", "team"]]
    frame = frame.merge(reps, on="rep", how="inner" if teams is not None else "left")
    if rep is not None:
        frame = frame[frame["rep"] == roster.resolve_rep(database, rep, teams)]
    for column in ("date_from", "date_to"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    frame["time_off_id"] = frame["time_off_id"].astype("int64")
    for column in ("team", "note"):  # blanks as None, not NaN
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame[list(COLUMNS)].sort_values(["rep", "date_from"], key=_case_free).reset_index(drop=True)


def _case_free(column: pd.Series) -> pd.Series:
    return column.str.lower() if column.name == "rep" else column


def add(
    database: db.Database,
    rep: str,
    date_from: dt.date,
    date_to: dt.date,
    note: str | None = None,
    *,
    viewer: Viewer = LOCAL_LEADER,
) -> Period:
    """Records time off for a rep (a leader, or the rep's manager), then re-reviews the rep's
    stored flags from its first week. Raises TimeOffError when `date_to` comes before
    `date_from` or the period overlaps one already recorded, UnknownRep for an unknown rep,
    NotAllowed for a manager of another team."""
    if date_to < date_from:
        raise TimeOffError(
            f"time off from {date_from} to {date_to} ends before it starts; nothing was saved."
        )
    rep = _may_change(database, rep, viewer)
    note = note.strip() if note and note.strip() else None
    with database.writing():  # the check, the insert and the re-review in one writer turn
        overlapping = database.records("time_off_overlapping", rep=rep, date_from=date_from, date_to=date_to)
        if overlapping:
            found = "; ".join(Period(**row).described for row in overlapping)
            raise TimeOffError(
                f"{rep} already has time off overlapping {date_from} – {date_to}: {found}. "
                "Remove it and add the whole span instead; nothing was saved."
            )
        with database.transaction() as cur:
            time_off_id = db.insert_with_id(
                cur, "time_off_add", rep=rep, date_from=date_from, date_to=date_to, note=note
            )
            db.execute(
                cur, "change_log_add", what=f"time off added: {rep}, {date_from} – {date_to}",
                upload_id=None, by=viewer.by,
            )  # fmt: skip
        interventions.review_rep_again(database, rep, date_from, by=viewer.by)
    return Period(int(time_off_id), rep, date_from, date_to, note)


def remove(database: db.Database, time_off_id: int, *, viewer: Viewer = LOCAL_LEADER) -> Period:
    """Removes one recorded time off (a leader, or the rep's manager), then re-reviews the rep's
    stored flags from its first week; returns what was removed. Raises TimeOffError when there
    is no such id."""
    with database.writing():
        rows = database.records("time_off_find", time_off_id=time_off_id)
        if not rows:
            raise TimeOffError(f"there is no time off #{time_off_id}; `dashboard time-off list` shows them.")
        period = Period(**rows[0])
        _may_change(database, period.rep, viewer)
        with database.transaction() as cur:
            db.execute(cur, "time_off_remove", time_off_id=time_off_id)
            db.execute(
                cur, "change_log_add", what=f"time off removed: {period}", upload_id=None, by=viewer.by
            )
        interventions.review_rep_again(database, period.rep, period.date_from, by=viewer.by)
    return period


def review_upload(database: db.Database, upload_id: int, *, by: str | None = None) -> None:
    """Re-reviews the stored flags of the reps whose time off one upload added, each from the
    week of their earliest period (after the upload is stored)."""
    with database.cursor() as cur:
        periods = periods_of_upload(cur, upload_id)
    review_reps(database, periods, by=by)


def periods_of_upload(cur: duckdb.DuckDBPyConnection, upload_id: int) -> list[tuple[str, dt.date]]:
    """(rep, first day) of the time off one upload added, read before undo removes it."""
    return [
        (rep, since) for rep, since in db.execute(cur, "time_off_of_upload", upload_id=upload_id).fetchall()
    ]


def review_reps(
    database: db.Database, periods: Sequence[tuple[str, dt.date]], *, by: str | None = None
) -> None:
    """Re-reviews each rep's stored flags from the given first day (after an undo)."""
    for rep, since in periods:
        interventions.review_rep_again(database, rep, since, by=by)
