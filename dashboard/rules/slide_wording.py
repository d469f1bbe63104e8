"""The one-sentence evidence of a slide in a rep's own rhythm: what moved, how far against the rep's
usual range, how sure, in plain words (no statistics named, nothing that judges the person)."""

from __future__ import annotations

import math

from dashboard.rules.rhythm import Slide
from dashboard.rules.wording import how_unlikely, label

STEADY = 0.05  # weeks that usually stay within 5% of the level: "very steady"
STEADY_DEALS = 0.9  # deal work at this share of usual or more: "as usual"


def _names(metrics: list[str]) -> str:
    labels = [label(m) for m in metrics]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _within(usual: float) -> str:
    """How far the rep's weeks usually swing around their level, as a person says it: 'within about 20%
    of it', or, for weeks that often double or halve (a swing of 100% or more, which 'within about 171%'
    put oddly), 'from under half of it to over double'."""
    if usual < 1:
        return f"their weeks usually stay within about {usual:.0%} of it"
    return "their weeks usually range from under half of it to over double"


def slide_sentence(metrics: list[str], found: Slide, row: int, swing: float, pace: float = math.nan) -> str:
    """E.g. "prospecting minutes, calls and first meetings together ran about 45% under this rep's usual
    level over the last 4 weeks, while their weeks usually stay within about 20% of it and they kept
    working their open deals as usual: very unlikely to be an ordinary cold spell, so this is a good
    moment to help". `pace`: their deal work over the same weeks as a share of usual (`mix`; NaN: not
    known, not said)."""
    under = 1 - float(found.ratio[row])
    usual = math.expm1(swing) if not math.isnan(swing) else float("nan")
    within = "" if math.isnan(usual) else _within(usual)
    deals = (
        ""
        if math.isnan(pace)
        else "they kept working their open deals as usual"
        if pace >= STEADY_DEALS
        else f"their work on open deals stayed at about {pace:.0%} of usual"
    )
    clauses = " and ".join(c for c in (within, deals) if c)
    while_ = f", while {clauses}" if clauses else ""
    sure = how_unlikely(found.z[row])  # a slide's z is negative: under usual
    return (
        f"{_names(metrics)} together ran about {under:.0%} under this rep's usual level over the last "
        f"{int(found.weeks[row])} weeks{while_}: {sure} to be an ordinary cold spell, so this is a good "
        "moment to help"
    )
