"""The leader view: does the organisation run on a positive culture of accountability?

Two questions, answered from the data and the coaching records:

* Are the clear expectations met? The share of reps meeting each weekly
  expectation, week by week, and how a week's attainment is spread.
* Does the coaching system run? Per manager and per team: one-on-ones held,
  agendas prepared, commitments followed up, intervention flags opened,
  acknowledged and resolved, the balance of recognition and correction, whether
  agreed focus areas recovered, and whether the weekly review took place.

Every measure is declared once in `LEADER_METRICS` with a definition a leader
can read. Tables are alphabetical: the view describes the system, it does not
rank people. Every data call takes `teams` (the teams the viewer may see,
None for all) and the queries filter on it.
"""

from dashboard.leader.charts import LeaderPage, page
from dashboard.leader.expectations import Distribution, distribution, expectation_trend, judged
from dashboard.leader.measures import (
    DEFAULT_WEEKS,
    GROUPINGS,
    LEADER_BY_NAME,
    LEADER_METRICS,
    NO_MANAGER,
    ORGANISATION,
    RECOVERY_WEEKS,
    STATUSES,
    TREND_WEEKS,
    LeaderMetric,
    definition,
    definitions,
)
from dashboard.leader.numbers import number, percent, ratio
from dashboard.leader.overview import Kpi, LeaderOverview, kpis, notes, overview
from dashboard.leader.records import (
    CoachingRecords,
    coaching_records,
    focus_window,
    recovery,
    review_weeks,
    window,
)
from dashboard.leader.summary import rep_table, review_status, summary, summary_row_empty
from dashboard.leader.tables import SUMMARY_HELP, rep_display, review_table, summary_table

__all__ = [
    "DEFAULT_WEEKS", "GROUPINGS", "LEADER_BY_NAME", "LEADER_METRICS", "NO_MANAGER", "ORGANISATION",
    "RECOVERY_WEEKS", "STATUSES", "SUMMARY_HELP", "TREND_WEEKS", "CoachingRecords", "Distribution", "Kpi",
    "LeaderMetric", "LeaderOverview", "LeaderPage", "coaching_records", "definition", "definitions",
    "distribution", "expectation_trend", "focus_window", "judged", "kpis", "notes", "number", "overview",
    "page", "percent", "ratio", "recovery", "rep_display", "rep_table", "review_status", "review_table",
    "review_weeks", "summary", "summary_row_empty", "summary_table", "window",
]  # fmt: skip
