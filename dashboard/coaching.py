"""Coaching records: saved agendas (with history), agreed focus areas, commitments and follow-up.

Every write is one transaction and adds a change_log row, so cached pages
see it at once; `saved_by` / `by` is who acted (`Viewer.by`: the e-mail, or
'local user'), kept on the record and in the change log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard import db

FOLLOW_UP_STATUSES = ("done", "partly", "not_yet")
FOLLOW_UP_LABELS = {"open": "open", "done": "done", "partly": "partly", "not_yet": "not yet"}
MOVED_BY = 0.1
"""A focus area's metric moved (the coaching worked) when it changed the right way by at least 10 % of
its level before: a smaller change is within a rep's ordinary drift (the slide rule quotes the sample
company's reps' weeks as usually within about 6-14 % of their usual level). The agenda's "did the
coaching work?" and the leader view's coaching effectiveness both judge by it."""
MIN_WEEKS_BEFORE = 2
"""Weeks with data needed up to a focus area's agreement before its change is judged: a single week (a
new hire's first, say) is no level to compare against. The agenda and the leader view both use it."""


def moved(before: float, after: float, higher_is_better: bool) -> bool:
    """Whether a metric went from `before` to `after` the right way by at least `MOVED_BY` of `before`."""
    change = (after - before) if higher_is_better else (before - after)
    return bool(change > 0 and change >= MOVED_BY * abs(before))


@dataclass(frozen=True)
class Levels:
    """A coached metric's weekly mean in the weeks up to a focus area's agreement and in those since."""

    before: float
    since: float
    before_weeks: int  # weeks with data up to the agreement
    since_weeks: int  # weeks with data since it

    @property
    def judged(self) -> bool:
        """Whether the change may be judged: both levels known, and `MIN_WEEKS_BEFORE` weeks before."""
        return not (pd.isna(self.before) or pd.isna(self.since)) and self.before_weeks >= MIN_WEEKS_BEFORE


def levels(values: pd.Series, agreed: dt.date, weeks_before: int, last_week: dt.date) -> Levels:
    """The levels of one rep's weekly `values` (indexed by Monday) over the `weeks_before` weeks up to and
    including the agreement week `agreed`, and over the weeks after it up to `last_week`. The agenda's
    "did the coaching work?" and the leader view's coaching effectiveness both read them so."""
    weeks = pd.Series(pd.to_datetime(values.index).date, index=values.index)
    up_to = values[(weeks > agreed - dt.timedelta(weeks=weeks_before)) & (weeks <= agreed)].astype(float)
    since = values[(weeks > agreed) & (weeks <= last_week)].astype(float)
    return Levels(up_to.mean(), since.mean(), int(up_to.notna().sum()), int(since.notna().sum()))


def save_agenda(
    database: db.Database,
    rep: str,
    week: dt.date,
    body: str,
    saved_by: str,
    *,
    recognition_items: int = 0,
    focus_items: int = 0,
) -> int:
    """Stores a new version of the rep's agenda for the week; returns its id."""
    with database.transaction() as cur:
        agenda_id = db.insert_with_id(
            cur,
            "agenda_save",
            rep=rep,
            week=week,
            body=body,
            recognition_items=recognition_items,
            focus_items=focus_items,
            saved_by=saved_by,
        )
        db.execute(cur, "change_log_add", what="agenda saved", upload_id=None, by=saved_by)
    return int(agenda_id)


def agenda_versions(database: db.Database, rep: str, week: dt.date) -> pd.DataFrame:
    """Saved versions of the agenda (agenda_id, body, saved_by, saved_at), newest first."""
    return database.run("agenda_versions", rep=rep, week=week)


def add_commitment(
    database: db.Database, rep: str, week: dt.date, text: str, due_date: dt.date, by: str
) -> int:
    """Records a commitment made in the week's one-on-one; returns its id."""
    if not text.strip():
        raise ValueError("a commitment needs some words")
    with database.transaction() as cur:
        commitment_id = db.insert_with_id(
            cur, "commitment_add", rep=rep, week=week, text=text.strip(), due_date=due_date, created_by=by
        )
        db.execute(cur, "change_log_add", what="commitment added", upload_id=None, by=by)
    return int(commitment_id)


def follow_up(database: db.Database, commitment_id: int, status: str, week: dt.date, by: str) -> None:
    """Records how a commitment went (done, partly, not_yet) at the week's one-on-one."""
    if status not in FOLLOW_UP_STATUSES:
        raise ValueError(f"follow-up status must be one of {', '.join(FOLLOW_UP_STATUSES)}, not {status!r}")
    with database.transaction() as cur:
        if db.execute(cur, "commitment_find", commitment_id=commitment_id).fetchone() is None:
            raise ValueError(f"there is no commitment {commitment_id}")
        db.execute(cur, "commitment_follow_up", commitment_id=commitment_id, status=status, week=week, by=by)
        db.execute(cur, "change_log_add", what="commitment followed up", upload_id=None, by=by)


def commitments(database: db.Database, rep: str, week: dt.date) -> pd.DataFrame:
    """The rep's commitments made up to and including the week, oldest first."""
    frame = database.run("commitments_of_rep", rep=rep, week=week)
    for column in ("week", "due_date", "followed_up_week"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def to_follow_up(database: db.Database, rep: str, week: dt.date) -> pd.DataFrame:
    """Commitments to review in this week's one-on-one: all those made last time (with their
    follow-up so far), older ones still open, and any followed up this week."""
    return pending(commitments(database, rep, week), week)


def pending(frame: pd.DataFrame, week: dt.date) -> pd.DataFrame:
    """The rows of `commitments` to review in the week's one-on-one (see `to_follow_up`)."""
    earlier = frame[frame["week"] < week]
    if earlier.empty:
        return earlier.reset_index(drop=True)
    last_time = earlier["week"].max()
    chosen = (
        (earlier["week"] == last_time) | (earlier["status"] == "open") | (earlier["followed_up_week"] == week)
    )
    return earlier[chosen].reset_index(drop=True)


def add_focus_area(
    database: db.Database, rep: str, week: dt.date, metric: str, expectation: str, due_date: dt.date, by: str
) -> None:
    """Records a focus area agreed in the week's one-on-one (for 'did the coaching work?')."""
    with database.transaction() as cur:
        db.execute(
            cur,
            "focus_area_add",
            rep=rep,
            week=week,
            metric=metric,
            expectation=expectation,
            due_date=due_date,
            agreed_by=by,
        )
        db.execute(cur, "change_log_add", what="focus area agreed", upload_id=None, by=by)


def focus_areas(database: db.Database, rep: str, before_week: dt.date) -> pd.DataFrame:
    """Focus areas agreed with the rep before `before_week`: week, metric, expectation, due_date."""
    frame = database.run("focus_areas_of_rep", rep=rep, week=before_week)
    for column in ("week", "due_date"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame
