"""Rules on the pipeline: new opportunities, coverage, where new pipeline comes from, open deals, wins.

Each rule computes its test for every rep at once (numpy over rep × week) and
words the evidence only for the reps it fires for.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from dashboard.rules.batch import Batch
from dashboard.rules.config import Thresholds
from dashboard.rules.findings import Fact
from dashboard.rules.rhythm import pooled_spread, share_of_usual, window_variance
from dashboard.rules.rule import Finding, rule
from dashboard.rules.windows import columns, nanmean_rows, tail
from dashboard.rules.wording import fmt, series, usual


@rule("no_opportunities", primary=True)
def no_opportunities(b: Batch) -> Iterator[Finding]:
    """No opportunities created for several weeks from a rep who usually creates them."""
    cfg, m, n = b.cfg, "opportunities_created", b.cfg.no_opportunities_weeks
    count = b.count(m)
    history = np.minimum(np.maximum(count - n, 0), cfg.baseline_weeks)  # weeks before the window read
    candidates = np.flatnonzero((count >= n) & (history >= cfg.min_baseline_weeks))
    rate = nanmean_rows(columns(b.series(m), n, cfg.baseline_weeks)[candidates])
    made = np.nansum(b.recent(m, n)[candidates], axis=1)
    for k in np.flatnonzero(~(made > 0) & ~(rate < cfg.no_opportunities_min_rate)):
        expected = rate[k] * n
        yield Finding(
            int(candidates[k]),
            m,
            f"no opportunities created in the last {n} weeks vs own average "
            f"{rate[k]:.1f}/week before that (about {expected:.0f} expected)",
            2 if expected >= cfg.no_opportunities_strong else 1,
        )


@rule("coverage_under_target", primary=False)
def coverage_under_target(b: Batch) -> Iterator[Finding]:
    """Pipeline coverage under target and clearly under the rep's own usual coverage."""
    cfg, m = b.cfg, "pipeline_coverage"
    values, targets = b.recent(m, 3), columns(b.target_series(m), 0, 3)
    base = b.baseline(m)
    fires = (
        (b.count(m) >= 3)
        & ~np.isnan(base)
        & ~np.isnan(targets).any(axis=1)
        & ~np.isnan(values).any(axis=1)
        & (values < targets).all(axis=1)
        & (values[:, -1] < cfg.coverage_drop_ratio * base)
    )
    for row in np.flatnonzero(fires):
        target = fmt(m, targets[row, -1])
        yield Finding(
            int(row),
            m,
            f"{series(m, values[row])} in the last 3 weeks vs target {target} "
            f"and a usual level of {fmt(m, base[row])}",
            facts=(
                Fact(
                    m,
                    tuple(values[row]),
                    (f"under the target of {target} in each of the last 3 weeks", usual(m, base[row])),
                ),
            ),
        )


@rule("marketing_sourced_only", primary=True)
def marketing_only(b: Batch) -> Iterator[Finding]:
    """New pipeline drifting to marketing-sourced only: self-sourced share collapses."""
    cfg, m = b.cfg, "self_sourced_share"
    base, values = b.baseline(m), b.recent(m)
    low = (values <= cfg.self_sourced_max).sum(axis=1)
    for row in np.flatnonzero((base >= cfg.self_sourced_baseline_min) & (low >= cfg.self_sourced_weeks)):
        shown = tail(values[row], int(b.count(m)[row]))
        yield Finding(
            int(row),
            m,
            f"self-sourced share of new pipeline {series(m, shown)} in the last {shown.size} weeks; "
            f"{usual(m, base[row])}: target accounts are worth pursuing between marketing leads",
        )


