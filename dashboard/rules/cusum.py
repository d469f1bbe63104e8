"""A slide found by sequential change detection (CUSUM) on a rep's leading activity index, in the rep's
own rhythm: the alternative to the fixed windows of `rhythm.slide` (`Thresholds.slide_test = "cusum"`),
kept to measure side by side in the harness.

Week by week over the weeks after the history read, the index (in the rep's own weekly swings) is added
up, less an allowance `cusum_k`, and reset to zero whenever the rep is back at their usual level; a slide
counts once the sum falls `cusum_h` under zero. Allowance and limit are both in the swing a run of the
rep's weeks has in the long run (the drift plus weekly noise of `rhythm.mean_variance`), so runs of cold
weeks from a streaky rep add up no faster than their rhythm allows. The run since the last reset is the
window the evidence describes; the plain-terms and agreement tests are those of the fixed windows.
"""

from __future__ import annotations

import numpy as np

from dashboard.rules.config import Thresholds
from dashboard.rules.rhythm import Rhythm, Slide, judge_window, mean_variance
from dashboard.rules.windows import columns


def cusum_slide(r: Rhythm, cfg: Thresholds) -> Slide:
    """Per rep: the CUSUM of the weeks after the history read, the run since its last reset, and whether
    it counts as a slide."""
    weeks = cfg.slide_weeks_max
    drift = cfg.rhythm_drift_persistence
    # long-run variance of one week's index (in weekly swings): k × the variance of a k-week mean, k large
    long_run = np.sqrt(64 * mean_variance(64, r.persistence, drift))
    scaled = columns(r.index, 0, weeks) / np.where(r.known, r.sd, np.nan)[:, None]
    total = np.zeros(r.index.shape[0])
    run = np.zeros(r.index.shape[0], dtype=int)
    for t in range(weeks):
        step = np.nan_to_num(scaled[:, t]) + cfg.cusum_k * long_run
        total = np.minimum(total + step, 0.0)
        run = np.where(total < 0, run + 1, 0)
    found = judge_window(r, np.maximum(run, 1), cfg)
    fires = found.fires & (total <= -cfg.cusum_h * long_run) & r.known
    return Slide(found.weeks, found.ratio, found.z, fires)
