"""The deal facts (dashboard/deal_facts.py) keep open deals worked and stalled equal to a computation
from scratch after any sequence of overlapping activity and pipeline uploads under several spellings,
undos and roster edits, and a store without them gets them built when opened."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import tempfile
from collections import Counter, defaultdict
from contextlib import closing
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dashboard import metrics
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import fetch
from tests.test_facts import SETTINGS, _csv, _snapshot_csv, _undo_one

# Ada is on the roster (when one is loaded) as "Ada Park" with an e-mail the exports also write;
# " ada park" and the e-mails are her other spellings. Bob's spellings depend on the roster too.
SPELLINGS = ["Ada Park", " ada park", "ada@x.io", "ap@x.io", "Bob Stone", "bob@x.io"]
EMAILS = ["ada@x.io", "ap@x.io", "bob@x.io", ""]
ACCOUNTS = ["Acme", " acme ", "", "Globex"]
# Snapshots over six weeks, so that deals sit in one stage for 4 weeks; two describe the week of 5 Oct.
SNAPSHOT_DAYS = [dt.date(2026, 9, d) for d in (7, 14, 28)] + [dt.date(2026, 10, d) for d in (5, 7, 12, 19)]
DAYS = (
    [dt.date(2026, 8, 31)]
    + [dt.date(2026, 9, d) for d in (9, 21, 28)]
    + [dt.date(2026, 10, d) for d in (5, 6, 14, 20)]
)
FIRST_WEEK, LAST_WEEK = dt.date(2026, 8, 31), dt.date(2026, 10, 19)

activities = st.lists(
    st.tuples(
        st.integers(0, 30),  # activity ID: a small pool, so that files overlap
        st.sampled_from(SPELLINGS),
        st.sampled_from(DAYS),
        st.just("Call"),
        st.just(5),
        st.just("Connected"),
        st.sampled_from(ACCOUNTS),
    ),
    min_size=1,
    max_size=10,
)
deals = st.lists(
    st.tuples(
        st.integers(0, 5),  # opportunity ID: a small pool, so that deals recur and move
        st.sampled_from(SPELLINGS[:5]),
        st.sampled_from(ACCOUNTS),
        st.sampled_from(["Prospecting", "Prospecting", "Negotiation/Review", "Closed Won"]),
        st.just("40000"),
        st.just(DAYS[0]),
        st.just(DAYS[-1]),
        st.just("Web"),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda deal: deal[0],
)
roster = st.lists(
    st.tuples(
        st.sampled_from(["Ada Park", "Bob Stone"]), st.sampled_from(EMAILS), st.sampled_from(["East", "West"])
    ),
    min_size=1,
    max_size=2,
    unique_by=lambda rep: rep[0],
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("activities"), activities),
        st.tuples(st.just("pipeline"), st.tuples(st.sampled_from(SNAPSHOT_DAYS), deals)),
        st.tuples(st.just("roster"), roster),
        st.tuples(st.just("undo"), st.integers(0, 10)),
    ),
    min_size=1,
    max_size=6,
)
_FILES = itertools.count()
OCT = {day: dt.date(2026, 10, day) for day in (5, 6, 12, 14)}


def _deal(key: int, owner: str, account: str, stage: str = "Prospecting") -> tuple:
    return (key, owner, account, stage, "40000", DAYS[0], DAYS[-1], "Web")


def _call(key: int, rep: str, day: dt.date, account: str) -> tuple:
    return (key, rep, day, "Call", 5, "Connected", account)


# Each marking step, where nothing else would mark the same facts (the roster fixes Ada's spellings):
EACH_MARK = [
    ("roster", [("Ada Park", "ada@x.io", "East")]),
    ("pipeline", (OCT[5], [_deal(1, "Ada Park", "Acme")])),
    ("activities", [_call(1, "Ada Park", OCT[6], "Globex")]),
    ("activities", [_call(2, "ada@x.io", OCT[6], "Acme")]),  # an ingest's weeks: Acme worked
    ("undo", 0),  # an undo's weeks: Acme no longer worked
    ("activities", [_call(3, "Ada Park", OCT[14], "Acme")]),  # worked: the 28 Sep snapshot carries forward
    ("pipeline", (OCT[12], [_deal(2, "Ada Park", "Globex")])),  # the snapshot in force changes: not worked
    ("pipeline", (SNAPSHOT_DAYS[0], [_deal(1, "Ada Park", "Acme")])),  # backfilled: deal 1 stalled on 28 Sep
    ("activities", [_call(4, "ap@x.io", OCT[14], "Globex")]),  # a name of its own ...
    ("roster", [("Ada Park", "ap@x.io", "East")]),  # ... becomes Ada's spelling: Globex worked
]


def _roster_csv(folder: Path, chosen: list[tuple]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Rep", "Email", "Team", "Manager", "Start Date"])
    writer.writerows([rep, email, team, "Mia Lund", "2026-01-05"] for rep, email, team in chosen)
    path = folder / f"roster{next(_FILES)}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _monday(day: dt.date) -> dt.date:
    return metrics.monday(day)


def from_scratch(database: Database, keys: list[tuple[str, dt.date]]) -> dict[tuple, tuple]:
    """(open_deals_worked, open_deals_stalled, open_deals_moved) of each (rep, week), computed here from the
    stored activities, the live snapshot rows and the reps' spellings alone."""
    spellings = defaultdict(list)  # rep -> its spellings, with repeats as rep_aliases() gives them
    for alias, rep in fetch(database, "SELECT alias, rep FROM rep_aliases()"):
        spellings[rep].append(alias)
    touched, with_account = defaultdict(set), Counter()  # (name, week) -> accounts, activities on one
    for rep, day, account in fetch(database, "SELECT rep, activity_date, account FROM activities"):
        if account is not None and account.strip():
            touched[rep.strip().lower(), _monday(day)].add(account.strip().lower())
            with_account[rep.strip().lower(), _monday(day)] += 1
    rows = fetch(
        database,
        "SELECT opportunity_key, snapshot_date, owner, account, stage, status "
        "FROM opportunity_snapshots WHERE superseded_by IS NULL",
    )
    taken: dict[dt.date, dt.date] = {}  # described week -> the latest snapshot taken for it
    for row in rows:
        week = _monday(row[1] - dt.timedelta(days=1))
        taken[week] = max(taken.get(week, row[1]), row[1])
    shown = sorted(r for r in rows if taken[_monday(r[1] - dt.timedelta(days=1))] == r[1])
    open_deals, stalled, moved = Counter(), Counter(), Counter()  # (name, week)
    open_accounts = defaultdict(Counter)  # (name, week) -> open deals per account
    present = set()  # (name, week) with any row in the week's snapshot
    since, last = {}, {}  # per deal: the stage run's first snapshot, its stage
    for key, day, owner, account, stage, status in shown:  # by deal, then date: the stage history
        stage = None if stage is None else stage.strip().lower()
        moved_on = key in last and last[key] != stage
        if key not in last or last[key] != stage:
            since[key] = day
        last[key] = stage
        name, week = owner.strip().lower(), _monday(day - dt.timedelta(days=1))
        present.add((name, week))
        if status == "open":
            open_deals[name, week] += 1
            stalled[name, week] += (day - since[key]).days >= 28
            moved[name, week] += moved_on
            if account is not None and account.strip():
                open_accounts[name, week][account.strip().lower()] += 1
    expected = {}
    for rep, week in keys:
        names = spellings[rep]
        in_force = max((w for n, w in present if n in names and w <= week), default=None)
        base = sum(open_deals[n, in_force] for n in names)
        accounts = set().union(*(touched[n, week] for n in set(names)))
        worked = sum(c for n in names for a, c in open_accounts[n, in_force].items() if a in accounts)
        logged = sum(with_account[n, week - dt.timedelta(weeks=k)] for n in names for k in range(13))
        shown_now = sum(open_deals[n, week] for n in names)
        expected[rep, week] = (
            worked / base if base > 0 and logged > 0 else math.nan,
            sum(stalled[n, week] for n in names) / shown_now if shown_now > 0 else math.nan,
            sum(moved[n, week] for n in names) / shown_now if shown_now > 0 else math.nan,
        )
    return expected