@rule("open_deals_going_quiet", primary=True)
def open_deals_going_quiet(b: Batch) -> Iterator[Finding]:
    """Far fewer of the rep's open deals worked than usual, week after week: deals left alone go cold.

    Pools the weeks (deals worked ÷ open deal-weeks) and compares with the rep's usual share over the two
    quarters before the window (a two-sample binomial test, widened by how much more than chance the rep's
    weeks usually vary).
    """
    cfg, n = b.cfg, b.cfg.deals_worked_weeks
    if "open_deals_worked" not in b.values or "open_deals" not in b.values:
        return
    deals = b.series("open_deals", within="open_deals_worked")  # open deals of the logged weeks
    worked = b.series("open_deals_worked") * deals
    pace = activity_pace(b, n)
    rows, now, usual, expected, z = _deals_worked_drop(
        worked, deals, b.count("open_deals_worked"), pace, n, cfg
    )
    ceiling = cfg.deals_worked_ratio * expected
    last_worked = columns(worked[rows], 0, cfg.persist_weeks).sum(axis=1)
    last_deals = columns(deals[rows], 0, cfg.persist_weeks).sum(axis=1)
    latest = np.where(last_deals > 0, last_worked / np.where(last_deals > 0, last_deals, 1.0), np.nan)
    fires = ~(now >= ceiling) & ~(latest >= ceiling) & ~(z > -cfg.deals_worked_z)
    for k in np.flatnonzero(fires):
        row = int(rows[k])
        weekly = ", ".join(
            f"{w:.0f} of {d:.0f}" for w, d in zip(worked[row, -n:], deals[row, -n:], strict=True)
        )
        yield Finding(
            row,
            "open_deals_worked",
            f"open deals worked {weekly} in the last {n} weeks ({now[k]:.0%}) vs own usual {usual[k]:.0%}"
            f"{_paced(pace[row], expected[k])}: "
            "deals without a next step tend to go cold, so it is worth planning the next step on each "
            "together",
            2,
        )


def activity_pace(b: Batch, n: int) -> np.ndarray:
    """Per rep, leading activity of the last `n` weeks as a share of usual, at most 1 (1: not known).

    A rep in a quiet spell works fewer deals too; a busy spell asks for no more than usual.
    """
    r = b.rhythm()
    pace = share_of_usual(r, n)
    return np.where(r.known & ~np.isnan(pace), np.minimum(pace, 1.0), 1.0)


def _paced(pace: float, expected: float) -> str:
    """What a quiet spell of the rep's other activity explains (nothing when it ran near usual)."""
    if pace >= 0.95:
        return ""
    return f"; with their other activity at about {pace:.0%} of usual, about {expected:.0%} was expected"


def _deals_worked_drop(
    worked: np.ndarray, deals: np.ndarray, count: np.ndarray, pace: np.ndarray, n: int, cfg: Thresholds
) -> tuple[np.ndarray, ...]:
    """Rows with enough data, and for each: the share worked in the last `n` weeks, the usual share,
    the share expected at the pace of the rep's other activity in those weeks, and the z of the
    difference (widened by the rep's own week-to-week persistence)."""
    recent_worked, recent_deals = columns(worked, 0, n), columns(deals, 0, n)
    recent_total = recent_deals.sum(axis=1)
    rows = np.flatnonzero(
        (count >= n) & ~np.isnan(recent_worked).any(axis=1) & ~(recent_total < cfg.deals_worked_min_deals)
    )
    runs = []
    for block in range(2):
        w = columns(worked[rows], n + block * cfg.baseline_weeks, cfg.baseline_weeks)
        d = columns(deals[rows], n + block * cfg.baseline_weeks, cfg.baseline_weeks)
        keep = ~np.isnan(w) & (d > 0)
        d_kept = np.where(keep, d, 0.0)
        enough = (keep.sum(axis=1) >= cfg.min_baseline_weeks) & (
            d_kept.sum(axis=1) >= cfg.deals_worked_min_deals
        )
        keep &= enough[:, None]
        runs.append((np.where(keep, w, 0.0), np.where(keep, d, 0.0), keep))
    w_all = np.hstack([w for w, _, _ in runs])
    d_all = np.hstack([d for _, d, _ in runs])
    kept = np.hstack([k for _, _, k in runs])
    deal_weeks = d_all.sum(axis=1)
    has = (deal_weeks > 0) & ~(kept.sum(axis=1) < cfg.deals_worked_history)
    usual = w_all.sum(axis=1)[has] / deal_weeks[has]
    rows, w_all, d_all, kept, deal_weeks = rows[has], w_all[has], d_all[has], kept[has], deal_weeks[has]
    fit = ~(usual < cfg.deals_worked_min) & ~(usual >= 1)
    rows, usual, w_all, d_all, kept, deal_weeks = (
        rows[fit],
        usual[fit],
        w_all[fit],
        d_all[fit],
        kept[fit],
        deal_weeks[fit],
    )
    chance = np.sqrt(np.where(kept, d_all, 1.0) * (usual * (1 - usual))[:, None])
    pearson = np.where(kept, (w_all - d_all * usual[:, None]) / chance, 0.0)
    # Runs of busy and quiet weeks: pooled weeks vary more than independent ones (the rep's own persistence).
    pairs = kept[:, 1:] & kept[:, :-1]
    pairs[:, cfg.baseline_weeks - 1] = False  # the two runs side by side are not consecutive weeks
    dispersion, persistence = pooled_spread(pearson, kept, pairs, cfg.rhythm_persistence_prior, cfg)
    recent_w, recent_d = recent_worked[rows], recent_deals[rows]
    now = recent_w.sum(axis=1) / recent_d.sum(axis=1)
    expected = usual * pace[rows]
    inflate_now = n * window_variance(n, persistence)
    inflate_then = kept.sum(axis=1) * window_variance(kept.sum(axis=1), persistence)
    variance = dispersion * (
        expected * (1 - expected) * inflate_now / recent_d.sum(axis=1)
        + pace[rows] ** 2 * usual * (1 - usual) * inflate_then / deal_weeks
    )
    return rows, now, usual, expected, (now - expected) / np.sqrt(variance)


