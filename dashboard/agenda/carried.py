"""Commitments to review at a one-on-one, one line per commitment with its history.

A commitment carried from one-on-one to one-on-one is recorded again each time
(same words, a new row); the agenda and the page list it once: when it was
first made and made again, its status now, and each follow-up so far.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard import coaching, db


@dataclass(frozen=True)
class Carried:
    """One commitment under review: its words, the weeks it was made, where it stands, its follow-ups."""

    text: str
    made: tuple[dt.date, ...]  # weeks of the one-on-ones that made it, oldest first
    due: dt.date  # the latest due date agreed
    status: str  # open | done | partly | not_yet: as last recorded
    follow_ups: tuple[tuple[dt.date, str], ...]  # (week followed up, status), oldest first
    ids: tuple[int, ...]  # the rows a follow-up at this one-on-one records

    @property
    def again(self) -> tuple[dt.date, ...]:
        """The later weeks it was made again."""
        return self.made[1:]


def _same(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def group(frame: pd.DataFrame, week: dt.date) -> list[Carried]:
    """The commitments to review in `week` (`coaching.pending`), one per wording, with the history of
    every earlier row of the same words; `frame` is `coaching.commitments`, oldest first."""
    under_review = coaching.pending(frame, week)
    earlier = frame[frame["week"] < week]
    wanted = dict.fromkeys(_same(t) for t in under_review["text"])
    keys = earlier["text"].map(_same)
    carried = []
    for key in wanted:
        rows = earlier[keys == key].sort_values(["week", "commitment_id"])
        latest = rows.iloc[-1]
        followed = rows[rows["followed_up_week"].notna()].sort_values(["followed_up_week", "commitment_id"])
        reviewable = rows[(rows["status"] == "open") | (rows["followed_up_week"] == week)]
        carried.append(
            Carried(
                text=str(latest["text"]),
                made=tuple(dict.fromkeys(rows["week"])),
                due=latest["due_date"],
                status=str(latest["status"]),
                follow_ups=tuple(zip(followed["followed_up_week"], followed["status"], strict=True)),
                ids=tuple(int(i) for i in (reviewable if len(reviewable) else rows.tail(1))["commitment_id"]),
            )
        )
    return carried


def to_review(database: db.Database, rep: str, week: dt.date) -> list[Carried]:
    """The rep's commitments to review at the one-on-one of `week`, once each (see `group`)."""
    return group(coaching.commitments(database, rep, week), week)


def follow_up(database: db.Database, item: Carried, status: str, week: dt.date, by: str) -> None:
    """Records how the commitment went (done, partly, not_yet) at the one-on-one of `week`, on
    every row of it still to review."""
    for commitment_id in item.ids:
        coaching.follow_up(database, commitment_id, status, week, by)
