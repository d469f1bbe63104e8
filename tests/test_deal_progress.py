"""Leading signs of a falling win rate, from exports: open deals that stop moving through their stages are
flagged before the wins fall; a rep whose deals progress as usual is not.

Weekly pipeline snapshots are written as one Salesforce opportunity report with a "Snapshot Date" column
(as a reporting snapshot gives it) and loaded through the real ingest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from dashboard import interventions, metrics
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard.rules import DEFAULT, build_batch
from dashboard.rules.deal_progress import deals_stalling, meetings_not_converting
from dashboard.rules.moving_on import buyers_not_moving_on

W0 = dt.date(2025, 1, 6)  # a Monday
WEEKS = 27
STALL = 20  # from this week Alex's open deals stop moving; those closing from STALL + 6 on are lost
STAGES = ("Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review")
CYCLE = 12  # weeks from created to close: 3 weeks in each stage


COLD = range(STALL - 6, STALL - 1)  # Cole's cold spell: 40% of his usual activity, his deals left alone


def _stage(rep: str, created: int, week: int) -> str:
    """The stage a deal created in week `created` shows in week `week`'s snapshot (Cole's deals do not
    move in his cold spell, and move on again after it)."""
    moved_until = week if rep != "Alex Stall" else min(week, STALL)
    age = max(moved_until - created, 0)
    if rep == "Cole Cold":
        age -= sum(1 for w in COLD if created <= w < week)
    if week >= created + CYCLE:
        lost = rep == "Alex Stall" and created + CYCLE >= STALL + 6
        return "Closed Lost" if lost or created % 3 else "Closed Won"
    return STAGES[min(max(age, 0) // 3, len(STAGES) - 1)]


def _report(reps: list[str]) -> str:
    header = (
        '"Opportunity Owner","Account Name","Opportunity Name","Amount","Close Date","Created Date","Stage",'
    )
    header += '"Opportunity ID","Snapshot Date"'
    rows = [header]
    for week in range(WEEKS):
        friday = W0 + dt.timedelta(weeks=week, days=4)  # a snapshot taken on Friday describes its own week
        for rep in reps:
            for created in range(week - CYCLE - 2, week + 1):
                made = W0 + dt.timedelta(weeks=created, days=1)
                close = made + dt.timedelta(weeks=CYCLE)
                account = f"{rep.split()[0]} Account {created + 20}"
                dates = f'"{close:%m/%d/%Y}","{made:%m/%d/%Y}"'
                rows.append(
                    f'"{rep}","{account}","{account} - Platform","30000",{dates},'
                    f'"{_stage(rep, created, week)}","{rep[0]}{created + 20:03d}","{friday:%m/%d/%Y}"'
                )
    return "\n".join(rows) + "\n"


def _activities(rep: str) -> str:
    """Every week 25 calls, 5 prospecting blocks and 3 first meetings; 40% of that in Cole's cold spell."""
    rows = ["activity_id,rep,date,type,subject,duration_minutes,outcome,account"]
    for w in range(WEEKS):
        monday = W0 + dt.timedelta(weeks=w)
        share = 0.4 if rep == "Cole Cold" and w in COLD else 1.0
        for kind, subject, minutes, count in (
            ("Call", "Call", 5, 25),
            ("Prospecting block", "Prospecting", 90, 5),
            ("Meeting", "First meeting", 45, 3),
        ):
            for k in range(round(count * share)):
                day = monday + dt.timedelta(days=k % 5)
                rows.append(
                    f"{rep[0]}{w}-{subject[0]}{k},{rep},{day},{kind},{subject},{minutes},,Lead {w}-{k}"
                )
    return "\n".join(rows) + "\n"


def _load(database: Database, write) -> None:
    roster = (
        "rep,email,team,manager,start_date\n"
        "Dana Steady,dana@example.com,East,Mia Ford,2024-01-08\n"
        "Alex Stall,alex@example.com,East,Mia Ford,2024-01-08\n"
    )
    for path in (write("roster.csv", roster), write("pipeline.csv", _report(["Dana Steady", "Alex Stall"]))):
        result = ingest_file(database, path)
        assert result.status == "loaded" and result.rows_rejected == 0, result.message


