"""Whether a slide of leading activity changed the mix of a rep's work, or only how much of it there was.

A cold spell (a few quiet weeks, training, a conference, a run of internal
work) takes all of a rep's work down together: prospecting, calls and first
meetings, and the open deals they touch. A slide in new business shows in
prospecting, calls and first meetings while the rep keeps working their open
deals. So a slide counts only when leading activity fell clearly further than
the rep's deal work over the same weeks (`mix_ratio`): deal work is the share
of open deals whose account saw an activity (`open_deals_worked`), pooled over
the slide's weeks against the rep's usual share in the half year before them.

Where deal work is not known (an export without opportunities or accounts,
too few open deal-weeks, a rep who rarely works their deals), the slide is
judged on its own as before.
"""

from __future__ import annotations

import numpy as np

from dashboard.rules.batch import Batch
from dashboard.rules.config import Thresholds
from dashboard.rules.windows import columns

WORKED, DEALS = "open_deals_worked", "open_deals"


def deal_work_pace(b: Batch, weeks: np.ndarray) -> np.ndarray:
    """Per rep, the share of open deals worked in the last `weeks` (per rep) as a share of the rep's usual
    share over the `rhythm_history` weeks before the longest window read (NaN: not known, with fewer than
    `deals_worked_min_deals` open deal-weeks in either, or a usual share under `deals_worked_min`)."""
    cfg, rows = b.cfg, b.reps.size
    if WORKED not in b.values or DEALS not in b.values:
        return np.full(rows, np.nan)
    deals = b.series(DEALS, within=WORKED)  # the same weeks as the leading activity (both are activity)
    worked = b.series(WORKED) * deals
    read = ~np.isnan(worked)
    worked, deals = np.where(read, worked, 0.0), np.where(read, deals, 0.0)
    longest = int(np.max(weeks, initial=1))
    inside = np.arange(longest)[None, :] >= longest - np.asarray(weeks)[:, None]
    now_w = np.where(inside, columns(worked, 0, longest), 0.0).sum(axis=1)
    now_d = np.where(inside, columns(deals, 0, longest), 0.0).sum(axis=1)
    then_w = np.nan_to_num(columns(worked, cfg.slide_weeks_max, cfg.rhythm_history)).sum(axis=1)
    then_d = np.nan_to_num(columns(deals, cfg.slide_weeks_max, cfg.rhythm_history)).sum(axis=1)
    known = (
        (now_d >= cfg.deals_worked_min_deals)
        & (then_d >= cfg.deals_worked_min_deals)
        & (then_w >= cfg.deals_worked_min * then_d)
    )
    usual = np.where(known, then_w / np.maximum(then_d, 1e-9), 1.0)
    return np.where(known, now_w / np.maximum(now_d, 1e-9) / usual, np.nan)


def mix_changed(share: np.ndarray, most: np.ndarray, pace: np.ndarray, cfg: Thresholds) -> np.ndarray:
    """Per rep, whether leading activity at `share` of usual fell clearly further than the rep's deal work
    (`pace`, from `deal_work_pace`) over the same weeks: taken at the pace of their deal work, it is still
    under the most a slide may keep (`most`, `rhythm.most_share`) times `mix_ratio`. True where deal work
    is not known (the slide stands on its own) or ran at least as usual."""
    return np.isnan(pace) | (share <= np.minimum(cfg.mix_ratio * most * pace, most))