def read(database: Database, **where: object) -> dict[tuple, tuple]:
    """What the weekly metrics give for the three deal metrics, per (rep, week)."""
    names = ["open_deals_worked", "open_deals_stalled", "open_deals_moved"]
    frame = metrics.weekly_metrics(database, FIRST_WEEK, LAST_WEEK, names=names, **where)
    return {
        (rep, week): (worked, stalled, moved)
        for rep, week, worked, stalled, moved in frame[["rep", "week", *names]]
        .astype(object)
        .where(frame.notna(), math.nan)
        .itertuples(index=False)
    }


def assert_same(got: dict[tuple, tuple], expected: dict[tuple, tuple], step: str) -> None:
    assert got.keys() == expected.keys(), step
    for key, values in got.items():
        for value, want in zip(values, expected[key], strict=True):
            assert (math.isnan(value) and math.isnan(want)) or math.isclose(value, want), (
                step,
                key,
                got,
                expected,
            )


def kept_spellings(database: Database) -> list[tuple]:
    """The reps' spellings as the last write kept them (rep_alias_snapshot: rep lists, one-rep look-ups)."""
    return sorted(fetch(database, "SELECT * FROM rep_alias_snapshot"), key=repr)


def live_spellings(database: Database) -> list[tuple]:
    """The same, computed now by the alias macros."""
    columns = "alias, rep, team, manager, start_date, end_date"
    return sorted(fetch(database, f"SELECT {columns} FROM rep_aliases_on_team()"), key=repr)


