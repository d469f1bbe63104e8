"""The coaching records a leader reads for one week and the window before it: reps, agendas,
commitments, flag episodes, focus areas judged for recovery, and weekly reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import coaching, db, metrics, trend
from dashboard.leader.frames import dates, is_date, managers, teams_scope
from dashboard.leader.measures import DEFAULT_WEEKS, RECOVERY_WEEKS
from dashboard.metrics import BY_NAME, monday


@dataclass(frozen=True)
class CoachingRecords:
    """The coaching records a leader reads for one week and the window before it."""

    week: dt.date
    weeks: int
    reps: pd.DataFrame  # rep, team, manager: reps on a team in `week`
    agendas: pd.DataFrame  # rep, team, manager, week, recognition_items, focus_items (current versions)
    commitments: pd.DataFrame  # rep, team, manager, commitment_id, week, due_date, status, followed_up
    flags: pd.DataFrame  # flag episodes with opened_in_window, acknowledged, resolved_in_window, open_at_week
    focus: pd.DataFrame  # focus areas judged: rep, team, manager, week, metric, before, after, recovered
    reviews: pd.DataFrame  # team, manager, week, reps, activity_loaded, pipeline_loaded, agenda_saved …


def window(week: dt.date, weeks: int = DEFAULT_WEEKS) -> tuple[dt.date, dt.date]:
    """Mondays of the first and last week of the coaching window ending with `week`."""
    week = monday(week)
    return week - dt.timedelta(weeks=weeks - 1), week


def focus_window(week: dt.date, weeks: int = DEFAULT_WEEKS) -> tuple[dt.date, dt.date]:
    """Agreement weeks judged for coaching effectiveness: `weeks` weeks whose 4 weeks after are complete."""
    last = monday(week) - dt.timedelta(weeks=RECOVERY_WEEKS)
    return last - dt.timedelta(weeks=weeks - 1), last


def recovery(focus: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """Each focus area with the mean of its metric over the 4 weeks up to and including the agreement
    week (`before`), over the 4 weeks after it (`after`), and whether it `recovered` (NaN: not judged, as
    with under `coaching.MIN_WEEKS_BEFORE` weeks of data before)."""
    before, after, recovered = [], [], []
    wanted = values[values["rep"].isin(set(focus["rep"]))]  # only the reps with a focus area to judge
    by_rep = {rep: frame.set_index("week") for rep, frame in wanted.groupby("rep")}
    for row in focus.itertuples():
        entry = BY_NAME.get(row.metric)
        series = by_rep.get(row.rep)
        if entry is None or series is None:
            before.append(np.nan), after.append(np.nan), recovered.append(np.nan)
            continue
        last = row.week + dt.timedelta(weeks=RECOVERY_WEEKS)
        found = coaching.levels(series[entry.name], row.week, RECOVERY_WEEKS, last)
        before.append(found.before)
        after.append(found.since)
        if found.judged:
            recovered.append(coaching.moved(found.before, found.since, entry.higher_is_better))
        else:
            recovered.append(np.nan)
    return focus.assign(before=before, after=after, recovered=pd.Series(recovered, dtype=object).values)


def review_weeks(
    database: db.Database, from_week: dt.date, to_week: dt.date, *, teams: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per team and week: exports in (activity and pipeline), agendas saved, and whether it was reviewed.

    Columns: team, manager, week, reps, activity_loaded, pipeline_loaded, exports_in, reps_with_agenda,
    agenda_saved, reviewed (exports in and at least one agenda saved).
    """
    frame = database.run(
        "leader_review_weeks", from_week=monday(from_week), to_week=monday(to_week), teams=teams_scope(teams)
    )
    frame = managers(dates(frame, "week"))
    frame["exports_in"] = frame["activity_loaded"] & frame["pipeline_loaded"]
    frame["agenda_saved"] = frame["reps_with_agenda"] > 0
    frame["reviewed"] = frame["exports_in"] & frame["agenda_saved"]
    return frame


def focus_areas(
    database: db.Database, week: dt.date, *, weeks: int = DEFAULT_WEEKS, teams: Sequence[str] | None = None
) -> pd.DataFrame:
    """The focus areas whose recovery the coaching records of `week` judge (agreed in `focus_window`)."""
    agreed_from, agreed_to = focus_window(week, weeks)
    return database.run(
        "leader_focus_areas", from_week=agreed_from, to_week=agreed_to, teams=teams_scope(teams)
    )


def coaching_records(
    database: db.Database,
    week: dt.date,
    *,
    weeks: int = DEFAULT_WEEKS,
    teams: Sequence[str] | None = None,
    values: pd.DataFrame | None = None,
) -> CoachingRecords:
    """Reads the coaching records of the window ending with `week` (`values`: weekly metrics covering
    the focus areas' weeks, read here when not given)."""
    first, week = window(week, weeks)
    scope = teams_scope(teams)
    reps = managers(database.run("leader_rep_weeks", from_week=week, to_week=week, teams=scope))
    reps = reps.drop(columns="week")
    agendas = database.run("leader_agendas", from_week=first, to_week=week, teams=scope)
    agendas = managers(dates(agendas, "week"))
    commitments = database.run("leader_commitments", from_week=first, to_week=week, teams=scope)
    commitments = managers(dates(commitments, "week", "due_date", "followed_up_week"))
    commitments["followed_up"] = (commitments["status"] != "open") & commitments["followed_up_week"].map(
        lambda w: is_date(w) and w <= week
    )
    flags = database.run("leader_flag_episodes", to_week=week, teams=scope)
    flags = managers(dates(flags, "opened_week", "last_seen_week", "resolved_week", "first_acked_week"))
    in_window = flags["opened_week"].map(lambda w: first <= w <= week)
    resolved_by = flags["resolved_week"].map(lambda w: is_date(w) and w <= week)
    flags["opened_in_window"] = in_window
    flags["acknowledged"] = in_window & flags["first_acked_week"].map(lambda w: is_date(w))
    flags["resolved_in_window"] = flags["resolved_week"].map(lambda w: is_date(w) and first <= w <= week)
    flags["open_at_week"] = ~resolved_by
    flags["weeks_open"] = [
        (r - o).days // 7 if is_date(r) else np.nan
        for o, r in zip(flags["opened_week"], flags["resolved_week"], strict=True)
    ]
    agreed_from = focus_window(week, weeks)[0]
    focus = managers(dates(focus_areas(database, week, weeks=weeks, teams=teams), "week", "due_date"))
    if values is None:
        values = metrics.weekly_metrics(
            database, agreed_from - dt.timedelta(weeks=RECOVERY_WEEKS), week, teams=scope
        )
        values = trend.blank_before_data(values, trend.first_data_weeks(database))  # as the overview reads
    focus = recovery(focus, values)
    reviews = review_weeks(database, first, week, teams=scope)
    return CoachingRecords(week, weeks, reps, agendas, commitments, flags, focus, reviews)