def _expected_share(week: int) -> float:
    """Alex's open deals in `week` that have not moved for 4 weeks: each deal's stage counted from the first
    of the snapshots showing it there (week 0 for a deal already open then), as the query reads them."""
    open_deals = [c for c in range(week - CYCLE - 2, week + 1) if week < c + CYCLE]
    stalled = 0
    for c in open_deals:
        seen = list(range(max(c, 0), week + 1))
        stages = [_stage("Alex Stall", c, w) for w in seen]
        since = seen[max(i for i in range(len(stages)) if i == 0 or stages[i] != stages[i - 1])]
        stalled += week - since >= 4
    return stalled / len(open_deals)


def test_deals_that_stop_moving_are_flagged_before_the_wins_fall_and_steady_progress_is_not(
    database: Database, write
) -> None:
    _load(database, write)
    frame = metrics.weekly_metrics(database, W0, W0 + dt.timedelta(weeks=WEEKS - 1))
    share = frame.pivot(index="week", columns="rep", values="open_deals_stalled")
    assert (share["Dana Steady"].dropna() == 0).all() and share["Dana Steady"].notna().sum() == WEEKS
    for week in range(STALL, WEEKS):  # 3 weeks in each stage: never 4, until Alex's deals stop moving
        got = share.loc[W0 + dt.timedelta(weeks=week), "Alex Stall"]
        assert abs(got - _expected_share(week)) < 1e-9, (week, got)
    weeks = {W0 + dt.timedelta(weeks=week): week for week in range(STALL, STALL + 5)}
    found = {
        weeks[monday]: {f.rep: f for f in flags if f.kind == "slump"}
        for monday, flags in interventions.evaluate_weeks(database, list(weeks)).items()
    }
    assert all("Dana Steady" not in reps for reps in found.values())
    flagged = [w for w, reps in found.items() if "Alex Stall" in reps]
    assert flagged and flagged[0] >= STALL + 2, flagged  # once deals have sat in their stage 2–4 weeks
    signals = {s.rule: s for s in found[flagged[0]]["Alex Stall"].signals}
    assert "falling_win_rate" not in signals  # no deal lost yet: before the wins fall
    detail = signals["deals_stalling"].detail
    assert detail.startswith("open deals stalled (4 weeks or more in one stage) "), detail
    assert "vs usually about 1%" in detail and "next step" in detail, detail


def test_deals_stalled_by_a_cold_spell_that_has_ended_are_left_to_the_activity_rules(
    database: Database, write
) -> None:
    """Cole's deals stopped moving in a 5-week cold spell (40% of his calls, prospecting and meetings)
    that ended 2 weeks ago: in the 4 weeks read his activity is back to usual, but the stalled deals are
    those of the cold spell, so stalling is not judged as a sign of its own; a steady rep's are."""
    roster = "rep,email,team,manager,start_date\nCole Cold,cole@example.com,East,Mia Ford,2024-01-08\n"
    files = {
        "roster.csv": roster,
        "pipeline.csv": _report(["Cole Cold"]),
        "activities.csv": _activities("Cole Cold"),
    }
    for name, text in files.items():
        result = ingest_file(database, write(name, text))
        assert result.status == "loaded" and result.rows_rejected == 0, result.message
    weeks = [W0 + dt.timedelta(weeks=w) for w in range(STALL, STALL + 4)]
    cfg = dataclasses.replace(DEFAULT, flag_weight=9)  # the rule's own finding, not the flag it joins
    batch = build_batch(metrics.weekly_metrics(database, W0, weeks[-1]), None, None, cfg)
    for t in range(batch.weeks.size - 4, batch.weeks.size):
        assert deals_stalling.signals(batch.upto(t)) == {}, batch.weeks[t]
    share = metrics.weekly_metrics(database, weeks[0], weeks[0])["open_deals_stalled"].iloc[0]
    assert share >= 0.5  # half the open deals stalled, as the weeks read show


