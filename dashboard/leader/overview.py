"""Everything the leader page shows for one week: headline numbers, the expectation trend and spread,
the summaries, and the closing notes that say where the coaching system needs attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard import db, metrics, targets, trend
from dashboard.leader.expectations import Distribution, distribution, expectation_trend, judged
from dashboard.leader.frames import is_date, share
from dashboard.leader.measures import (
    DEFAULT_WEEKS,
    LAPSE_WEEKS,
    LEADER_BY_NAME,
    RECOVERY_WEEKS,
    TREND_WEEKS,
    UNFOLLOWED_SHARE,
    definition,
)
from dashboard.leader.numbers import number, percent, ratio
from dashboard.leader.records import CoachingRecords, coaching_records, focus_areas, focus_window
from dashboard.leader.summary import review_status, summary, summary_row_empty
from dashboard.metrics import monday
from dashboard.wording import count


@dataclass(frozen=True)
class Kpi:
    """One headline number with its definition."""

    name: str
    label: str
    value: str
    detail: str
    definition: str


@dataclass(frozen=True)
class LeaderOverview:
    """What the leader page shows for one week."""

    week: dt.date
    weeks: int
    kpis: list[Kpi]
    trend: pd.DataFrame  # expectation_trend over the trend weeks
    distribution: Distribution
    managers: pd.DataFrame  # summary by manager
    teams: pd.DataFrame  # summary by team
    reviews: pd.DataFrame  # review_status per team
    review_grid: pd.DataFrame  # review_weeks rows of the window
    records: CoachingRecords
    notes: list[str]


def kpis(rows: pd.DataFrame, org: pd.Series, week: dt.date, weeks: int) -> list[Kpi]:
    """The organisation's headline numbers (`org`: the single row of `summary(…, 'organisation')`)."""
    current = rows[rows["week"] == week]
    met = int((current["status"] == "met").sum())

    def kpi(name: str, value: str, detail: str) -> Kpi:
        return Kpi(name, LEADER_BY_NAME[name].label, value, detail, definition(name, weeks))

    return [
        kpi("expectations_met", percent(share(met, len(current))), f"{met} of {len(current)} this week"),
        kpi("one_on_ones_held", percent(org["one_on_ones_held"]),
            f"{number(org['one_on_ones'])} of {count(org['reps'], 'rep')} this week"),
        kpi("agendas_per_rep", number(org["agendas_per_rep"]),
            f"{count(org['agendas'], 'agenda')}, last {weeks} wks"),
        kpi("commitments_followed_up", percent(org["followed_up_share"]),
            f"{number(org['commitments_followed_up'])} of {number(org['commitments_due'])} due"),
        kpi("flags_open", number(org["flags_open"]),
            f"{number(org['flags_opened'])} opened, {number(org['flags_acknowledged'])} acknowledged, "
            f"{number(org['flags_resolved'])} resolved in {weeks} wks"),
        kpi("median_weeks_open", number(org["median_weeks_open"]),
            f"of {number(org['flags_resolved'])} resolved"),
        kpi("recognition_balance", ratio(org["recognition_balance"]),
            f"{number(org['recognition_items'])} recognition, {count(org['focus_items'], 'focus item')}"),
        kpi("coaching_effectiveness", percent(org["coaching_effectiveness"]),
            f"{number(org['focus_areas_recovered'])} of "
            f"{count(org['focus_areas_judged'], 'focus area')} recovered"),
        kpi("reviews_held", percent(org["reviews_held"]),
            f"{number(org['team_weeks_reviewed'])} of {number(org['team_weeks'])} team-weeks"),
    ]  # fmt: skip


def notes(records: CoachingRecords, managers: pd.DataFrame, reviews: pd.DataFrame) -> list[str]:
    """Plain sentences about where the coaching system needs attention (alphabetical), or that it runs."""
    found: list[str] = []
    for row in reviews.itertuples():
        if not row.exports_in:
            found.append(
                f"Exports not all in for {row.team}: the week needs its activity log and a pipeline snapshot."
            )
        if row.weeks_without_agenda < LAPSE_WEEKS:  # this week's one-on-ones may still be ahead
            continue
        if is_date(row.last_agenda_week):
            weeks = row.weeks_without_agenda
            found.append(
                f"Weekly review lapsed in {row.team}: no one-on-one agenda saved for the last {weeks} "
                f"weeks (the latest is for the week of {row.last_agenda_week:%d %b %Y})."
            )
        else:
            found.append(
                f"Weekly review lapsed in {row.team}: no one-on-one agenda saved in the last "
                f"{records.weeks} weeks."
            )
    for row in managers.itertuples():
        share = row.followed_up_share
        if row.commitments_due and share < UNFOLLOWED_SHARE:
            found.append(
                f"Commitments waiting for follow-up with {row.manager}: {row.commitments_followed_up} of "
                f"{count(row.commitments_due, 'commitment')} due in the last {records.weeks} weeks "
                + ("has a" if row.commitments_due == 1 else "have a")
                + " recorded follow-up."
            )
    if not found:
        found.append("Every team's weekly review is up to date and commitments are being followed up.")
    return found


def overview(
    database: db.Database,
    week: dt.date,
    *,
    weeks: int = DEFAULT_WEEKS,
    trend_weeks: int = TREND_WEEKS,
    teams: Sequence[str] | None = None,
) -> LeaderOverview:
    """Everything the leader page shows for `week`, for the teams the viewer may see."""
    week = monday(week)
    trend_from = week - dt.timedelta(weeks=trend_weeks - 1)
    focus_from = focus_window(week, weeks)[0] - dt.timedelta(weeks=RECOVERY_WEEKS)
    first = min(trend_from, focus_from)
    goals = targets.weekly_targets(database, trend_from, week, teams=teams)
    # what is read of the weeks: the metrics judged against a weekly expectation, and those coached
    judged_or_coached = {
        *goals.loc[goals["target"].notna(), "metric"].unique(),
        *focus_areas(database, week, weeks=weeks, teams=teams)["metric"],
    }
    values = metrics.weekly_metrics(database, first, week, teams=teams, names=tuple(judged_or_coached))
    # no week before a rep's first week with data is judged, as on the Team page
    values = trend.blank_before_data(values, trend.first_data_weeks(database), tuple(judged_or_coached))
    rows = judged(values[values["week"] >= trend_from], goals)
    records = coaching_records(database, week, weeks=weeks, teams=teams, values=values)
    org = summary(records, "organisation")
    managers = summary(records, "manager")
    reviews = review_status(records)
    org_row = org.iloc[0] if not org.empty else summary_row_empty()
    return LeaderOverview(
        week=week,
        weeks=weeks,
        kpis=kpis(rows, org_row, week, weeks),
        trend=expectation_trend(rows),
        distribution=distribution(rows, week),
        managers=managers,
        teams=summary(records, "team"),
        reviews=reviews,
        review_grid=records.reviews,
        records=records,
        notes=notes(records, managers, reviews),
    )
