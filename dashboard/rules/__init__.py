"""Early-intervention rules: explainable signals that a rep may need help, before results drop.

Pure functions over the weekly metrics frame (`metrics.weekly_metrics`) and the
targets frame (`targets.weekly_targets`), so they run without a database. Each
rule is one entry of `RULES` (adding a rule touches one place); every
threshold lives in `Thresholds`. Rules read every rep at once, a rep × week
grid (`Batch`) whose last week is the one under review, and return signals with
the evidence in numbers.

Each rep is compared with their own usual level (the median of recent months,
`windows`) and their own usual week-to-week swing (the mean absolute deviation
around that median, which settles faster than the median absolute deviation on
a quarter or two of weeks; never below what chance alone gives a count), so a
steady rep's dip counts for more than the same dip from a rep whose weeks
always vary. The main rule reads prospecting, calls and first meetings
together in the rep's own rhythm (`rhythm`: how far their weeks swing and how
much a cold week tends to be followed by another, from their own history) and
fires when the last 4 or 6 weeks slid further under their usual level than
that rhythm allows, and clearly in plain terms too (a fifth to a half under,
by the rep's usual range), and further than their work on open deals where the export shows it
(`mix`: a cold spell slows deal work as much); one-metric dips only add evidence. Open deals going
quiet are judged against what the rep's activity of the same weeks predicts (a
quiet spell touches fewer deals too).

Suppression before any rule runs (`grid`): weeks of recorded time off and
team-wide dips are left out of both the recent window and the baseline; a week
with almost nothing logged is left out of the activity metrics; weeks before a
rep's first data are not history (for the activity metrics, weeks before their
first activity logged). A rep with fewer weeks of activity than the main rule
reads is named as not judged yet (`history`), so a quiet week is no all-clear
for them. Ramping reps are held to the ramped targets
`weekly_targets` already gives.

Modules: `config` (thresholds), `findings` (Signal, Flag), `windows` (the
baseline windows, shared with the rep page), `rhythm` (each rep's rhythm and
slides in it; `mix` a slide against the rep's deal work; `slide_wording` its
evidence sentence), `batch` (the grid and each rep's levels), `grid` (frames →
batch, suppression), `rule` (registration), `activity` and `pipeline` (the rule
families), `evaluate` (RULES, flags), `history` (the reps too new to judge a slide yet).
"""

from dashboard.rules.activity import (
    below_baseline,
    consecutive_misses,
    leading_activity_down,
    leading_drop_results_fine,
    monday_call_avoidance,
    negative_trend,
)
from dashboard.rules.batch import Batch, LeadingIndex, Level, RepView
from dashboard.rules.config import (
    ACTIVITY_METRICS,
    DEFAULT,
    EXPECTATION_METRICS,
    LEADING_DECLINE_METRICS,
    SEVERITIES,
    UNREAD_METRICS,
    Thresholds,
)
from dashboard.rules.evaluate import (
    RULES,
    Review,
    check,
    check_batch,
    evaluate_frames,
    hygiene_signals,
    review_frames,
)
from dashboard.rules.findings import Flag, Signal, sort_flags
from dashboard.rules.grid import build_batch, build_views, usual_levels
from dashboard.rules.history import TooNew, too_little_history
from dashboard.rules.pipeline import (
    coverage_under_target,
    falling_win_rate,
    marketing_only,
    no_opportunities,
    open_deals_going_quiet,
)
from dashboard.rules.rule import Finding, Rule, rule
from dashboard.rules.windows import usual_level_by_week

__all__ = [
    "ACTIVITY_METRICS",
    "DEFAULT",
    "EXPECTATION_METRICS",
    "LEADING_DECLINE_METRICS",
    "RULES",
    "SEVERITIES",
    "UNREAD_METRICS",
    "Batch",
    "Finding",
    "Flag",
    "LeadingIndex",
    "Level",
    "RepView",
    "Review",
    "Rule",
    "Signal",
    "Thresholds",
    "TooNew",
    "below_baseline",
    "build_batch",
    "build_views",
    "check",
    "check_batch",
    "consecutive_misses",
    "coverage_under_target",
    "evaluate_frames",
    "falling_win_rate",
    "hygiene_signals",
    "leading_activity_down",
    "leading_drop_results_fine",
    "marketing_only",
    "monday_call_avoidance",
    "negative_trend",
    "no_opportunities",
    "open_deals_going_quiet",
    "review_frames",
    "rule",
    "sort_flags",
    "too_little_history",
    "usual_level_by_week",
    "usual_levels",
]
