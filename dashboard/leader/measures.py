"""The leader view's measures: the coaching window, each measure's name, label and definition."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_WEEKS = 8  # the coaching window: "the last 8 weeks"
TREND_WEEKS = 13  # weeks shown in the share-meeting trend
RECOVERY_WEEKS = 4  # a focus area is judged on the 4 weeks before and after its agreement
LAPSE_WEEKS = 2  # weeks in a row without any agenda before a team's weekly review counts as lapsed
UNFOLLOWED_SHARE = 0.5  # the closing note names managers with fewer commitments followed up
ORGANISATION = "All teams"
NO_MANAGER = "no manager recorded"
GROUPINGS = ("organisation", "manager", "team")
STATUSES = ("met", "near", "below")


@dataclass(frozen=True)
class LeaderMetric:
    """One measure of the leader view and how to read it."""

    name: str
    label: str
    definition: str  # may mention {weeks}, the coaching window


LEADER_METRICS: tuple[LeaderMetric, ...] = (
    LeaderMetric(
        "expectations_met", "Expectations met",
        "Of the weekly expectations that applied to a rep that week and had a value to judge, the share "
        "met (✓ met, as on the team page). Counted: targets with a weekly reading (a daily or weekly "
        "count, or a level such as win rate or pipeline coverage); month, quarter and year counts are "
        "followed as pace on the team page instead."),
    LeaderMetric(
        "one_on_ones_held", "One-on-ones held",
        "Reps with a saved agenda for the week ÷ reps on the team that week."),
    LeaderMetric(
        "agendas_per_rep", "Agendas prepared per rep",
        "Saved agendas in the last {weeks} weeks (one per rep and week, however many versions) ÷ reps "
        "on the team in the selected week."),
    LeaderMetric(
        "commitments_followed_up", "Commitments followed up",
        "Commitments due in the last {weeks} weeks (up to the selected week's Sunday) with a follow-up "
        "recorded (done, partly or not yet) by the selected week ÷ commitments due."),
    LeaderMetric(
        "flags_opened", "Flags opened",
        "Early-intervention flag episodes that opened in the last {weeks} weeks."),
    LeaderMetric(
        "flags_acknowledged", "Flags acknowledged",
        "Of the flag episodes opened in the last {weeks} weeks, those discussed (acknowledged) by the "
        "selected week."),
    LeaderMetric(
        "flags_resolved", "Flags resolved",
        "Flag episodes resolved in the last {weeks} weeks (a later review no longer raised them)."),
    LeaderMetric(
        "flags_open", "Flags open",
        "Flag episodes still open at the end of the selected week."),
    LeaderMetric(
        "median_weeks_open", "Median weeks open",
        "Median number of weeks from opening to resolution of the flag episodes resolved in the last "
        "{weeks} weeks."),
    LeaderMetric(
        "recognition_balance", "Recognition to correction",
        "Recognition items ÷ focus (correction) items in the agendas saved for the last {weeks} weeks "
        "(the current version of each), written as 'r : 1'."),
    LeaderMetric(
        "coaching_effectiveness", "Coaching effectiveness",
        "Of the focus areas agreed in the {weeks} weeks whose four following weeks are complete, the "
        "share whose metric recovered: the mean of the 4 weeks after the agreement week is better than "
        "the mean of the 4 weeks up to and including it (higher, or lower where lower is better)."),
    LeaderMetric(
        "reviews_held", "Weekly reviews held",
        "Team-weeks in the last {weeks} weeks whose exports are in (activity logged that week and a "
        "pipeline snapshot describing it) and with at least one agenda saved ÷ team-weeks."),
)  # fmt: skip

LEADER_BY_NAME: dict[str, LeaderMetric] = {m.name: m for m in LEADER_METRICS}


def definition(name: str, weeks: int = DEFAULT_WEEKS) -> str:
    """The definition of a leader measure, with the coaching window filled in."""
    return LEADER_BY_NAME[name].definition.format(weeks=weeks)


def definitions(weeks: int = DEFAULT_WEEKS) -> dict[str, str]:
    """Label -> definition of every leader measure (for the page's closing note)."""
    return {m.label: definition(m.name, weeks) for m in LEADER_METRICS}
