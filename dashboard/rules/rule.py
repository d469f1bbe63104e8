"""A rule: a named check over a batch of reps that yields findings, stamped into `Signal`s once.

A rule function reads a `Batch` (every rep at once, numpy over rep × week) and
yields a `Finding` per rep it fires for; `@rule("name", primary=...)` wraps it
into a `Rule` that carries the name, so the name is written once. A `Rule` can
also be asked about one rep (`rule(view)` or `rule.check(view)`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from dashboard.rules.batch import Batch, RepView
from dashboard.rules.findings import Fact, Signal


class Finding(NamedTuple):
    """A rule firing for the rep in row `row`: the metric, the evidence, its weight, and the evidence
    in parts (see `Signal`)."""

    row: int
    metric: str
    detail: str
    weight: int = 1
    headline: str = ""
    facts: tuple[Fact, ...] = ()


RuleFn = Callable[[Batch], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its name (as in `Signal.rule`) and function."""

    name: str
    run: RuleFn
    primary: bool  # can open a flag; other rules only add evidence to one
    description: str

    def signals(self, batch: Batch) -> dict[int, list[Signal]]:
        """Per row the rule fires for, its signals (in the order the rule found them)."""
        out: dict[int, list[Signal]] = {}
        for found in self.run(batch):
            out.setdefault(found.row, []).append(
                Signal(found.metric, self.name, found.detail, found.weight, found.headline, found.facts)
            )
        return out

    def check(self, view: RepView) -> list[Signal]:
        """The rule's signals for one rep."""
        return self.signals(view.batch).get(0, [])

    __call__ = check


def rule(name: str, *, primary: bool) -> Callable[[RuleFn], Rule]:
    """Registers a rule function under `name` (list it in `evaluate.RULES` to have it run)."""

    def wrap(fn: RuleFn) -> Rule:
        return Rule(name, fn, primary, fn.__doc__ or "")

    return wrap
