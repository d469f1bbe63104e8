"""The one-sentence evidence of a slide in a rep's own rhythm: what moved, how far against the rep's
usual range, how sure, in plain words (no statistics named, nothing that judges the person)."""

from __future__ import annotations

import math

from dashboard.rules.rhythm import Slide
from dashboard.rules.wording import how_unlikely, label

STEADY = 0.05  # weeks that usually stay within 5% of the level: "very steady"


def _names(metrics: list[str]) -> str:
    labels = [label(m) for m in metrics]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def slide_sentence(metrics: list[str], found: Slide, row: int, swing: float) -> str:
    """E.g. "prospecting minutes, calls and first meetings together ran about 45% under this rep's usual
    level over the last 4 weeks, while their weeks usually stay within about 20% of it: very unlikely to
    be an ordinary cold spell, so this is a good moment to help"."""
    under = 1 - float(found.ratio[row])
    usual = math.expm1(swing) if not math.isnan(swing) else float("nan")
    within = (
        f", while their weeks usually stay within about {usual:.0%} of it" if not math.isnan(usual) else ""
    )
    sure = how_unlikely(found.z[row])  # a slide's z is negative: under usual
    return (
        f"{_names(metrics)} together ran about {under:.0%} under this rep's usual level over the last "
        f"{int(found.weeks[row])} weeks{within}: {sure} to be an ordinary cold spell, so this is a good "
        "moment to help"
    )
