"""What the rules find: a `Signal` (one rule's evidence in numbers) and a `Flag` (a rep this week)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.rules.config import SEVERITIES


@dataclass(frozen=True)
class Signal:
    """One rule's finding: which metric, which rule, the evidence in numbers."""

    metric: str
    rule: str
    detail: str
    weight: int = 1

    def to_json(self) -> dict[str, str]:
        return {"metric": self.metric, "rule": self.rule, "detail": self.detail}


@dataclass(frozen=True)
class Flag:
    """A rep who may need help this week (kind slump), or whose CRM logging needs a look (hygiene)."""

    rep: str
    team: str | None
    week: dt.date
    severity: str
    kind: str  # slump | hygiene
    signals: tuple[Signal, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "rep": self.rep,
            "team": self.team,
            "week": self.week.isoformat(),
            "severity": self.severity,
            "kind": self.kind,
            "signals": [s.to_json() for s in self.signals],
        }


def sort_flags(flags: Sequence[Flag]) -> list[Flag]:
    """Slumps before hygiene notes, then high → low, then by weight of evidence, then name."""
    return sorted(
        flags,
        key=lambda f: (
            f.kind != "slump",
            SEVERITIES.index(f.severity),
            -sum(s.weight for s in f.signals),
            f.rep,
        ),
    )
