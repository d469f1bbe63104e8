"""A flag's evidence as lines a manager reads alone: each names its metric and says each fact once.

Rules often see the same weeks from different angles (under the expectation three
weeks running, under the usual level, part of a wider slide). Their `Fact`s are
gathered by metric into one line per metric: the metric's label, its recent
weekly values (the longest run any rule showed), then every distinct claim
("usual level 495 min", "under the expectation of 450 min/week in each of the
last 3 weeks"). A rule's headline is its own line; a signal stored before
signals had parts is shown as its detail, with its metric's label in front when
the detail does not name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dashboard.metrics import BY_NAME
from dashboard.rules.findings import Fact, Signal
from dashboard.rules.wording import label, series


def lines(signals: Iterable[Signal | Mapping]) -> list[str]:
    """The evidence of a flag's signals (as found or as stored), one line per metric or headline."""
    out: list[str | Fact] = []
    by_metric: dict[str, list[Fact]] = {}
    for signal in signals:
        s = signal if isinstance(signal, Signal) else Signal.from_json(signal)
        if s.headline:
            out.append(_sentence(s.headline))
        elif not s.facts:
            out.append(named(s.metric, s.detail))
        for fact in s.facts:
            if fact.metric not in by_metric:
                by_metric[fact.metric] = []
                out.append(fact)  # the metric's line goes where it was first mentioned
            by_metric[fact.metric].append(fact)
    return [item if isinstance(item, str) else _metric_line(by_metric[item.metric]) for item in out]


def named(metric: str, detail: str) -> str:
    """A detail with its metric's label in front, unless it names the metric already."""
    entry = BY_NAME.get(metric)
    if entry is None or entry.label.lower() in detail.lower():
        return _sentence(detail)
    return f"{entry.label}: {detail}"


def _metric_line(facts: list[Fact]) -> str:
    values = max((f.values for f in facts), key=len)
    claims = sorted(dict.fromkeys(c for f in facts for c in f.claims), key=_claim_order)
    metric = facts[0].metric
    line = f"{label(metric)} {series(metric, values)} in the last {len(values)} weeks"
    return _sentence(f"{line}: {'; '.join(claims)}" if claims else line)


def _claim_order(claim: str) -> int:
    """The average of the weeks shown, then the usual level, then how they compare with expectations."""
    return 0 if claim.startswith("average ") else 1 if claim.startswith("usual level ") else 2


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
