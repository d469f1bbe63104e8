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


def _followed_in(row: dict, week: dt.date) -> bool:
    return pd.notna(row["followed_up_week"]) and row["followed_up_week"] == week


def group(frame: pd.DataFrame, week: dt.date) -> list[Carried]:
    """The commitments to review in `week` (`coaching.pending`), one per wording, with the history of
    every earlier row of the same words; `frame` is `coaching.commitments`, oldest first."""
    wanted = dict.fromkeys(_same(t) for t in coaching.pending(frame, week)["text"])
    rows_of: dict[str, list[dict]] = {key: [] for key in wanted}
    for row in frame[frame["week"] < week].to_dict(orient="records"):
        rows_of.get(_same(row["text"]), []).append(row)
    carried = []
    for rows in rows_of.values():
        rows.sort(key=lambda r: (r["week"], r["commitment_id"]))
        followed = sorted(
            (r for r in rows if pd.notna(r["followed_up_week"])),
            key=lambda r: (r["followed_up_week"], r["commitment_id"]),
        )
        reviewable = [r for r in rows if r["status"] == "open" or _followed_in(r, week)]
        carried.append(
            Carried(
                text=str(rows[-1]["text"]),
                made=tuple(dict.fromkeys(r["week"] for r in rows)),
                due=rows[-1]["due_date"],
                status=str(rows[-1]["status"]),
                follow_ups=tuple((r["followed_up_week"], str(r["status"])) for r in followed),
                ids=tuple(int(r["commitment_id"]) for r in reviewable or rows[-1:]),
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
