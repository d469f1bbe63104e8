"""Reps the rules cannot judge yet for too little history: how many weeks each has, and needs.

The main rule (`leading_activity_down`) reads a slide against the rep's own usual level, which takes
`Thresholds.slide_history_weeks` weeks of activity that count (`Batch.count`: not time off, not a
team-wide dip, not a logging gap, from the rep's first activity logged). A rep with fewer is not
judged yet, so a week without flags is not an all-clear for them; `note` says so in one sentence for
the page and the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dashboard.rules.batch import Batch
from dashboard.rules.config import LEADING_DECLINE_METRICS

NAMED = 10  # reps named in the note; a new company's whole team is counted, not listed


@dataclass(frozen=True)
class TooNew:
    """A rep the main rule could not judge in the week under review: `weeks` of activity, `needed`."""

    rep: str
    team: str | None
    weeks: int
    needed: int

    def to_json(self) -> dict:
        return {"rep": self.rep, "team": self.team, "weeks": self.weeks, "needed": self.needed}


def too_little_history(b: Batch) -> list[TooNew]:
    """The reps with a row in the week under review (not on time off, not in a team-wide dip) whose
    weeks of activity that count are fewer than the main rule needs, in the batch's order."""
    if not b.weeks.size:
        return []
    needed = b.cfg.slide_history_weeks
    count = b.count(LEADING_DECLINE_METRICS[0])  # every activity metric counts the same weeks
    rows = np.flatnonzero(b.present[:, -1] & b.usable[:, -1] & (count < needed))
    return [TooNew(str(b.reps[row]), b.team(int(row)), int(count[row]), needed) for row in rows]


def note(too_new: Sequence[TooNew]) -> str:
    """One plain sentence naming the reps not judged yet, with their weeks ("" when there are none)."""
    if not too_new:
        return ""
    needed = too_new[0].needed
    people = ", ".join(f"{t.rep} ({_weeks(t.weeks)})" for t in too_new[:NAMED])
    if len(too_new) > NAMED:
        people += f" and {len(too_new) - NAMED} more"
    who = "1 rep has" if len(too_new) == 1 else f"{len(too_new)} reps have"
    return (
        f"{who} under {needed} weeks of activity history, too few to judge a slide against their usual "
        f"level yet: {people}."
    )


def _weeks(n: int) -> str:
    return "no weeks yet" if n == 0 else "1 week" if n == 1 else f"{n} weeks"
