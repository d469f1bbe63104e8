"""Every number the rules use (`Thresholds`, with its reasons) and the metric groups they read."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

SEVERITIES = ("high", "medium", "low")
ACTIVITY_METRICS = frozenset(
    {
        "prospecting_minutes",
        "calls",
        "connects",
        "monday_call_share",
        "first_meetings",
        "open_deals_worked",
        "activities_logged",
    }
)
LEADING_DECLINE_METRICS = ("prospecting_minutes", "calls", "first_meetings")
UNREAD_METRICS = frozenset({"target_account_coverage"})
"""Catalogue metrics no rule reads: the rules' read of the data leaves them out
(`interventions.evaluate_weeks`; target-account coverage goes through each week's accounts)."""
EXPECTATION_METRICS = ("prospecting_minutes", "calls", "first_meetings", "opportunities_created")
SD_PER_MEAN_DEVIATION = math.sqrt(math.pi / 2)  # mean absolute deviation of normal data × this = its SD


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use, in one place."""

    recent_weeks: int = 4  # the window a rule reads ("the last 4 weeks")
    baseline_weeks: int = 13  # the rep's own level: median of a quarter of weeks before the recent window
    min_baseline_weeks: int = 6  # fewer usable weeks of history: no baseline rules yet
    decline_ratio: float = 0.6  # recent mean below 60% of own median ...
    decline_z: float = 2.0  # ... and this many own standard errors under it
    min_relative_spread: float = 0.15  # a rep's usual weekly swing is taken as at least 15% of their level
    min_baseline: dict[str, float] = field(
        default_factory=lambda: {
            "prospecting_minutes": 120.0,
            "calls": 8.0,
            "first_meetings": 1.5,
            "pipeline_created": 1.0,
            "activities_logged": 10.0,
        }
    )
    z_clip: float = 3.0  # one week counts at most this many own swings
    index_min_weeks: int = 10  # the joint rule needs this many usable weeks before the recent window
    persist_weeks: int = 3  # the leading-activity rule reads the last 3 weeks ...
    persist_min: int = 2  # ... at least 2 of them well under the usual range ...
    index_week_z: float = 1.5  # ... (a week this many own swings of the joint index under usual) ...
    index_mean_z: float = 2.2  # ... and their average at least this far under
    sustained_weeks: int = 6  # or: a longer, milder slide, its average over 6 weeks ...
    sustained_z: float = 1.7  # ... and over the last 3 weeks this many usual swings under
    # A slide in the rep's own rhythm (`rhythm`): leading activity on the log scale against the
    # rep's own weekly swing and week-to-week persistence, read from the history before the last 6 weeks.
    slide_test: str = "rhythm"  # rhythm | joint (the earlier joint-index rule)
    rhythm_history: int = 26  # weeks of history read for the rep's level and rhythm
    log_offset: float = 0.25  # this share of the usual level is added before the log (an empty week: finite)
    rhythm_sd_prior: float = 0.7  # a typical rep's weekly swing of the index ...
    rhythm_persistence_prior: float = 0.3  # ... and week-to-week persistence ...
    rhythm_prior_weeks: int = 8  # ... weigh as this many weeks of the rep's own history
    rhythm_max_persistence: float = 0.8
    rhythm_drift_persistence: float = 0.6  # a cold spell's own week-to-week persistence (real teams: ~0.6)
    slide_windows: tuple[int, ...] = (4, 6)  # the windows read (weeks), the strongest counts ...
    slide_weeks_max: int = 6  # ... (the longest: kept out of the history)
    slide_z: float = 2.0  # ... when its average is this many of its own expected swings under usual ...
    slide_ratio: float = 0.8  # ... and activity is at most 80% of usual (at least 20% under) ...
    slide_swings: float = 3.0  # ... and under usual by 3 of the rep's usual weekly ranges ...
    slide_ratio_least: float = 0.5  # ... which never asks for more than half under
    slide_agree: int = 2  # ... with at least this many of the metrics down on their own ...
    # ... (their window's average this many of its own usual swings under: a week's swing, narrowed as
    # `mean_variance` narrows an average of weeks that do not persist; a streaky rep's barely narrows)
    slide_metric_z: float = 1.0
    slide_last_z: float = 0.5  # ... and the latest week still this many weekly swings of the index under
    # ... and (`mix`), where deal work is known, still under that share of usual × this once taken at the
    # pace of the rep's deal work: a cold spell slows deal work as much, a slide in new business does not
    mix_ratio: float = 1.2  # (0: off)
    consecutive_misses: int = 3  # weeks in a row under an expectation the rep usually meets
    slope_weeks: int = 8  # weeks fitted for the trend
    slope_per_week: float = -0.06  # fitted slope as a share of own median per week
    no_opportunities_weeks: int = 4
    no_opportunities_min_rate: float = 0.75  # the rep usually creates this many a week (own average)
    no_opportunities_strong: float = 9.0  # usually this many in the window: nothing at all opens a flag alone
    coverage_drop_ratio: float = 0.8  # coverage under target and under 80% of its own median
    monday_share_max: float = 0.05  # Monday share of all calls of the recent weeks at or below this ...
    monday_baseline_min: float = 0.12  # ... from a rep whose usual Monday share is at least this ...
    monday_min_calls: int = 40  # ... over at least this many calls
    self_sourced_max: float = 0.15  # self-sourced share of new pipeline at or below this ...
    self_sourced_weeks: int = 3  # ... in at least this many of the recent weeks ...
    self_sourced_baseline_min: float = 0.4  # ... from a rep who usually sources this much
    deals_worked_weeks: int = 8  # open deals worked in the last 8 weeks (worked ÷ open deal-weeks) ...
    deals_worked_min_deals: int = 20  # ... over at least this many open deal-weeks, as is the baseline ...
    deals_worked_history: int = 13  # ... read from a quarter or more of weeks (a hot start is no usual) ...
    deals_worked_min: float = 0.15  # ... from a rep who usually works at least this share ...
    deals_worked_ratio: float = 0.6  # ... under 60% of the usual share (the last 3 weeks too) ...
    deals_worked_z: float = 2.5  # ... and this many standard errors under it (binomial, widened by own swing)
    stall_weeks: int = 4  # stalled open deals (`deal_progress`) of the last 4 weeks ...
    stall_min_deals: int = 20  # ... over at least this many open deal-weeks ...
    stall_history: int = 13  # ... from a rep with at least this many weeks of history before them ...
    stall_share_prior: float = 0.1  # ... against the usual share, shrunk towards this typical one ...
    stall_prior_deals: int = 20  # ... weighing as this many deal-weeks ...
    stall_persistence_prior: float = 0.5  # ... (a stalled deal stays stalled: weeks persist) ...
    stall_z: float = 3.0  # ... this many standard errors above it ...
    stall_gap: float = 0.3  # ... and at least 30 points above (the latest week too) ...
    stall_pace_min: float = (
        0.85  # ... while other activity runs at this share of usual or more (4 and 8 weeks)
    )
    convert_weeks: int = 6  # first meetings that became opportunities in the last 6 weeks ...
    convert_min_meetings: int = 8  # ... on at least this many first meetings ...
    convert_ratio: float = 0.6  # ... under 60% of the usual conversion ...
    convert_z: float = 3.0  # ... and this many standard errors under it
    # ... or, read together (`moving_on`), that conversion over the same weeks and the stage moves per open
    # deal worked, each under the rep's usual and their z-scores summed (÷ √2) this far under
    moving_on_z: float = 2.5
    moving_on_min_worked: int = 8  # ... on at least this many open deals worked in those weeks ...
    moving_on_history: int = 13  # ... from a rep with a quarter of weeks or more before them
    deal_signs_weight: int = 2  # the weight of each of these leading signs (2: opens a flag alone)
    win_rate_lookback: int = 8  # closed deals of the last 8 weeks ...
    win_rate_history: int = 26  # ... against those of the 26 weeks before
    win_rate_min_closed: int = 8  # at least this many closed deals in each
    win_rate_min_history: int = 13  # and a quarter of weeks or more before them (a lucky start is no usual)
    win_rate_ratio: float = 0.6  # recent win rate under 60% of the earlier one ...
    win_rate_z: float = 2.0  # ... and this many standard errors under it (two-proportion test)
    win_rate_strong_z: float = 3.5  # this far under: opens a flag alone
    results_fine_ratio: float = 0.8  # recent wins at least 80% of own median: results still look fine
    gap_ratio: float = 0.25  # a week logging under 25% of own median: time off or a logging gap
    hygiene_weeks: int = 2  # such weeks among the last 3 while the pipeline moves: a hygiene note
    team_dip_share: float = 0.6  # this share of a team below 60% of own median the same week ...
    team_dip_min_reps: int = 3  # ... in a team of at least this many reps: a team-wide dip
    flag_weight: int = 2  # signals of primary rules must add up to this for a flag ...
    confirm_weeks: int = 2  # ... in this many weeks running, unless high or a deal-progress sign (1: at once)
    medium_weight: int = 3
    high_weight: int = 5

    @property
    def slide_history_weeks(self) -> int:
        """Weeks of activity a rep needs before the main rule can judge a slide against their usual level:
        its longest window and `index_min_weeks` of history before it (`rules.history` names the reps
        with fewer)."""
        window = self.slide_weeks_max if self.slide_test == "rhythm" else self.recent_weeks
        return window + self.index_min_weeks


DEFAULT = Thresholds()
