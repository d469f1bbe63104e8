"""A yearly target's pace, and the Team page's "under since", when the exports start in the middle of
the year.

A company whose first exports go back to September (or a hire the roster gives no start date) has no
data for January to August: the pace of "2 opportunities over $100k a year" counts from the rep's
first week with data, so neither the draft nor the Team page puts a rep behind a pace of weeks nobody
could have worked in the store's eyes, and a weekly expectation is "under since" the first week with
data at the earliest, not since January. A pace is judged as it can be counted (0.4 opportunities
by now asks for none yet). The same rep with one activity logged in January is paced from January.
Real ingest, read as the agenda, the rep page and the Team page read it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import rep_view, targets, team_view
from dashboard.agenda import build, markdown
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.leader.overview import overview

WEEK = dt.date(2026, 11, 16)  # the week under review (a Monday)
FIRST = dt.date(2026, 9, 7)  # the first week of the September exports
ROSTER = "rep,email,team,manager\nAna García,ana@example.com,Mid-Market,Laura Jensen\n"
TARGETS = (
    "Metric,Value,Period,Team,Rep,Effective From\n"
    "opportunities_over_100k,2,year,Mid-Market,,2026-01-01\n"
    "first_meetings,3,week,Mid-Market,,2026-01-01\n"
    "calls,25,week,Mid-Market,,2026-01-01\n"
)
HEADER = "activity_id,rep,date,type,subject,duration_minutes,outcome,account"
DEALS = (
    "opportunity_id,opportunity_name,owner,account,stage,amount,created_date,close_date,snapshot_date\n"
    "O1,Acme expansion,Ana García,Acme,Proposal,80000,2026-09-15,2027-01-29,2026-11-23\n"
)


def _activities(january: bool) -> str:
    rows, n = [HEADER], 0
    monday = FIRST
    while monday <= WEEK:
        for k in range(8):
            n += 1
            kind, subject = ("Meeting", "First meeting") if k < 3 else ("Call", "Call")
            rows.append(f"A{n},Ana García,{monday + dt.timedelta(days=k % 5)},{kind},{subject},30,,Acc {k}")
        monday += dt.timedelta(weeks=1)
    if january:
        rows.append("A0,Ana García,2026-01-06,Call,Call,5,,Acc 0")
    return "\n".join(rows) + "\n"


@pytest.fixture(params=[False, True], ids=["from September", "with January"])
def company(request, tmp_path):
    database = Database(tmp_path / "store.duckdb")
    files = [
        ("roster.csv", ROSTER),
        ("targets.csv", TARGETS),
        ("activities.csv", _activities(january=request.param)),
        ("deals.csv", DEALS),
    ]
    for name, content in files:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = ingest_file(database, path, IngestOptions(upload_date=dt.date(2026, 11, 23)))
        assert result.status == "loaded", result.message
    yield database, request.param
    database.close()


def test_a_yearly_pace_counts_from_the_first_week_with_data(company):
    database, january = company
    (big,) = [
        p for p in rep_view.rep_pace(database, "Ana García", WEEK) if p.metric == "opportunities_over_100k"
    ]
    year = targets.weeks_in(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (big.target, big.actual, big.weeks_total) == (2, 0, len(year))
    if january:  # data in January: every week of the year counts
        elapsed = sum(1 for w in year if w <= WEEK)
        assert big.counted_from is None and big.weeks_elapsed == elapsed
        assert big.needed_per_week == pytest.approx(2 / (len(year) - elapsed))
    else:  # from the first week of the exports: 11 weeks elapsed of the 17 counted
        counted = [w for w in year if w >= FIRST]
        assert big.counted_from == FIRST and big.weeks_elapsed == 11 and len(counted) == 17
        assert big.expected == pytest.approx(2 * 11 / len(year))
        assert big.needed_per_week == pytest.approx(2 * 17 / len(year) / 6)
    assert big.expected == pytest.approx(2 * big.weeks_elapsed / len(year))


def test_the_draft_says_since_when_the_pace_is_counted(company):
    database, january = company
    text = markdown(build(database, "Ana García", WEEK))
    row = next(line for line in text.splitlines() if line.startswith("| Opportunities over $100k"))
    if january:
        assert "0 so far this year" in row and "even pace by now: 1.8" in row
    else:
        assert "0 since the week of 07 Sep" in row and "so far this year" not in row
        assert "even pace by now: 0.4" in row
    table = rep_view.pace_table(rep_view.rep_pace(database, "Ana García", WEEK))
    period = table.loc[table["expectation"] == "Opportunities over $100k", "period"].iloc[0]
    assert ("counted from 2026-09-07" in period) is not january


def test_the_team_page_judges_no_week_before_the_first_with_data(company):
    database, january = company
    rows = team_view.team_overview(database, WEEK).attainment.set_index("metric")
    calls, big = rows.loc["calls"], rows.loc["opportunities_over_100k"]
    assert (calls["value"], calls["target"], calls["status"]) == (5, 25, "below")
    if january:  # one call in January: the weeks between count as weeks without calls
        assert calls["below_since"] == dt.date(2026, 1, 5) and calls["weeks_below"] == 46
        assert (big["value"], big["target"], big["status"]) == (0, 2, "below")  # 1.8 by now: 2 whole
    else:  # under since the exports began, and 0.4 opportunities by now asks for none yet
        assert calls["below_since"] == FIRST and calls["weeks_below"] == 11
        assert (big["value"], big["target"], big["status"]) == (0, 0, "met")


def test_the_leader_view_judges_no_week_before_the_first_with_data(company):
    database, january = company
    trend = overview(database, WEEK).trend
    judged = sorted(set(trend["week"]))
    if january:  # the trend's 13 weeks, every one with data (of calls at least)
        assert len(judged) == 13 and judged[-1] == WEEK
    else:  # from September: none of the weeks before the exports
        assert judged == targets.weeks_in(FIRST, WEEK)


def test_a_company_on_its_first_week_has_no_lapsed_reviews(tmp_path):
    """A leader opening the view after the first upload: the weeks before it are no reviews missed."""
    database = Database(tmp_path / "first.duckdb")
    calls = "\n".join(
        [HEADER]
        + [f"A{k},Ana García,{WEEK + dt.timedelta(days=k % 5)},Call,Call,5,,Acc {k}" for k in range(9)]
    )
    for name, content in (("roster.csv", ROSTER), ("calls.csv", calls + "\n")):
        (tmp_path / name).write_text(content, encoding="utf-8")
        result = ingest_file(database, tmp_path / name, IngestOptions(upload_date=dt.date(2026, 11, 23)))
        assert result.status == "loaded", result.message
    view = overview(database, WEEK)
    reviews = next(k for k in view.kpis if k.label == "Weekly reviews held")
    assert reviews.detail.startswith("0 of 1 team-week")  # this week only, not 8
    assert not any("lapsed" in note for note in view.notes)
    database.close()
