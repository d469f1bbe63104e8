"""A leading sign of a falling win rate when buyers stop moving forward: fewer first meetings turning into
opportunities and fewer of the open deals the rep works moving on a stage, both under the rep's usual over
the same weeks (`buyers_not_moving_on`).

Each of the two alone is a small count (a rep makes about 1.4 opportunities from 3 first meetings a week,
and moves on about 2 of the 5 open deals worked), too few to tell within the weeks before wins fall; read
together they tell sooner. Both are rates per unit of the rep's own work (per meeting, per deal worked),
so a quiet or busy spell, which moves meetings, opportunities, deals worked and moves together, does not
show here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np

from dashboard.rules.batch import Batch
from dashboard.rules.config import Thresholds
from dashboard.rules.deal_progress import ConversionDrop, conversion_drop
from dashboard.rules.rule import Finding, rule
from dashboard.rules.windows import columns
from dashboard.rules.wording import how_unlikely


class RateDrop(NamedTuple):
    """Per row read (`rows`): events and exposure (e.g. stage moves and deals worked) of the last weeks and
    of the weeks before, and how far the recent rate sits under the earlier one in standard errors (`z`)."""

    rows: np.ndarray
    events: np.ndarray
    exposure: np.ndarray
    events_then: np.ndarray
    exposure_then: np.ndarray
    z: np.ndarray


def rate_drop(events: np.ndarray, exposure: np.ndarray, rows: np.ndarray, n: int, history: int) -> RateDrop:
    """Events per unit of exposure in the last `n` columns against the `history` before, for `rows`.

    Given the events of both stretches, those of the recent one are binomial with the recent exposure's
    share if the rate is unchanged (as `conversion_drop` reads opportunities per first meeting).
    """
    e_now = np.nansum(columns(events[rows], 0, n), axis=1)
    x_now = np.nansum(columns(exposure[rows], 0, n), axis=1)
    e_then = np.nansum(columns(events[rows], n, history), axis=1)
    x_then = np.nansum(columns(exposure[rows], n, history), axis=1)
    total = e_now + e_then
    share = x_now / np.where(x_now + x_then > 0, x_now + x_then, 1.0)
    spread = np.sqrt(np.maximum(total * share * (1 - share), 1e-9))
    z = np.where((x_then > 0) & (e_then > 0), (e_now - total * share) / spread, 0.0)
    return RateDrop(rows, e_now, x_now, e_then, x_then, z)


def moves_drop(b: Batch) -> RateDrop | None:
    """Stage moves per open deal worked in the last `convert_weeks` against the half-year before (None: the
    export shows no stages or no deal work). Only weeks that show both count."""
    cfg, n = b.cfg, b.cfg.convert_weeks
    needed = ("open_deals_moved", "open_deals_worked", "open_deals")
    if any(m not in b.values for m in needed):
        return None
    deals = b.series("open_deals", within="open_deals_moved")
    moved = b.series("open_deals_moved") * deals
    worked = b.series("open_deals_worked", within="open_deals_moved") * deals
    both = ~np.isnan(moved) & ~np.isnan(worked)
    moved, worked = np.where(both, moved, np.nan), np.where(both, worked, np.nan)
    rows = np.flatnonzero(b.count("open_deals_moved") >= n + cfg.moving_on_history)
    return rate_drop(moved, worked, rows, n, 2 * cfg.baseline_weeks)


@rule("buyers_not_moving_on", primary=True)
def buyers_not_moving_on(b: Batch) -> Iterator[Finding]:
    """Fewer first meetings becoming opportunities and fewer worked deals moving on a stage than the rep's
    usual, together clearly so (`moves_drop`, `conversion_drop`): the buyers met are not moving forward,
    which is lost in later wins."""
    cfg, c, m = b.cfg, conversion_drop(b), moves_drop(b)
    if c is None or m is None:
        return
    conv = {int(r): k for k, r in enumerate(c.rows) if c.enough[k] and c.now[k] < c.usual[k]}
    for k, row in enumerate(m.rows):
        j = conv.get(int(row))
        if j is None or m.exposure[k] < cfg.moving_on_min_worked or not m.z[k] < 0:
            continue
        z = (c.z[j] + m.z[k]) / np.sqrt(2)
        if z <= -cfg.moving_on_z:
            evidence = moving_on_evidence(c, j, m, k, z, cfg)
            yield Finding(int(row), "open_deals_moved", evidence, cfg.deal_signs_weight)


def moving_on_evidence(c: ConversionDrop, j: int, m: RateDrop, k: int, z: float, cfg: Thresholds) -> str:
    """The sentence of `buyers_not_moving_on`: both counts against what the rep's usual rates would give."""
    made, meetings = c.made[j], c.meetings[j]
    moved, worked = m.events[k], m.exposure[k]
    usual_moved = worked * m.events_then[k] / m.exposure_then[k]
    return (
        f"in the last {cfg.convert_weeks} weeks {made:.0f} of {meetings:.0f} first meetings became "
        f"opportunities (usually about {meetings * c.usual[j]:.0f}) and {moved:.0f} of {worked:.0f} open "
        f"deals worked moved on a stage (usually about {usual_moved:.0f}): {how_unlikely(z)} to be an "
        "ordinary stretch, so it is worth going over a few recent first meetings and deals together"
    )
