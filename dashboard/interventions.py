"""Early intervention on the database: this week's flags, flag episodes, acknowledgements, time off.

`evaluate` runs the rules of `dashboard.rules` for one week; `refresh_flags`
stores them as episodes (opened, last seen, resolved) so the leader view can
count how long help took; `acknowledge` records that a flag was discussed. An
acknowledged episode stays quiet until it persists `RESURFACE_WEEKS` weeks
past the acknowledgement or its severity rises.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import pandas as pd

from dashboard import db, metrics, roster, rules, targets
from dashboard.access import teams_param
from dashboard.metrics import monday
from dashboard.rules import Flag

HISTORY_WEEKS = 40  # weeks of history read for one evaluation (two baselines + recent window + slack)
RESURFACE_WEEKS = 3


def time_off(database: db.Database) -> pd.DataFrame:
    """Recorded time off: rep, date_from, date_to, note."""
    return database.run("time_off_list")


def add_time_off(
    database: db.Database,
    rep: str,
    date_from: dt.date,
    date_to: dt.date,
    note: str | None = None,
    *,
    by: str | None = None,
) -> None:
    """Records time off for a rep; weeks overlapping it are not judged."""
    if date_to < date_from:
        raise ValueError("time off ends before it starts")
    with database.transaction() as cur:
        db.execute(cur, "time_off_add", rep=rep, date_from=date_from, date_to=date_to, note=note)
        db.execute(cur, "change_log_add", what="time off", upload_id=None, by=by)


def evaluate(
    database: db.Database,
    week: dt.date | None = None,
    *,
    teams: Sequence[str] | None = None,
    cfg: rules.Thresholds = rules.DEFAULT,
) -> list[Flag]:
    """Flags for the week containing `week` (default: the latest week with data), most severe first.

    Team-wide dips are judged on whole teams, so the rules read every rep of the
    requested teams; `teams` limits what is read and returned.
    """
    week = monday(week) if week else roster.latest_week(database)
    if week is None:
        return []
    start = week - dt.timedelta(weeks=HISTORY_WEEKS)
    frame = metrics.weekly_metrics(database, start, week, teams=teams)
    if frame.empty:
        return []
    goals = targets.weekly_targets(database, start, week, teams=teams)
    return rules.evaluate_frames(frame, goals, week, time_off(database), cfg)


def _severity_rank(severity: str) -> int:
    return rules.SEVERITIES.index(severity)  # 0 = high


def refresh_flags(database: db.Database, week: dt.date | None = None) -> list[Flag]:
    """Evaluates `week` and stores the result as episodes; returns this week's flags.

    A flag continues the open episode of the same rep and kind; an open episode
    that this week no longer raises is resolved (kept as history).
    """
    week = monday(week) if week else roster.latest_week(database)
    if week is None:
        return []
    flags = evaluate(database, week)
    open_rows = database.run("flags_open")
    by_key = {(r.rep, r.kind): r for r in open_rows.itertuples()}
    with database.transaction() as cur:
        for flag in flags:
            signals = json.dumps([s.to_json() for s in flag.signals])
            row = by_key.pop((flag.rep, flag.kind), None)
            if row is None:
                db.execute(
                    cur,
                    "flag_open_insert",
                    rep=flag.rep,
                    team=flag.team,
                    kind=flag.kind,
                    week=week,
                    severity=flag.severity,
                    signals=signals,
                )
            else:
                worst = min(flag.severity, row.max_severity, key=_severity_rank)
                db.execute(
                    cur,
                    "flag_seen_update",
                    flag_id=int(row.flag_id),
                    week=week,
                    severity=flag.severity,
                    max_severity=worst,
                    signals=signals,
                )
        for row in by_key.values():
            if pd.Timestamp(row.last_seen_week).date() < week:
                db.execute(cur, "flag_resolve", flag_id=int(row.flag_id), week=week)
        db.execute(cur, "change_log_add", what="flags refreshed", upload_id=None, by=None)  # derived
    return flags


def of_teams(flags: Sequence[Flag], teams: Sequence[str] | None) -> list[Flag]:
    """The flags of reps in `teams` (None: all), as `evaluate(..., teams=teams)` would return them.

    Rules judge each team on its own reps only, so filtering all teams' flags gives the same result.
    """
    return list(flags) if teams is None else [f for f in flags if f.team in teams]


def needs_attention(database: db.Database, flags: Sequence[Flag]) -> list[tuple[Flag, dict | None]]:
    """This week's flags with their latest acknowledgement; acknowledged ones drop out
    until they persist `RESURFACE_WEEKS` weeks past it or their severity rises."""
    acks = {(r.rep, r.kind): r for r in database.run("flags_open").itertuples() if pd.notna(r.acked_week)}
    result = []
    for flag in flags:
        ack = acks.get((flag.rep, flag.kind))
        if ack is None:
            result.append((flag, None))
            continue
        acked_week = pd.Timestamp(ack.acked_week).date()
        info = {"week": acked_week, "severity": ack.acked_severity}
        rose = _severity_rank(flag.severity) < _severity_rank(ack.acked_severity)
        if rose or (flag.week - acked_week).days // 7 >= RESURFACE_WEEKS:
            result.append((flag, info))
    return result


def acknowledge(
    database: db.Database,
    rep: str,
    note: str,
    *,
    by: str | None = None,
    week: dt.date | None = None,
    kind: str = "slump",
) -> int:
    """Records that the rep's open flag was discussed ("discussed in 1:1 on …"); returns its id.

    Refreshes the week first, so acknowledging always refers to a stored episode.
    """
    week = monday(week) if week else roster.latest_week(database)
    if week is None:
        raise LookupError("no data yet")
    refresh_flags(database, week)
    rows = database.run("flags_open")
    match = rows[(rows["rep"] == rep) & (rows["kind"] == kind)]
    if match.empty:
        raise LookupError(f"{rep} has no open {kind} flag to acknowledge")
    row = match.iloc[0]
    with database.transaction() as cur:
        db.execute(
            cur,
            "flag_acknowledge",
            flag_id=int(row["flag_id"]),
            week=week,
            severity=row["severity"],
            note=note.strip() or "acknowledged",
            by_whom=by,
        )
        db.execute(cur, "change_log_add", what="flag acknowledged", upload_id=None, by=by)
    return int(row["flag_id"])


def flag_history(database: db.Database, teams: Sequence[str] | None = None) -> pd.DataFrame:
    """Every episode (open and resolved) with acknowledgement counts and weeks open."""
    frame = database.run("flag_history", teams=teams_param(teams))
    for column in ("opened_week", "last_seen_week", "resolved_week"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame
