"""The sample-data generator: export formats, determinism and the story in the numbers.

Reads the CSVs with pandas directly (not through the product's ingest), so a failure
here points at the generator, not at ingest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from dashboard import demo

GENERATOR_PATH = demo.SAMPLE_DIR / "generator.py"


gen = demo.generator()  # the module `dashboard demo` runs

HEADERS = {
    "roster.csv": ["Rep", "Email", "Team", "Manager", "Start Date"],
    "targets.csv": ["Metric", "Value", "Period", "Team", "Rep", "Effective From"],
    "target_accounts.csv": ["Account", "Rep"],
    "salesforce_activities.csv": [
        "Activity ID",
        "Assigned",
        "Date",
        "Type",
        "Subject",
        "Company / Account",
        "Call Result",
        "Duration",
    ],
    "hubspot_activities.csv": [
        "Record ID",
        "Activity type",
        "Activity date",
        "Activity assigned to",
        "Title",
        "Call duration",
        "Call outcome",
        "Associated Company",
    ],
    "salesforce_opportunities.csv": [
        "Opportunity ID",
        "Opportunity Owner",
        "Account Name",
        "Opportunity Name",
        "Stage",
        "Amount",
        "Created Date",
        "Close Date",
        "Lead Source",
        "As of Date",
    ],
    "hubspot_deals.csv": [
        "Record ID",
        "Deal Name",
        "Deal Stage",
        "Amount",
        "Close Date",
        "Create Date",
        "Deal owner",
        "Associated Company",
        "Original Traffic Source",
        "Snapshot Date",
    ],
}
INGEST_ORDER = list(HEADERS)
SF_STAGES = [
    "Prospecting",
    "Qualification",
    "Needs Analysis",
    "Proposal/Price Quote",
    "Negotiation/Review",
    "Closed Won",
    "Closed Lost",
]
HS_STAGES = [
    "Appointment Scheduled",
    "Qualified To Buy",
    "Presentation Scheduled",
    "Decision Maker Bought-In",
    "Contract Sent",
    "Closed Won",
    "Closed Lost",
]
SELF_SOURCED = {
    "Cold Call",
    "Outbound Prospecting",
    "Employee Referral",
    "Partner Referral",
    "Offline Sources",
    "Direct Traffic",
}
MARKETING = {
    "Web",
    "Advertisement",
    "Trade Show",
    "Webinar",
    "Organic Search",
    "Paid Search",
    "Email Marketing",
    "Social Media",
}
FIRST_MEETING = re.compile(r"^(First meeting|Discovery call) - .+")


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _monday(ts: pd.Series) -> pd.Series:
    day = ts.dt.normalize()
    return day - pd.to_timedelta(day.dt.day_of_week, unit="D")


def _activities(d: Path) -> pd.DataFrame:
    sf = _read(d / "salesforce_activities.csv")
    hs = _read(d / "hubspot_activities.csv")
    sf_frame = pd.DataFrame(
        {
            "rep": sf["Assigned"],
            "ts": pd.to_datetime(sf["Date"], format="%m/%d/%Y %I:%M %p"),
            "type": sf["Type"],
            "subject": sf["Subject"],
            "account": sf["Company / Account"],
            "minutes": pd.to_numeric(sf["Duration"].replace("", None)),
        }
    )
    hs_frame = pd.DataFrame(
        {
            "rep": hs["Activity assigned to"],
            "ts": pd.to_datetime(hs["Activity date"], format="%Y-%m-%d %H:%M"),
            "type": hs["Activity type"].map(
                {"CALL": "Call", "EMAIL": "Email", "MEETING": "Meeting", "TASK": "Other"}
            ),
            "subject": hs["Title"],
            "account": hs["Associated Company"],
            "minutes": pd.to_timedelta(hs["Call duration"].replace("", None)).dt.total_seconds() / 60,
        }
    )
    a = pd.concat([sf_frame, hs_frame], ignore_index=True)
    a["week"] = _monday(a["ts"])
    a["call"] = a["type"].eq("Call")
    a["monday_call"] = a["call"] & a["ts"].dt.day_of_week.eq(0)
    prospecting = a["type"].eq("Other") & a["subject"].str.startswith("Prospecting")
    a["prospecting_minutes"] = a["minutes"].where(prospecting, 0.0)
    a["first_meeting"] = a["type"].eq("Meeting") & a["subject"].str.match(FIRST_MEETING)
    return a


def _opportunities(d: Path) -> pd.DataFrame:
    sf = _read(d / "salesforce_opportunities.csv")
    hs = _read(d / "hubspot_deals.csv")
    us = "%m/%d/%Y"
    sf_frame = pd.DataFrame(
        {
            "id": sf["Opportunity ID"],
            "rep": sf["Opportunity Owner"],
            "account": sf["Account Name"],
            "stage": sf["Stage"],
            "stage_index": sf["Stage"].map(SF_STAGES.index),
            "amount": sf["Amount"].str.replace(r"^USD |,", "", regex=True).astype(float),
            "created": pd.to_datetime(sf["Created Date"], format=us),
            "close": pd.to_datetime(sf["Close Date"], format=us),
            "source": sf["Lead Source"],
            "as_of": pd.to_datetime(sf["As of Date"], format=us),
        }
    )
    hs_frame = pd.DataFrame(
        {
            "id": hs["Record ID"],
            "rep": hs["Deal owner"],
            "account": hs["Associated Company"],
            "stage": hs["Deal Stage"],
            "stage_index": hs["Deal Stage"].map(HS_STAGES.index),
            "amount": hs["Amount"].astype(float),
            "created": pd.to_datetime(hs["Create Date"], format="%Y-%m-%d"),
            "close": pd.to_datetime(hs["Close Date"], format="%Y-%m-%d"),
            "source": hs["Original Traffic Source"],
            "as_of": pd.to_datetime(hs["Snapshot Date"], format="%Y-%m-%d"),
        }
    )
    o = pd.concat([sf_frame, hs_frame], ignore_index=True)
    o["won"] = o["stage"].eq("Closed Won")
    o["closed"] = o["won"] | o["stage"].eq("Closed Lost")
    o["self_sourced"] = o["source"].isin(SELF_SOURCED)
    return o


@dataclass
class Data:
    dir: Path
    paths: list[Path]
    truth: dict
    roster: pd.DataFrame
    targets: pd.DataFrame
    accounts: pd.DataFrame
    activities: pd.DataFrame
    opps: pd.DataFrame
    weekly: pd.DataFrame  # (rep, week) -> activity counts, every rep x every week
    weeks: pd.DatetimeIndex
    holidays: list[pd.Timestamp]

    def rep_weeks(self, rep: str, exclude: tuple[pd.Timestamp, ...] = ()) -> pd.DataFrame:
        t = self.weekly.loc[rep]
        return t[~t.index.isin([*self.holidays, *exclude])]

    def final_state(self) -> pd.DataFrame:
        """Each opportunity as of the last snapshot that shows it."""
        return self.opps.sort_values("as_of").groupby("id").last()

    def weekly_won_revenue(self, rep: str) -> pd.Series:
        last = self.final_state()
        won = last[last["won"] & last["rep"].eq(rep)]
        by_week = won.groupby(_monday(won["close"]))["amount"].sum()
        return by_week.reindex(self.weeks, fill_value=0.0)


def _load(d: Path, paths: list[Path]) -> Data:
    truth = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    roster = _read(d / "roster.csv")
    activities = _activities(d)
    weeks = pd.date_range(truth["first_week"], truth["end_week"], freq="7D")
    columns = ["call", "monday_call", "prospecting_minutes", "first_meeting"]
    weekly = activities.assign(rows=1).groupby(["rep", "week"])[["rows", *columns]].sum()
    full = pd.MultiIndex.from_product([roster["Rep"], weeks], names=["rep", "week"])
    return Data(
        dir=d,
        paths=paths,
        truth=truth,
        roster=roster,
        targets=_read(d / "targets.csv"),
        accounts=_read(d / "target_accounts.csv"),
        activities=activities,
        opps=_opportunities(d),
        weekly=weekly.reindex(full, fill_value=0),
        weeks=weeks,
        holidays=[pd.Timestamp(w) for w in truth["holiday_weeks"]],
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Data:
    """The default company (52 weeks, seed 7), as committed in sample_data/."""
    out = tmp_path_factory.mktemp("default")
    return _load(out, gen.generate(out))


def _ts(iso: str) -> pd.Timestamp:
    return pd.Timestamp(iso)


def _special_reps(truth: dict) -> set[str]:
    names = {s["rep"] for s in truth["slumps"]}
    names |= {h["rep"] for h in truth["hygiene"]} | {r["rep"] for r in truth["ramping"]}
    return names


# --------------------------------------------------------------------------- formats


def test_generate_returns_the_exports_in_ingest_order(data: Data) -> None:
    assert [p.name for p in data.paths] == INGEST_ORDER
    assert all(p.parent == data.dir and p.stat().st_size > 0 for p in data.paths)
    assert (data.dir / "truth.json").exists()


@pytest.mark.parametrize("name", INGEST_ORDER)
def test_headers_are_exactly_the_crm_spelling(data: Data, name: str) -> None:
    first_line = (data.dir / name).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == ",".join(HEADERS[name])
    assert list(_read(data.dir / name).columns) == HEADERS[name]


def test_committed_files_are_what_the_generator_writes(data: Data) -> None:
    committed = GENERATOR_PATH.parent
    for name in [*INGEST_ORDER, "truth.json"]:
        assert (committed / name).read_bytes() == (data.dir / name).read_bytes(), (
            f"sample_data/{name} is stale: run python sample_data/generator.py"
        )


def test_default_files_are_small(data: Data) -> None:
    for path in data.paths:
        assert path.stat().st_size < 4 * 1024 * 1024, path.name


def test_same_seed_gives_identical_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    first = gen.generate(tmp_path / "a", weeks=16, seed=3)
    second = gen.generate(tmp_path / "b", weeks=16, seed=3)
    other = gen.generate(tmp_path / "c", weeks=16, seed=4)
    for a, b in zip(
        [*first, tmp_path / "a" / "truth.json"], [*second, tmp_path / "b" / "truth.json"], strict=True
    ):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert first[3].read_bytes() != other[3].read_bytes()


def test_weeks_parameter_shortens_the_window_ending_at_end_week(tmp_path: Path) -> None:
    d = tmp_path / "short"
    small = _load(d, gen.generate(d, weeks=16, seed=7))
    end = _ts("2026-11-16")
    assert dt.date(2026, 11, 16) == gen.END_WEEK
    assert small.truth["weeks"] == 16 and small.truth["end_week"] == "2026-11-16"
    first = end - pd.Timedelta(weeks=15)
    assert small.activities["ts"].min() >= first
    assert small.activities["ts"].max() < end + pd.Timedelta(days=5)
    assert set(small.opps["as_of"]) == {first + pd.Timedelta(weeks=k) for k in range(1, 17)}
    for s in small.truth["slumps"]:
        start, drop = _ts(s["leading_start_week"]), _ts(s["results_drop_week"])
        assert first < start < drop <= end
        assert end - start >= pd.Timedelta(weeks=10)
    assert len(small.roster) == 24


def test_too_few_weeks_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="weeks"):
        gen.generate(tmp_path, weeks=4)


def test_slumps_sit_about_two_thirds_through_any_window(tmp_path: Path) -> None:
    for weeks in (26, 52, 78):
        plan = gen.Plan.build(weeks)
        for rep, start in plan.slump_start.items():
            assert 0.5 * weeks <= start <= weeks - 11, (weeks, rep)  # 10+ weeks before END_WEEK
            assert 4 <= plan.results_drop[rep] - start <= 8


def test_roster_has_24_reps_in_3_teams_with_a_ramping_new_hire(data: Data) -> None:
    r = data.roster
    assert len(r) == 24 and r["Rep"].is_unique and r["Email"].is_unique
    assert r.groupby("Team").size().to_dict() == {
        "Enterprise East": 8,
        "Mid-Market Central": 8,
        "SMB West": 8,
    }
    assert r.groupby("Team")["Manager"].nunique().eq(1).all()
    assert r["Manager"].nunique() == 3 and not set(r["Manager"]) & set(r["Rep"])
    assert r["Email"].str.fullmatch(r"[a-z]+\.[a-z]+@[a-z.]+").all()
    starts = pd.to_datetime(r["Start Date"], format="%Y-%m-%d")
    (ramp,) = data.truth["ramping"]
    assert ramp["start_date"] == "2026-09-21"  # 8 weeks before END_WEEK
    assert starts[r["Rep"].eq(ramp["rep"])].item() == _ts(ramp["start_date"])
    assert (starts[~r["Rep"].eq(ramp["rep"])] < data.weeks[0]).all()


def test_targets_have_team_defaults_and_one_rep_override(data: Data) -> None:
    t = data.targets
    assert set(t["Effective From"]) == {data.truth["first_week"]}
    defaults = t[t["Rep"].eq("")]
    expected = {
        ("prospecting_minutes", "90", "day"),
        ("first_meetings", "3", "week"),
        ("calls", "25", "week"),
        ("pipeline_coverage", "3", "quarter"),
        ("win_rate", "0.25", "quarter"),
    }
    for team, rows in defaults.groupby("Team"):
        got = set(zip(rows["Metric"], rows["Value"], rows["Period"], strict=True))
        assert expected <= got, team
        if team == "Enterprise East":
            assert ("opportunities_over_100k", "10", "quarter") in got  # in scale: see test_team_view
        else:
            assert ("opportunities_created", "2", "week") in got
        assert rows["Metric"].eq("won_revenue").sum() == 1
    assert defaults["Team"].nunique() == 3
    (override,) = t[t["Rep"].ne("")].itertuples(index=False)
    assert override.Metric == "won_revenue" and override.Period == "quarter"
    team_quota = defaults[defaults["Team"].eq(override.Team) & defaults["Metric"].eq("won_revenue")]
    assert float(override.Value) > float(team_quota["Value"].item())
    assert override.Rep in set(data.roster.loc[data.roster["Team"].eq(override.Team), "Rep"])


def test_quotas_put_the_average_rep_at_90_to_100_percent(data: Data) -> None:
    quotas = data.targets[data.targets["Metric"].eq("won_revenue")]
    ramping = {r["rep"] for r in data.truth["ramping"]}
    attainment = {}
    for rep, team in zip(data.roster["Rep"], data.roster["Team"], strict=True):
        if rep in ramping:
            continue
        own = quotas[quotas["Rep"].eq(rep)]
        quota = own if len(own) else quotas[quotas["Team"].eq(team) & quotas["Rep"].eq("")]
        quarterly = data.weekly_won_revenue(rep).sum() / len(data.weeks) * 13
        attainment[rep] = quarterly / float(quota["Value"].item())
    assert 0.85 <= sum(attainment.values()) / len(attainment) <= 1.05


def test_target_accounts_are_about_ten_per_rep_and_get_activity(data: Data) -> None:
    acc = data.accounts
    assert acc.groupby("Rep").size().between(8, 12).all()
    assert set(acc["Rep"]) == set(data.roster["Rep"])
    assert acc["Account"].is_unique
    a = data.activities[data.activities["account"].ne("")]
    owned = set(zip(acc["Account"], acc["Rep"], strict=True))
    on_target = [(x, r) in owned for x, r in zip(a["account"], a["rep"], strict=True)]
    share = pd.Series(on_target, index=a.index).groupby(a["rep"]).mean()
    assert share.between(0.15, 0.5).all()
    last = data.final_state()
    opp_on_target = [(x, r) in owned for x, r in zip(last["account"], last["rep"], strict=True)]
    assert 0.1 <= sum(opp_on_target) / len(last) <= 0.5


def test_salesforce_activity_values(data: Data) -> None:
    sf = _read(data.dir / "salesforce_activities.csv")
    assert sf["Activity ID"].str.fullmatch(r"00T\d{12}").all() and sf["Activity ID"].is_unique
    assert set(sf["Type"]) == {"Call", "Email", "Meeting", "Other"}
    assert sf["Date"].str.fullmatch(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} (AM|PM)").all()
    calls = sf["Type"].eq("Call")
    assert set(sf.loc[calls, "Call Result"]) == {"Connected", "Left Voicemail", "No Answer", "Busy"}
    assert sf.loc[~calls, "Call Result"].eq("").all()
    minutes = pd.to_numeric(sf["Duration"].replace("", None))
    assert minutes[calls].between(2, 15).all()
    assert sf.loc[sf["Type"].eq("Email"), "Duration"].eq("").all()
    meetings = sf["Type"].eq("Meeting")
    assert minutes[meetings].between(30, 60).all()
    prospecting = sf["Type"].eq("Other") & sf["Subject"].str.startswith("Prospecting")
    assert set(sf.loc[prospecting, "Subject"]) == {"Prospecting block", "Prospecting - target accounts"}
    assert minutes[prospecting].between(30, 120).all()
    subjects = sf.loc[meetings, "Subject"]
    assert subjects.str.match(r"(First meeting|Discovery call|Follow-up meeting|Demo) - .+").all()
    assert subjects.str.startswith("Discovery call - ").any()
    names = set(data.roster.loc[data.roster["Team"].ne("SMB West"), "Rep"])
    assert set(sf["Assigned"]) == names


def test_hubspot_activity_values(data: Data) -> None:
    hs = _read(data.dir / "hubspot_activities.csv")
    assert hs["Record ID"].str.fullmatch(r"\d+").all() and hs["Record ID"].is_unique
    assert set(hs["Activity type"]) == {"CALL", "EMAIL", "MEETING", "TASK"}
    assert hs["Activity date"].str.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}").all()
    calls = hs["Activity type"].eq("CALL")
    assert set(hs.loc[calls, "Call outcome"]) == {"Connected", "Left voicemail", "No answer", "Busy"}
    assert hs.loc[~calls, "Call outcome"].eq("").all()
    blocks = hs["Activity type"].eq("TASK") & hs["Title"].eq("Prospecting block")
    timed = calls | blocks
    assert hs.loc[timed, "Call duration"].str.fullmatch(r"\d{2}:\d{2}:\d{2}").all()
    assert hs.loc[~timed, "Call duration"].eq("").all()
    seconds = pd.to_timedelta(hs.loc[timed, "Call duration"]).dt.total_seconds()
    assert seconds[calls].between(120, 900).all()
    assert seconds[blocks].between(30 * 60, 120 * 60).all()
    meetings = hs.loc[hs["Activity type"].eq("MEETING"), "Title"]
    assert meetings.str.match(r"(First meeting|Follow-up meeting|Demo) - .+").all()
    names = set(data.roster.loc[data.roster["Team"].eq("SMB West"), "Rep"])
    assert set(hs["Activity assigned to"]) == names


def test_activities_are_on_weekdays_in_the_window_at_realistic_volumes(data: Data) -> None:
    a = data.activities
    assert a["ts"].dt.day_of_week.lt(5).all()
    assert a["ts"].min() >= data.weeks[0]
    assert a["ts"].max() < data.weeks[-1] + pd.Timedelta(days=5)
    usual = data.weekly.drop(index=list(_special_reps(data.truth)), level="rep")
    usual = usual[~usual.index.get_level_values("week").isin(data.holidays)]
    medians = usual.median()
    assert 20 <= medians["call"] <= 30
    assert 350 <= medians["prospecting_minutes"] <= 550  # ~90 minutes a day
    assert 2 <= medians["first_meeting"] <= 4
    ordinary = a[~a["rep"].isin(_special_reps(data.truth)) & ~a["week"].isin(data.holidays)]
    kinds = ordinary.groupby("type").size() / len(usual)
    assert 6 <= kinds["Email"] <= 10
    assert 4 <= kinds["Meeting"] <= 7
    monday_share = usual["monday_call"].sum() / usual["call"].sum()
    assert 0.15 <= monday_share <= 0.25


def test_opportunity_snapshot_values(data: Data) -> None:
    sf = _read(data.dir / "salesforce_opportunities.csv")
    hs = _read(data.dir / "hubspot_deals.csv")
    assert sf["Opportunity ID"].str.fullmatch(r"006\d{12}").all()
    assert hs["Record ID"].str.fullmatch(r"\d+").all()
    assert set(sf["Stage"]) == set(SF_STAGES) and set(hs["Deal Stage"]) == set(HS_STAGES)
    plain = sf["Amount"].str.fullmatch(r"\d+\.\d{2}")
    formatted = sf["Amount"].str.fullmatch(r"USD \d{1,3}(,\d{3})*\.\d{2}")
    assert (plain | formatted).all() and 0 < formatted.mean() < 0.1
    assert hs["Amount"].str.fullmatch(r"\d+").all()
    for col in ("Created Date", "Close Date", "As of Date"):
        assert sf[col].str.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}").all()
    for col in ("Close Date", "Create Date", "Snapshot Date"):
        assert hs[col].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert set(sf["Lead Source"]) <= SELF_SOURCED | MARKETING
    assert set(hs["Original Traffic Source"]) <= SELF_SOURCED | MARKETING
    assert set(sf["Opportunity Owner"]) | set(hs["Deal owner"]) == set(data.roster["Rep"])


def test_snapshots_are_weekly_with_open_and_recently_closed_opportunities(data: Data) -> None:
    o = data.opps
    assert set(o["as_of"]) == {w + pd.Timedelta(weeks=1) for w in data.weeks}
    assert not o.duplicated(["id", "as_of"]).any()
    assert (o["created"] < o["as_of"]).all()
    closed = o[o["closed"]]
    age = closed["as_of"] - closed["close"]
    assert age.between(pd.Timedelta(days=1), pd.Timedelta(days=28)).all()
    per_opp = o.groupby("id")
    assert per_opp["rep"].nunique().eq(1).all() and per_opp["created"].nunique().eq(1).all()
    assert per_opp["account"].nunique().eq(1).all()
    ordered = o.sort_values(["id", "as_of"])
    assert ordered.groupby("id")["stage_index"].diff().dropna().ge(0).all()  # never backwards
    # An opportunity shows up every week from creation until 28 days after closing.
    counts = per_opp.size()
    assert counts.median() >= 6


def test_pipeline_behaves_like_a_sales_funnel(data: Data) -> None:
    last = data.final_state()
    closed = last[last["closed"]]
    assert 0.25 <= closed["won"].mean() <= 0.36
    in_window = last[last["created"] >= data.weeks[0]]
    meetings = data.activities["first_meeting"].sum()
    assert 0.38 <= len(in_window) / meetings <= 0.55
    team = dict(zip(data.roster["Rep"], data.roster["Team"], strict=True))
    medians = last.groupby(last["rep"].map(team))["amount"].median()
    assert 90_000 <= medians["Enterprise East"] <= 150_000
    assert 35_000 <= medians["Mid-Market Central"] <= 55_000
    assert 11_000 <= medians["SMB West"] <= 19_000
    won = closed[closed["won"]]
    cycle = (won["close"] - won["created"]).dt.days / 7
    assert cycle.min() >= 3.5 and 5 <= cycle.median() <= 14
    per_opp = data.opps.groupby("id")
    open_rows = data.opps[~data.opps["closed"]].groupby("id")
    assert 0.1 <= open_rows["close"].nunique().gt(1).mean() <= 0.7  # close dates slip
    assert 0.03 <= per_opp["amount"].nunique().gt(1).mean() <= 0.3  # amounts get revised
    assert last["self_sourced"].mean() > 0.5 and (~last["self_sourced"]).mean() > 0.2


# --------------------------------------------------------------------------- the story


def test_truth_lists_the_story(data: Data) -> None:
    t = data.truth
    assert (t["end_week"], t["weeks"], t["seed"]) == ("2026-11-16", 52, 7)
    assert t["holiday_weeks"] == ["2025-11-24", "2025-12-22"]
    assert len(t["slumps"]) == 3 and len({s["shape"] for s in t["slumps"]}) == 3
    team = dict(zip(data.roster["Rep"], data.roster["Team"], strict=True))
    assert {team[s["rep"]] for s in t["slumps"]} == set(team.values())
    for s in t["slumps"]:
        assert s["team"] == team[s["rep"]]
        lag = _ts(s["results_drop_week"]) - _ts(s["leading_start_week"])
        assert pd.Timedelta(weeks=4) <= lag <= pd.Timedelta(weeks=8)
    for week in [
        *[s["leading_start_week"] for s in t["slumps"]],
        *[s["results_drop_week"] for s in t["slumps"]],
        *[q["week"] for q in t["quiet_weeks"]],
        *[h["from_week"] for h in t["hygiene"]],
        *t["holiday_weeks"],
    ]:
        assert _ts(week) in data.weeks
    assert len(_special_reps(t) | {q["rep"] for q in t["quiet_weeks"]}) == 6


def _leading_windows(data: Data, rep: str, start: pd.Timestamp, settle: int = 2):
    """(weeks before `start`, their usual level, weeks from `settle` weeks after it).

    The usual level is the median of 4-week averages, so small integer counts such as
    first meetings do not round the baseline up or down by a whole meeting.
    """
    quiet = tuple(_ts(q["week"]) for q in data.truth["quiet_weeks"] if q["rep"] == rep)
    t = data.rep_weeks(rep, exclude=quiet)
    before = t[t.index < start]
    usual = before.rolling(4).mean().median()
    return before, usual, t[t.index >= start + pd.Timedelta(weeks=settle)]


def test_slumping_reps_leading_indicators_drop_below_their_own_median(data: Data) -> None:
    for s in data.truth["slumps"]:
        start = _ts(s["leading_start_week"])
        before, base, after = _leading_windows(data, s["rep"], start, settle=3)
        assert after["first_meeting"].mean() < 0.7 * base["first_meeting"], s
        assert after["first_meeting"].median() < before["first_meeting"].median(), s
        if s["shape"] in ("gradual_decline", "waiting_for_marketing_leads"):
            assert after["prospecting_minutes"].mean() < 0.5 * base["prospecting_minutes"], s
            assert after["prospecting_minutes"].median() < 0.5 * base["prospecting_minutes"], s
        if s["shape"] == "monday_call_avoidance":
            assert after["monday_call"].mean() <= 0.1 * before["monday_call"].mean(), s
            assert after["call"].mean() <= 0.8 * base["call"], s
            assert after["prospecting_minutes"].mean() < 0.9 * base["prospecting_minutes"], s
        # Before the slump they were ordinary reps.
        recent = before[before.index >= start - pd.Timedelta(weeks=8)]
        assert recent["first_meeting"].mean() >= 0.8 * base["first_meeting"], s


def test_waiting_for_marketing_leads_makes_new_pipeline_marketing_only(data: Data) -> None:
    (s,) = [s for s in data.truth["slumps"] if s["shape"] == "waiting_for_marketing_leads"]
    last = data.final_state()
    mine = last[last["rep"].eq(s["rep"]) & (last["created"] >= data.weeks[0])]
    cutoff = _ts(s["leading_start_week"]) + pd.Timedelta(weeks=3)
    before, after = mine[mine["created"] < cutoff], mine[mine["created"] >= cutoff]
    assert before["self_sourced"].mean() > 0.5
    assert len(after) >= 2 and not after["self_sourced"].any()


def test_new_opportunities_fall_with_the_leading_indicators(data: Data) -> None:
    last = data.final_state()
    for s in data.truth["slumps"]:
        mine = last[last["rep"].eq(s["rep"]) & (last["created"] >= data.weeks[0])]
        start = _ts(s["leading_start_week"])
        weeks_before = (start - data.weeks[0]).days / 7
        weeks_after = (data.weeks[-1] + pd.Timedelta(weeks=1) - start).days / 7 - 2
        rate_before = (mine["created"] < start).sum() / weeks_before
        rate_after = (mine["created"] >= start + pd.Timedelta(weeks=2)).sum() / weeks_after
        assert rate_after < 0.6 * rate_before, s


def test_results_drop_weeks_after_the_leading_indicators(data: Data) -> None:
    """Wins come from pipeline built weeks earlier, so they only dry up from results_drop."""
    last = data.final_state()
    end = data.weeks[-1] + pd.Timedelta(weeks=1)
    expected_between = got_between = 0.0
    for s in data.truth["slumps"]:
        start, drop = _ts(s["leading_start_week"]), _ts(s["results_drop_week"])
        won = last[last["won"] & last["rep"].eq(s["rep"])]
        week = _monday(won["close"])
        before = won[(week >= data.weeks[0]) & (week < start)]
        weeks_before = (start - data.weeks[0]).days / 7
        between = won[(week >= start) & (week < drop)]
        after = won[week >= drop]
        weeks_after = (end - drop).days / 7
        expected_between += len(before) / weeks_before * (drop - start).days / 7
        got_between += len(between)
        assert len(after) / weeks_after <= 0.45 * len(before) / weeks_before, s
        revenue_before = before["amount"].sum() / weeks_before
        assert after["amount"].sum() / weeks_after <= 0.5 * revenue_before, s
    # Between the leading drop and results_drop the slumping reps still win at their pace.
    assert got_between >= 0.6 * expected_between


def test_other_reps_stay_within_ordinary_noise(data: Data) -> None:
    special = _special_reps(data.truth)
    start = min(_ts(s["leading_start_week"]) for s in data.truth["slumps"])
    for rep in data.roster["Rep"]:
        if rep in special:
            continue
        before, base, after = _leading_windows(data, rep, start)
        for col in ("first_meeting", "prospecting_minutes", "call"):
            assert 0.75 * base[col] <= after[col].mean() <= 1.35 * base[col], (rep, col)
        assert after["monday_call"].mean() >= 0.5 * before["monday_call"].mean(), rep
        won = data.weekly_won_revenue(rep)
        assert won[won.index >= start].sum() > 0, rep


def test_holiday_weeks_are_quiet_for_everyone(data: Data) -> None:
    ramping = {r["rep"] for r in data.truth["ramping"]}
    totals = data.weekly.groupby("week")["rows"].sum()
    for week in data.holidays:
        assert totals[week] < 0.35 * totals.median()
        for rep in data.roster["Rep"]:
            if rep in ramping:
                continue
            usual = data.weekly.loc[rep, "rows"].median()
            assert data.weekly.loc[(rep, week), "rows"] < 0.5 * usual, (rep, week)


def test_quiet_week_is_a_vacation_not_a_slump(data: Data) -> None:
    (q,) = data.truth["quiet_weeks"]
    rep, week = q["rep"], _ts(q["week"])
    rows = data.weekly.loc[rep, "rows"]
    assert rows[week] < 0.15 * rows.median()
    t = data.rep_weeks(rep, exclude=(week,))
    before, after = t[t.index < week], t[t.index > week]
    for col in ("first_meeting", "prospecting_minutes", "call"):
        assert after[col].mean() >= 0.8 * before[col].mean(), col
    # A strong rep: above the company's usual first-meeting pace.
    assert t["first_meeting"].mean() >= data.weekly["first_meeting"].mean()


def test_hygiene_rep_stops_logging_but_pipeline_keeps_moving(data: Data) -> None:
    (h,) = data.truth["hygiene"]
    rep, start = h["rep"], _ts(h["from_week"])
    t = data.rep_weeks(rep)
    before, after = t[t.index < start], t[t.index >= start]
    assert len(after) == 5
    assert after["rows"].max() <= 0.15 * before["rows"].median()
    assert after["call"].sum() <= 6 and after["prospecting_minutes"].sum() == 0
    o = data.opps[data.opps["rep"].eq(rep)].sort_values(["id", "as_of"])
    created = o.groupby("id")["created"].first()
    assert (created >= start).sum() >= 2  # new opportunities still appear
    moved = o.assign(step=o.groupby("id")["stage_index"].diff())
    moved = moved[(moved["as_of"] > start + pd.Timedelta(weeks=1)) & moved["step"].gt(0)]
    assert moved["id"].nunique() >= 3  # and existing ones advance, some to Closed
    won = data.weekly_won_revenue(rep)
    assert won[won.index >= start].sum() > 0


def test_ramping_new_hire_starts_late_and_ramps_up(data: Data) -> None:
    (r,) = data.truth["ramping"]
    rep, start = r["rep"], _ts(r["start_date"])
    mine = data.activities[data.activities["rep"].eq(rep)]
    assert mine["ts"].min() >= start
    rows = data.weekly.loc[rep, "rows"]
    first_two, last_two = rows[start : start + pd.Timedelta(weeks=1)], rows.iloc[-2:]
    assert first_two.sum() < 0.5 * last_two.sum()
    assert last_two.mean() >= 0.7 * data.weekly["rows"].median()
    opps = data.opps[data.opps["rep"].eq(rep)]
    assert (opps["created"] >= start).all() and len(opps) > 0