@rule("falling_win_rate", primary=True)
def falling_win_rate(b: Batch) -> Iterator[Finding]:
    """Fewer of the closed deals won in the last 8 weeks than in the half year before (a quarter of weeks or
    more), on enough closed deals to tell."""
    cfg = b.cfg
    if "wins" not in b.values or "losses" not in b.values:
        return
    lookback, history = cfg.win_rate_lookback, cfg.win_rate_history
    count = b.count("wins")
    before_weeks = np.minimum(np.maximum(count - lookback, 0), history)
    rows = np.flatnonzero((count >= lookback) & (before_weeks >= cfg.win_rate_min_history))
    wins, losses = b.series("wins")[rows], b.series("losses")[rows]
    recent_w, recent_l = columns(wins, 0, lookback), columns(losses, 0, lookback)
    before_w, before_l = columns(wins, lookback, history), columns(losses, lookback, history)
    won_now, closed_now = np.nansum(recent_w, axis=1), np.nansum(recent_w + recent_l, axis=1)
    won_then, closed_then = np.nansum(before_w, axis=1), np.nansum(before_w + before_l, axis=1)
    keep = ~(np.minimum(closed_now, closed_then) < cfg.win_rate_min_closed) & ~(won_then <= 0)
    rows, won_now, closed_now, won_then, closed_then = (
        rows[keep],
        won_now[keep],
        closed_now[keep],
        won_then[keep],
        closed_then[keep],
    )
    pooled = (won_now + won_then) / (closed_now + closed_then)
    keep = pooled < 1  # every closed deal won: no fall to test
    rows, won_now, closed_now, won_then, closed_then, pooled = (
        rows[keep],
        won_now[keep],
        closed_now[keep],
        won_then[keep],
        closed_then[keep],
        pooled[keep],
    )
    now, then = won_now / closed_now, won_then / closed_then
    z = (now - then) / np.sqrt(pooled * (1 - pooled) * (1 / closed_now + 1 / closed_then))
    for k in np.flatnonzero(~(now >= cfg.win_rate_ratio * then) & ~(z > -cfg.win_rate_z)):
        row = int(rows[k])
        yield Finding(
            row,
            "win_rate",
            f"won {won_now[k]:.0f} of {closed_now[k]:.0f} closed deals ({now[k]:.0%}) in the last "
            f"{lookback} weeks vs {won_then[k]:.0f} of {closed_then[k]:.0f} ({then[k]:.0%}) in the "
            f"{before_weeks[row]} weeks before: worth reviewing the recent losses together",
            2 if z[k] <= -cfg.win_rate_strong_z else 1,
        )