def _meeting_weeks(converted: list[float]) -> pd.DataFrame:
    """One rep's weeks: 4 first meetings a week, `converted` of them becoming opportunities each week."""
    weeks = [W0 + dt.timedelta(weeks=w) for w in range(len(converted))]
    return pd.DataFrame(
        {
            "rep": "Rae",
            "team": "East",
            "week": weeks,
            "first_meetings": 4.0,
            "opportunities_created": converted,
            "calls": 25.0,
        }
    )


USUAL = [2.0, 2.0, 1.0, 3.0] * 6  # half of the 4 weekly first meetings become opportunities
STOPPED = [*USUAL, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
AS_USUAL = [*USUAL, 2.0, 1.0, 2.0, 3.0, 1.0, 2.0]


def test_first_meetings_that_stop_becoming_opportunities_are_flagged_and_usual_ones_are_not() -> None:
    assert not meetings_not_converting.signals(build_batch(_meeting_weeks(AS_USUAL), None, None, DEFAULT))
    [[signal]] = meetings_not_converting.signals(
        build_batch(_meeting_weeks(STOPPED), None, None, DEFAULT)
    ).values()
    assert signal.detail.startswith(
        "1 opportunity from 24 first meetings in the last 6 weeks, where about 12 would be usual: unlikely"
    ), signal.detail


SLOW = 22  # from this week Bea's first meetings turn into opportunities half as often and her deals move on
# at half the pace (buyers not convinced); Dana's go on as before
MOVING_WEEKS = 28
STAGE_WEEKS = 3  # weeks a deal usually spends in each stage


def _made(rep: str, week: int) -> int:
    """Opportunities created in `week` from its 4 first meetings: 2, or 1 once Bea's buyers slow down."""
    return 1 if rep == "Bea Slow" and week >= SLOW else 2


def _moving_stage(rep: str, created: int, week: int) -> str:
    """The stage a deal shows in `week`'s snapshot: one stage every 3 weeks of progress, Bea's progress at
    half pace from SLOW on; closed 12 weeks after it was created."""
    if week >= created + CYCLE:
        return "Closed Won" if created % 3 == 0 else "Closed Lost"
    progress = float(week - created)
    if rep == "Bea Slow":
        progress -= max(week - max(created, SLOW), 0) / 2
    return STAGES[min(int(progress // STAGE_WEEKS), len(STAGES) - 1)]


def _deals(rep: str, week: int) -> list[tuple[int, int]]:
    """(created week, number) of the rep's deals in `week`'s snapshot: those of the 14 weeks before."""
    return [(c, k) for c in range(week - CYCLE - 2, week + 1) for k in range(_made(rep, c))]


def _moving_files(reps: list[str]) -> tuple[str, str]:
    """A weekly Salesforce opportunity report and an activity log: every week 25 calls (one on the account
    of each open deal), 5 prospecting blocks and 4 first meetings."""
    header = '"Opportunity Owner","Account Name","Opportunity Name","Amount","Close Date","Created Date",'
    report = [header + '"Stage","Opportunity ID","Snapshot Date"']
    log = ["activity_id,rep,date,type,subject,duration_minutes,outcome,account"]
    for week in range(MOVING_WEEKS):
        monday = W0 + dt.timedelta(weeks=week)
        friday = monday + dt.timedelta(days=4)
        for rep in reps:
            accounts = []
            for created, k in _deals(rep, week):
                made = W0 + dt.timedelta(weeks=created, days=1)
                close = made + dt.timedelta(weeks=CYCLE)
                account = f"{rep.split()[0]} Account {created + 20}-{k}"
                stage = _moving_stage(rep, created, week)
                accounts += [account] if not stage.startswith("Closed") else []
                report.append(
                    f'"{rep}","{account}","{account} - Platform","30000",'
                    f'"{close:%m/%d/%Y}","{made:%m/%d/%Y}",'
                    f'"{stage}","{rep[0]}{created + 20:03d}-{k}","{friday:%m/%d/%Y}"'
                )
            leads = [f"Lead {week}-{i}" for i in range(25 - len(accounts))]
            for i, account in enumerate(accounts + leads):
                log.append(
                    f"{rep[0]}{week}-C{i},{rep},{monday + dt.timedelta(days=i % 5)},Call,Call,5,,{account}"
                )
            for i in range(5):
                day = monday + dt.timedelta(days=i)
                log.append(f"{rep[0]}{week}-P{i},{rep},{day},Prospecting block,Prospecting,90,,")
            for i in range(4):
                day = monday + dt.timedelta(days=i)
                log.append(f"{rep[0]}{week}-M{i},{rep},{day},Meeting,First meeting,45,,Prospect {week}-{i}")
    return "\n".join(report) + "\n", "\n".join(log) + "\n"


def _expected_moved(rep: str, week: int) -> float:
    """The rep's open deals in `week` whose stage differs from the snapshot before (a deal first seen in
    `week`, or in week 0, has not moved)."""
    shown = [(c, k) for c, k in _deals(rep, week) if not _moving_stage(rep, c, week).startswith("Closed")]
    moved = sum(
        1
        for c, _ in shown
        if c < week and week > 0 and _moving_stage(rep, c, week) != _moving_stage(rep, c, week - 1)
    )
    return moved / len(shown)


def test_buyers_not_moving_forward_are_flagged_from_meetings_and_stage_moves_read_together(
    database: Database, write
) -> None:
    """Bea's first meetings turn into opportunities half as often and her worked deals move on at half the
    pace: neither alone is clear in 6 weeks, together they are; Dana, as usual, is not flagged."""
    roster = (
        "rep,email,team,manager,start_date\n"
        "Dana Steady,dana@example.com,East,Mia Ford,2024-01-08\n"
        "Bea Slow,bea@example.com,East,Mia Ford,2024-01-08\n"
    )
    report, log = _moving_files(["Dana Steady", "Bea Slow"])
    for name, text in (("roster.csv", roster), ("pipeline.csv", report), ("activities.csv", log)):
        result = ingest_file(database, write(name, text))
        assert result.status == "loaded" and result.rows_rejected == 0, result.message
    last = W0 + dt.timedelta(weeks=MOVING_WEEKS - 1)
    frame = metrics.weekly_metrics(database, W0, last)
    moved = frame.pivot(index="week", columns="rep", values="open_deals_moved")
    for week in range(1, MOVING_WEEKS):
        for rep in ("Dana Steady", "Bea Slow"):
            got = moved.loc[W0 + dt.timedelta(weeks=week), rep]
            assert abs(got - _expected_moved(rep, week)) < 1e-9, (rep, week, got)
    batch = build_batch(frame, None, None, dataclasses.replace(DEFAULT, flag_weight=9))
    now = batch.upto(SLOW + 5)  # the 6 weeks read are Bea's slower ones
    found = buyers_not_moving_on.signals(now)
    assert list(found) == [list(batch.reps).index("Bea Slow")], found
    [signal] = next(iter(found.values()))
    assert signal.detail.startswith(
        "in the last 6 weeks 6 of 24 first meetings became opportunities (usually about 12) and "
    ), signal.detail
    assert "open deals worked moved on a stage (usually about" in signal.detail, signal.detail
    assert not meetings_not_converting.signals(now)  # the meetings alone are not clear enough
    assert not buyers_not_moving_on.signals(batch.upto(SLOW - 1))  # nor before the change


def test_a_rep_who_opens_more_opportunities_than_first_meetings_is_told_in_counts_not_over_100_percent() -> (
    None
):
    """About 7 opportunities from every 4 first meetings (171%) is this rep's usual: the sentence says how
    many the last weeks' meetings would usually have brought, never 'usually about 171%'."""
    usual = [7.0, 6.0, 8.0, 6.0, 7.0, 7.0] * 4
    [[signal]] = meetings_not_converting.signals(
        build_batch(_meeting_weeks([*usual, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]), None, None, DEFAULT)
    ).values()
    assert signal.detail.startswith(
        "3 opportunities from 24 first meetings in the last 6 weeks, where about 41 would be usual: "
    ), signal.detail
    assert "%" not in signal.detail, signal.detail
