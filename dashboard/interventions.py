"""Early intervention on the database: this week's flags, flag episodes, acknowledgements, time off.

`evaluate` runs the rules of `dashboard.rules` for one week (`review`: with the reps
too new to judge yet); `record`, called
after every upload and undo (and by `dashboard interventions --refresh`),
reviews the weeks since the last review in order and stores their flags as
episodes (opened, last seen, resolved), so the leader view can count how long
help took and the history depends on the data alone, not on who opened which
page when. `review_rep_again` judges one rep's reviewed weeks afresh when their
time off changes (`dashboard.time_off`). Pages only read. `acknowledge` records
that a flag was discussed: an acknowledged episode stays quiet from that week on
until it persists `RESURFACE_WEEKS` weeks past the acknowledgement or its
severity rises.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from dashboard import db, metrics, roster, rules, targets
from dashboard.access import teams_param
from dashboard.metrics import monday
from dashboard.rules import Flag

if TYPE_CHECKING:
    import duckdb

HISTORY_WEEKS = 40  # weeks of history read for one evaluation (two baselines + recent window + slack)
RESURFACE_WEEKS = 3
RULE_METRICS = tuple(m for m in metrics.METRIC_NAMES if m not in rules.UNREAD_METRICS)  # what the rules read
FIRST_REVIEW_WEEKS = 4  # a store's first review looks back this many weeks (each costs a rules run)


def time_off(database: db.Database) -> pd.DataFrame:
    """Recorded time off: rep, date_from, date_to, note, time_off_id (`dashboard.time_off` writes it)."""
    return database.run("time_off_list")


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
    return review(database, week, teams=teams, cfg=cfg).flags


def review(
    database: db.Database,
    week: dt.date | None = None,
    *,
    teams: Sequence[str] | None = None,
    cfg: rules.Thresholds = rules.DEFAULT,
) -> rules.Review:
    """`evaluate`'s flags with the reps the rules could not judge yet for too little history."""
    week = monday(week) if week else roster.latest_week(database)
    if week is None:
        return rules.Review([], [])
    return review_weeks(database, [week], teams=teams, cfg=cfg)[week]


def evaluate_weeks(
    database: db.Database,
    weeks: Sequence[dt.date],
    *,
    teams: Sequence[str] | None = None,
    cfg: rules.Thresholds = rules.DEFAULT,
) -> dict[dt.date, list[Flag]]:
    """Flags of several weeks (Mondays), each as `evaluate` gives it, from one read of the data."""
    return {week: found.flags for week, found in review_weeks(database, weeks, teams=teams, cfg=cfg).items()}


def review_weeks(
    database: db.Database,
    weeks: Sequence[dt.date],
    *,
    teams: Sequence[str] | None = None,
    cfg: rules.Thresholds = rules.DEFAULT,
) -> dict[dt.date, rules.Review]:
    """Reviews of several weeks (Mondays), each as `review` gives it, from one read of the data."""
    if not weeks:
        return {}
    start = min(weeks) - dt.timedelta(weeks=HISTORY_WEEKS)
    frame = metrics.weekly_metrics(database, start, max(weeks), teams=teams, names=RULE_METRICS)
    if frame.empty:
        return {week: rules.Review([], []) for week in weeks}
    goals = targets.weekly_targets(database, start, max(weeks), teams=teams)
    off = time_off(database)
    reviewed = {}
    for week in weeks:  # each week sees the same window of history as on its own
        window = frame[(frame["week"] >= week - dt.timedelta(weeks=HISTORY_WEEKS)) & (frame["week"] <= week)]
        reviewed[week] = rules.review_frames(window, goals, week, off, cfg)
    return reviewed