def test_deal_facts_equal_a_computation_from_scratch_after_any_sequence_of_writes() -> None:
    with (
        tempfile.TemporaryDirectory(prefix="deal-facts-") as folder,
        closing(Database(Path(folder) / "facts.duckdb")) as database,  # one store: each example goes on
    ):

        @settings(SETTINGS, max_examples=6)  # each step ingests a file and reads
        @given(sequence=steps)
        @example(sequence=EACH_MARK)  # first, into the empty store
        def examples(sequence: list[tuple]) -> None:
            for step, argument in sequence:
                if step == "activities":
                    result = ingest_file(
                        database, _csv(Path(folder), argument), IngestOptions(kind="activities")
                    )
                elif step == "pipeline":
                    path = _snapshot_csv(Path(folder), *argument)
                    result = ingest_file(database, path, IngestOptions(kind="opportunities"))
                elif step == "roster":
                    result = ingest_file(
                        database, _roster_csv(Path(folder), argument), IngestOptions(kind="roster")
                    )
                else:
                    _undo_one(database, argument)
                if step != "undo":
                    assert result.status in ("loaded", "duplicate"), result.message
                got = read(database)
                assert_same(got, from_scratch(database, list(got)), step)
                assert kept_spellings(database) == live_spellings(database), step
            one = read(database, rep="Ada Park")  # one rep's read: the same numbers
            assert_same(one, from_scratch(database, list(one)), "one rep")

        examples()


def test_a_store_without_deal_facts_gets_them_built_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    database = Database(path)
    ingest_file(
        database, _roster_csv(tmp_path, [("Ada Park", "ada@x.io", "East")]), IngestOptions(kind="roster")
    )
    chosen = [
        (1, "ada@x.io", DAYS[4], "Call", 5, "Connected", "Acme"),
        (2, "Ada Park", DAYS[4], "Call", 5, "", "acme"),
    ]
    ingest_file(database, _csv(tmp_path, chosen), IngestOptions(kind="activities"))
    for day in SNAPSHOT_DAYS[:4]:  # describing the weeks of 31 Aug to 28 Sep
        deal = [(1, "Ada Park", "Acme", "Prospecting", "40000", DAYS[0], DAYS[-1], "Web")]
        deal += [(2, " ada park", "Globex", "Prospecting", "", DAYS[0], DAYS[-1], "Web")]
        ingest_file(database, _snapshot_csv(tmp_path, day, deal), IngestOptions(kind="opportunities"))
    before = read(database)
    assert before["Ada Park", dt.date(2026, 9, 28)][1] == 1.0  # both in one stage for 28 days
    assert before["Ada Park", dt.date(2026, 10, 5)][0] == 0.5  # Acme touched (under two spellings: once)
    for table in ("stage_weeks", "deal_work_weeks", "deal_work_aliases"):
        fetch(database, f"DELETE FROM {table}")  # as a store from before the deal facts existed
    database.close()

    reopened = Database(path)
    try:
        assert_same(read(reopened), before, "built on open")
    finally:
        reopened.close()


def test_stage_moves_kept_before_they_were_counted_are_counted_when_opened(tmp_path: Path) -> None:
    """A store whose stalled-deal facts were kept before stage moves were (migration 0024: NULL) gets them
    computed on open, the same as from scratch."""
    path = tmp_path / "before_0024.duckdb"
    database = Database(path)
    ingest_file(
        database, _roster_csv(tmp_path, [("Ada Park", "ada@x.io", "East")]), IngestOptions(kind="roster")
    )
    for day, stage in zip(SNAPSHOT_DAYS[:3], ("Prospecting", "Prospecting", "Qualification"), strict=True):
        deal = [(1, "Ada Park", "Acme", stage, "40000", DAYS[0], DAYS[-1], "Web")]
        deal += [(2, "Ada Park", "Globex", "Prospecting", "", DAYS[0], DAYS[-1], "Web")]
        ingest_file(database, _snapshot_csv(tmp_path, day, deal), IngestOptions(kind="opportunities"))
    before = read(database)
    weeks = [
        dt.date(2026, 8, 31),
        dt.date(2026, 9, 7),
        dt.date(2026, 9, 21),
    ]  # the weeks the snapshots describe
    assert [before["Ada Park", week][2] for week in weeks] == [
        0.0,
        0.0,
        0.5,
    ]  # first seen, as before, moved on
    fetch(database, "UPDATE stage_weeks SET moved_deals = NULL")
    assert math.isnan(read(database)["Ada Park", weeks[2]][2])
    database.close()

    reopened = Database(path)
    try:
        assert_same(read(reopened), before, "counted on open")
    finally:
        reopened.close()
