"""What the rules find: a `Signal` (one rule's evidence in numbers) and a `Flag` (a rep this week).

A signal's `detail` is the rule's evidence as one standalone sentence. Its
`headline` and `facts` are the same evidence in parts, so a flag's evidence can
be written with each metric named on its own line and each fact said once
(`dashboard.rules.evidence`): a `Fact` is one metric's recent weekly values and
what the rule says of them ("usual level 495 min").
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dashboard.rules.config import SEVERITIES


class Fact(NamedTuple):
    """What a rule says of one metric: its recent weekly values (oldest first) and its claims."""

    metric: str
    values: tuple[float, ...]
    claims: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        values = [None if math.isnan(v) else float(v) for v in self.values]
        return {"metric": self.metric, "values": values, "claims": list(self.claims)}

    @classmethod
    def from_json(cls, stored: Mapping) -> Fact:
        values = tuple(float("nan") if v is None else float(v) for v in stored.get("values", ()))
        return cls(str(stored["metric"]), values, tuple(stored.get("claims", ())))


@dataclass(frozen=True)
class Signal:
    """One rule's finding: which metric, which rule, the evidence in numbers.

    `headline` (what the rule says as a whole, without the numbers its facts carry) and `facts` are
    optional: a signal with neither is shown as its `detail`.
    """

    metric: str
    rule: str
    detail: str
    weight: int = 1
    headline: str = ""
    facts: tuple[Fact, ...] = ()

    def to_json(self) -> dict[str, object]:
        stored: dict[str, object] = {"metric": self.metric, "rule": self.rule, "detail": self.detail}
        if self.headline:
            stored["headline"] = self.headline
        if self.facts:
            stored["facts"] = [f.to_json() for f in self.facts]
        return stored

    @classmethod
    def from_json(cls, stored: Mapping) -> Signal:
        """A signal as `to_json` stored it (older stores hold metric, rule and detail only)."""
        return cls(
            str(stored.get("metric", "")),
            str(stored.get("rule", "")),
            str(stored.get("detail", "")),
            headline=str(stored.get("headline", "")),
            facts=tuple(Fact.from_json(f) for f in stored.get("facts", ())),
        )


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