def record(database: db.Database) -> list[dt.date]:
    """Reviews every week from the last reviewed one (at first the last `FIRST_REVIEW_WEEKS` weeks
    with data) through the latest, in order, and stores their flags; returns the weeks reviewed.

    The last reviewed week is reviewed again (its data may have grown). When undo took the latest
    data away, nothing is reviewed: what was recorded stays history.
    """
    with database.writing():  # one recorder at a time: reviews go forward, never interleaved
        span = roster.data_span(database)
        if span is None:
            return []
        earliest, latest = span
        last = last_review(database)
        if last is not None and last > latest:
            return []
        # at first, the last few weeks with data (no flag can come before the data)
        first = last or max(earliest, latest - dt.timedelta(weeks=FIRST_REVIEW_WEEKS - 1))
        weeks = [first + dt.timedelta(weeks=n) for n in range((latest - first).days // 7 + 1)]
        for week, flags in evaluate_weeks(database, weeks).items():
            store_review(database, week, flags)
        with database.transaction() as cur:  # pages cached on the data's version read the new episodes
            db.execute(cur, "change_log_add", what="flags recorded", upload_id=None, by=None)  # derived
    return weeks


def _severity_rank(severity: str) -> int:
    return rules.SEVERITIES.index(severity)  # 0 = high


def store_review(database: db.Database, week: dt.date, flags: Sequence[Flag]) -> None:
    """Stores one reviewed week's flags (`record` reviews weeks in order): a flag continues the
    open episode of the same rep and kind; an open episode this week no longer raises is resolved
    (kept as history)."""
    with database.transaction() as cur:
        _store_week(cur, week, flags, db.execute(cur, "flags_open").df())
        db.execute(cur, "flag_review_add", week=week)


def _store_week(
    cur: duckdb.DuckDBPyConnection, week: dt.date, flags: Sequence[Flag], open_rows: pd.DataFrame
) -> None:
    """`store_review`'s bookkeeping on an open transaction, for the episodes in `open_rows`."""
    by_key = {(r.rep, r.kind): r for r in open_rows.itertuples()}
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


def review_rep_again(
    database: db.Database, rep: str, since: dt.date, *, by: str | None = None
) -> list[dt.date]:
    """Reviews one rep's already reviewed weeks again from the week containing `since`, after
    something that changes how they are judged (time off recorded or removed); returns the weeks.

    The rep's stored episodes go back to how the week before left them (episodes opened since are
    dropped, those alive then are open again), then each week through the last review is judged
    afresh, in order, as `record` does. Acknowledgements of dropped episodes go to the episode
    their week now belongs to (none: the flag is gone, and so is its acknowledgement). Other reps'
    episodes are left alone. Weeks not reviewed yet are left to `record`.
    """
    with database.writing():  # one recorder at a time, as in `record`
        last = last_review(database)
        first = database.records("flag_review_first")[0]["week"]
        if last is None or first is None:
            return []
        start = max(monday(since), first)
        if start > last:
            return []
        weeks = [start + dt.timedelta(weeks=n) for n in range((last - start).days // 7 + 1)]
        team = next((r["team"] for r in roster.rep_records(database) if r["rep"] == rep), None)
        flagged = evaluate_weeks(database, weeks, teams=[team] if team else None)
        with database.transaction() as cur:
            acks = db.execute(cur, "flag_rewind_acks", rep=rep, week=start).df()
            db.execute(cur, "flag_rewind_delete_acks", rep=rep, week=start)
            db.execute(cur, "flag_rewind_delete", rep=rep, week=start)
            db.execute(cur, "flag_rewind_reopen", rep=rep, week=start)
            for week in weeks:
                open_rows = db.execute(cur, "flags_open").df()
                mine = [f for f in flagged[week] if f.rep == rep]
                _store_week(cur, week, mine, open_rows[open_rows["rep"] == rep])
            for ack in acks.itertuples():
                week = pd.Timestamp(ack.week).date()
                found = db.execute(cur, "flag_episode_at", rep=rep, kind=ack.kind, week=week).fetchone()
                if found is not None:
                    db.execute(
                        cur, "flag_acknowledgement_restore", flag_id=int(found[0]), week=week,
                        severity=ack.severity, note=ack.note, by_whom=ack.by_whom, acked_at=ack.acked_at,
                    )  # fmt: skip
            db.execute(cur, "change_log_add", what=f"flags of {rep} reviewed again", upload_id=None, by=by)
    return weeks


def last_review(database: db.Database) -> dt.date | None:
    """The latest week whose flags were reviewed and stored (None before the first review)."""
    return database.records("flag_review_last")[0]["week"]


def stored_open_signals(database: db.Database, rep: str, week: dt.date) -> list[dict] | None:
    """The rep's slump evidence, then their hygiene note's (each signal with its flag's severity and
    kind), as stored when `week` was reviewed last; None when the last review was of another week."""
    if last_review(database) != week:
        return None
    return [
        {**signal, "severity": row.severity, "kind": row.kind}
        for row in database.run("flag_stored_open", rep=rep, week=week).itertuples()
        for signal in json.loads(row.signals)
    ]


def of_teams(flags: Sequence[Flag], teams: Sequence[str] | None) -> list[Flag]:
    """The flags of reps in `teams` (None: all), as `evaluate(..., teams=teams)` would return them.

    Rules judge each team on its own reps only, so filtering all teams' flags gives the same result.
    """
    return list(flags) if teams is None else [f for f in flags if f.team in teams]


def needs_attention(database: db.Database, flags: Sequence[Flag]) -> list[tuple[Flag, dict | None]]:
    """The flags with the acknowledgement resting them, if it no longer does; a flag acknowledged in
    its episode by its week drops out until it persists `RESURFACE_WEEKS` weeks past the
    acknowledgement or its severity rises. An acknowledgement rests a flag from its week on, not before:
    looking back at an earlier week still shows it."""
    acks_by_week: dict[dt.date, dict[tuple[str, str], tuple]] = {}
    result = []
    for flag in flags:
        if flag.week not in acks_by_week:
            rows = database.run("flag_acks_as_of", week=flag.week).itertuples()
            acks_by_week[flag.week] = {(r.rep, r.kind): r for r in rows}
        ack = acks_by_week[flag.week].get((flag.rep, flag.kind))
        if ack is None:
            result.append((flag, None))
            continue
        info = {"week": pd.Timestamp(ack.acked_week).date(), "severity": ack.acked_severity}
        rose = _severity_rank(flag.severity) < _severity_rank(ack.acked_severity)
        if rose or (flag.week - info["week"]).days // 7 >= RESURFACE_WEEKS:
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
    """Records that the rep's flag of that week was discussed ("discussed in 1:1 on …"); returns its id.

    The flag's episode is the stored one the week belongs to; weeks not reviewed yet are reviewed first.
    """
    week = monday(week) if week else roster.latest_week(database)
    if week is None:
        raise LookupError("no data yet")
    found = database.run("flag_episode_at", rep=rep, kind=kind, week=week)
    if found.empty and record(database):
        found = database.run("flag_episode_at", rep=rep, kind=kind, week=week)
    if found.empty:
        raise LookupError(f"{rep} has no {kind} flag in the week of {week:%d %b %Y} to acknowledge")
    row = found.iloc[0]
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
