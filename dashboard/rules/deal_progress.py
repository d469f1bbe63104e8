"""Leading signs of a falling win rate in how the rep's deals move: open deals stalling (sitting in one
stage for 4 weeks or more, more of them than the rep usually has), and first meetings that stop
turning into opportunities.

Both compare the last weeks with the rep's own usual over the half-year before, on pooled counts (deal-weeks,
meetings), so a rep with few deals needs a bigger change before a rule speaks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np

from dashboard.rules.batch import Batch
from dashboard.rules.config import Thresholds
from dashboard.rules.pipeline import activity_pace
from dashboard.rules.rhythm import pooled_spread, window_variance
from dashboard.rules.rule import Finding, rule
from dashboard.rules.windows import columns
from dashboard.rules.wording import how_unlikely
from dashboard.wording import count


class StallRise(NamedTuple):
    """Per row read (`rows`): the last weeks' stalled deal-weeks and open deal-weeks (rep × week), their
    share, the usual share, how far above it in standard errors (`z`), the latest week's share, and whether
    the rep's other activity ran near usual (`steady`)."""

    rows: np.ndarray
    stalled: np.ndarray
    deals: np.ndarray
    now: np.ndarray
    usual: np.ndarray
    z: np.ndarray
    latest: np.ndarray
    steady: np.ndarray


def stall_rise(b: Batch) -> StallRise | None:
    """The stalled share of the rep's open deals in the last `stall_weeks` against their usual (None: the
    export shows no stages)."""
    cfg, n = b.cfg, b.cfg.stall_weeks
    if "open_deals_stalled" not in b.values or "open_deals" not in b.values:
        return None
    deals = b.series("open_deals", within="open_deals_stalled")
    stalled = b.series("open_deals_stalled") * deals
    count = b.count("open_deals_stalled")
    now_s, now_d = columns(stalled, 0, n), columns(deals, 0, n)
    rows = np.flatnonzero(
        (count >= n + cfg.stall_history)
        & ~np.isnan(now_s).any(axis=1)
        & ~(now_d.sum(axis=1) < cfg.stall_min_deals)
    )
    then_s, then_d = (
        columns(stalled[rows], n, 2 * cfg.baseline_weeks),
        columns(deals[rows], n, 2 * cfg.baseline_weeks),
    )
    kept = ~np.isnan(then_s) & (then_d > 0)
    then_s, then_d = np.where(kept, then_s, 0.0), np.where(kept, then_d, 0.0)
    prior, weight = cfg.stall_share_prior, cfg.stall_prior_deals
    usual = (then_s.sum(axis=1) + prior * weight) / (then_d.sum(axis=1) + weight)
    spread = usual * (1 - usual)
    pearson = np.where(
        kept, (then_s - then_d * usual[:, None]) / np.sqrt(np.maximum(then_d, 1) * spread[:, None]), 0.0
    )
    weeks = np.maximum(kept.sum(axis=1), 1)
    pairs = kept[:, 1:] & kept[:, :-1]
    dispersion, persistence = pooled_spread(pearson, kept, pairs, cfg.stall_persistence_prior, cfg)
    recent_s, recent_d = now_s[rows].sum(axis=1), now_d[rows].sum(axis=1)
    now = recent_s / recent_d
    variance = (
        dispersion
        * spread
        * (
            n * window_variance(n, persistence) / recent_d
            + weeks * window_variance(weeks, persistence) / np.maximum(then_d.sum(axis=1), 1)
        )
    )
    z = (now - usual) / np.sqrt(variance)
    latest = now_s[rows, -1] / np.maximum(now_d[rows, -1], 1)
    # a cold spell of the rep's other activity moves fewer deals on too, and a deal shows as stalled up to
    # 4 weeks after it last moved: the weeks it stalled in are read too (a cold spell is left to the
    # activity rules)
    steady = np.minimum(activity_pace(b, n), activity_pace(b, 2 * n))[rows] >= cfg.stall_pace_min
    return StallRise(rows, now_s[rows], now_d[rows], now, usual, z, latest, steady)


@rule("deals_stalling", primary=True)
def deals_stalling(b: Batch) -> Iterator[Finding]:
    """More of the rep's open deals stalled than usual, week after week: deals that stop moving are lost more.

    A deal is stalled in a week when it has been in the same stage for 4 weeks or more
    (`open_deals_stalled`, read from the weekly pipeline snapshots). Pools the last weeks' stalled
    deal-weeks and compares the share with the rep's usual over the two quarters before (shrunk towards a
    typical share when the history is short), widened by how much more than chance the rep's weeks vary
    and persist. Not while the rep's other activity runs well under usual, over the last 4 weeks or the 8
    in which the deals read stalled: fewer deals move on in a cold spell too, and they show as stalled for
    weeks after it.
    """
    cfg, s = b.cfg, stall_rise(b)
    if s is None:
        return
    gap = cfg.stall_gap
    fires = s.steady & (s.z >= cfg.stall_z) & (s.now >= s.usual + gap) & (s.latest >= s.usual + gap)
    for k in np.flatnonzero(fires):
        yield Finding(int(s.rows[k]), "open_deals_stalled", stall_evidence(s, k, cfg), cfg.deal_signs_weight)


def stall_evidence(s: StallRise, k: int, cfg: Thresholds) -> str:
    """The sentence of `deals_stalling` for the `k`-th row read."""
    weekly = ", ".join(f"{a:.0f} of {d:.0f}" for a, d in zip(s.stalled[k], s.deals[k], strict=True))
    return (
        f"open deals stalled (4 weeks or more in one stage) {weekly} "
        f"in the last {cfg.stall_weeks} weeks ({s.now[k]:.0%}) vs usually about {s.usual[k]:.0%}: "
        f"{how_unlikely(s.z[k])} to be an ordinary stretch, so it is worth planning the next step on each "
        "stalled deal together"
    )


class ConversionDrop(NamedTuple):
    """Per row read (`rows`): opportunities and first meetings of the last weeks, the conversion then and
    usually, and how far under the usual in standard errors (`z`, 0 where too few meetings: `enough`)."""

    rows: np.ndarray
    made: np.ndarray
    meetings: np.ndarray
    now: np.ndarray
    usual: np.ndarray
    z: np.ndarray
    enough: np.ndarray


def conversion_drop(b: Batch) -> ConversionDrop | None:
    """First meetings turned into opportunities in the last `convert_weeks` against the half-year before.

    Given the opportunities of both stretches, those of the recent one are binomial with the recent
    meetings' share if the conversion is unchanged (a quiet or busy spell moves meetings and opportunities
    together, so it does not show here). None: the export shows no first meetings or opportunities.
    """
    cfg, n = b.cfg, b.cfg.convert_weeks
    if "first_meetings" not in b.values or "opportunities_created" not in b.values:
        return None
    meetings, made = b.series("first_meetings"), b.series("opportunities_created", within="first_meetings")
    count = b.count("first_meetings")
    rows = np.flatnonzero(count >= n + cfg.min_baseline_weeks)
    m_now, o_now = (
        np.nansum(columns(meetings[rows], 0, n), axis=1),
        np.nansum(columns(made[rows], 0, n), axis=1),
    )
    history = 2 * cfg.baseline_weeks
    m_then = np.nansum(columns(meetings[rows], n, history), axis=1)
    o_then = np.nansum(columns(made[rows], n, history), axis=1)
    total = o_now + o_then
    keep = (m_now >= cfg.convert_min_meetings) & (m_then > 0) & (o_then > 0)
    share = np.where(keep, m_now / np.where(m_then + m_now > 0, m_then + m_now, 1.0), 0.5)
    expected = total * share
    z = np.where(keep, (o_now - expected) / np.sqrt(np.maximum(total * share * (1 - share), 1e-9)), 0.0)
    rate_now = o_now / np.maximum(m_now, 1)
    rate_then = o_then / np.maximum(m_then, 1)
    return ConversionDrop(rows, o_now, m_now, rate_now, rate_then, z, keep)


@rule("meetings_not_converting", primary=True)
def meetings_not_converting(b: Batch) -> Iterator[Finding]:
    """Far fewer first meetings turning into opportunities than the rep's usual, on enough meetings to tell
    (`conversion_drop`)."""
    cfg, c = b.cfg, conversion_drop(b)
    if c is None:
        return
    fires = c.enough & (c.z <= -cfg.convert_z) & (c.now <= cfg.convert_ratio * c.usual)
    for k in np.flatnonzero(fires):
        yield Finding(
            int(c.rows[k]), "opportunities_created", conversion_evidence(c, k, cfg), cfg.deal_signs_weight
        )


def conversion_evidence(c: ConversionDrop, k: int, cfg: Thresholds) -> str:
    """The sentence of `meetings_not_converting` for the `k`-th row read. The usual conversion is said as
    the opportunities those meetings usually bring ('where about 12 would be usual'), not as a share: a rep
    who opens more opportunities than they hold first meetings converts at more than 100%, which reads
    as nonsense ('vs usually about 171%')."""
    made, meetings = c.made[k], c.meetings[k]
    usual = round(float(c.usual[k] * meetings))
    return (
        f"{count(made, 'opportunity', 'opportunities')} from {count(meetings, 'first meeting')} "
        f"in the last {cfg.convert_weeks} weeks, where about {usual:,} would be usual: "
        f"{how_unlikely(c.z[k])} to be an ordinary stretch, so it is worth going over a few recent first "
        "meetings together"
    )
