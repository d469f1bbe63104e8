"""Deterministic sample CRM exports for one fictional company, Northbeam Software.

`generate(out_dir, weeks, seed)` writes what a sales manager would upload: a roster,
targets, target accounts, activity logs and weekly opportunity snapshots, split between
a Salesforce org (Enterprise East, Mid-Market Central) and a HubSpot portal (SMB West),
each in that CRM's export spelling. It also writes `truth.json`, the story hidden in the
numbers (not an export; the tests read it):

* three reps slide into slumps of different shapes about two thirds through the window;
  their leading indicators (prospecting, calls, first meetings, new and self-sourced
  pipeline) drop first; their wins hold up while the pipeline built before the slump
  closes (opportunities take 4-14 weeks) and stop from `results_drop_week` on, when
  fewer deals fall due and those that do stall in the last stage and are later lost;
* one strong rep has a quiet (vacation) week and is otherwise fine;
* one rep stops logging activities for the last 5 weeks while their pipeline keeps
  moving (data hygiene, not a slump);
* Thanksgiving and Christmas weeks run at ~20% of normal activity for everyone;
* a new hire starts 8 weeks before `END_WEEK` and ramps up over ~8 weeks.

Opportunities are simulated from first meetings (including a burn-in period before the
window, so the first snapshot already shows a realistic open pipeline). A snapshot is
taken every Monday for the previous week: the snapshot dated `week + 7 days` describes
`week`, so the last one is dated `END_WEEK + 7 days`. Each holds the open opportunities
and those closed in the 28 days before it.

Run `python sample_data/generator.py` to regenerate the committed files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

END_WEEK = dt.date(2026, 11, 16)  # Monday of the latest full week in the default data
DEFAULT_OUT = Path(__file__).resolve().parent
MIN_WEEKS = 12
BURN_IN_WEEKS = 22  # simulated before the window so the first snapshot has a pipeline
EMAIL_DOMAIN = "northbeam.io"

ROSTER_HEADER = ["Rep", "Email", "Team", "Manager", "Start Date"]
TARGETS_HEADER = ["Metric", "Value", "Period", "Team", "Rep", "Effective From"]
TARGET_ACCOUNTS_HEADER = ["Account", "Rep"]
SF_ACTIVITIES_HEADER = [
    "Activity ID",
    "Assigned",
    "Date",
    "Type",
    "Subject",
    "Company / Account",
    "Call Result",
    "Duration",
]
HS_ACTIVITIES_HEADER = [
    "Record ID",
    "Activity type",
    "Activity date",
    "Activity assigned to",
    "Title",
    "Call duration",
    "Call outcome",
    "Associated Company",
]
SF_OPPORTUNITIES_HEADER = [
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
]
HS_DEALS_HEADER = [
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
]

FILE_NAMES = (
    "roster.csv",
    "targets.csv",
    "target_accounts.csv",
    "salesforce_activities.csv",
    "hubspot_activities.csv",
    "salesforce_opportunities.csv",
    "hubspot_deals.csv",
)
TRUTH_FILE = "truth.json"


@dataclass(frozen=True)
class Team:
    name: str
    manager: str
    crm: str  # "salesforce" | "hubspot"
    median_deal: float
    round_to: int


TEAMS = (
    Team("Enterprise East", "Denise Okafor", "salesforce", 120_000, 500),
    Team("Mid-Market Central", "Grace Liu", "salesforce", 45_000, 100),
    Team("SMB West", "Robert Fitzgerald", "hubspot", 15_000, 50),
)
REP_NAMES = {
    "Enterprise East": [
        "Priya Raman",
        "Marcus Bennett",
        "Sofia Alvarez",
        "Daniel Kim",
        "Rachel Goldberg",
        "Tomasz Nowak",
        "Aisha Mohammed",
        "Connor Walsh",
    ],
    "Mid-Market Central": [
        "Jamal Washington",
        "Emily Carter",
        "Andrés Castillo",
        "Hannah Schmidt",
        "Kevin O'Brien",
        "Mei Chen",
        "Oluwaseun Adeyemi",
        "Brittany Morales",
    ],
    "SMB West": [
        "Tyler Nguyen",
        "Jasmine Patel",
        "Diego Ramirez",
        "Natalie Brooks",
        "Samuel Osei",
        "Lauren Fischer",
        "Ethan Park",
        "Chloe Dubois",
    ],
}
SENIOR_REP = "Priya Raman"  # strong; has a higher per-rep won_revenue quota
QUIET_REP = "Lauren Fischer"  # strong; one vacation week
HYGIENE_REP = "Brittany Morales"  # stops logging activities for the last 5 weeks
RAMPING_REP = "Chloe Dubois"  # new hire, starts 8 weeks before END_WEEK
SENIOR_QUOTA_FACTOR = 1.3
# Enterprise East's count of opportunities over $100k: in scale with what its reps create (about
# 8 to 17 a quarter), so some meet it and some do not, rather than every rep many times over
# (as "2 a year" was).
OVER_100K_PER_QUARTER = 10
# Share of a slumping rep's would-be wins that still close after results_drop_week (the
# rest stall and are lost later). Above 0, one lucky big deal can hide the drop.
SLUMP_LATE_WIN_FACTOR = 0.0
# (rep, shape, position in the window, weeks from leading drop to results drop)
SLUMPS = (
    ("Tomasz Nowak", "gradual_decline", 0.63, 7),
    ("Jamal Washington", "monday_call_avoidance", 0.67, 6),
    ("Tyler Nguyen", "waiting_for_marketing_leads", 0.71, 6),
)

# Weekly base rates for an average rep (skill 1.0).
RATE_CALLS = 25.0
RATE_EMAILS = 8.0
RATE_PROSPECT_BLOCKS = 5.0
RATE_FM_SELF = 2.0  # first meetings the rep sourced
RATE_FM_MARKETING = 1.0  # first meetings from marketing leads
RATE_OTHER_MEETINGS = 2.0
RATE_ADMIN = 1.0
CONVERSION = {"self": 0.48, "marketing": 0.40}  # first meeting -> opportunity
WIN_RATE = 0.30
AMOUNT_SIGMA = 0.5
LINGER_P = 0.7  # lost deals that sit stalled in the pipeline first ...
LINGER_WEEKS = (3.0, 16.0)  # ... for this many weeks

DAY_WEIGHTS_CALLS = np.array([0.20, 0.22, 0.21, 0.20, 0.17])
DAY_WEIGHTS_PROSPECT = np.array([0.22, 0.22, 0.20, 0.20, 0.16])
DAY_WEIGHTS_MEETINGS = np.array([0.15, 0.22, 0.23, 0.23, 0.17])
DAY_WEIGHTS_EMAILS = np.array([0.21, 0.21, 0.20, 0.20, 0.18])
BLOCK_MINUTES = np.array([30, 45, 60, 75, 90, 105, 120])
BLOCK_P = np.array([0.04, 0.06, 0.12, 0.13, 0.25, 0.15, 0.25])
CALL_RESULTS = ("Connected", "Left Voicemail", "No Answer", "Busy")
CALL_RESULT_P = np.array([0.22, 0.38, 0.30, 0.10])
HS_CALL_OUTCOME = {
    "Connected": "Connected",
    "Left Voicemail": "Left voicemail",
    "No Answer": "No answer",
    "Busy": "Busy",
}
# Seconds on the phone by result: [low, high).
CALL_SECONDS = {
    "Connected": (240, 901),
    "Left Voicemail": (120, 200),
    "No Answer": (120, 150),
    "Busy": (120, 130),
}

SF_STAGES = (
    "Prospecting",
    "Qualification",
    "Needs Analysis",
    "Proposal/Price Quote",
    "Negotiation/Review",
)
HS_STAGES = (
    "Appointment Scheduled",
    "Qualified To Buy",
    "Presentation Scheduled",
    "Decision Maker Bought-In",
    "Contract Sent",
)
LOST_AT_STAGE_P = np.array([0.25, 0.25, 0.20, 0.18, 0.12])
SF_SELF_SOURCES = ("Outbound Prospecting", "Cold Call", "Employee Referral", "Partner Referral")
SF_SELF_P = np.array([0.45, 0.35, 0.10, 0.10])
SF_MARKETING_SOURCES = ("Web", "Webinar", "Trade Show", "Advertisement")
SF_MARKETING_P = np.array([0.40, 0.25, 0.15, 0.20])
HS_SELF_SOURCES = ("Offline Sources", "Direct Traffic")
HS_SELF_P = np.array([0.75, 0.25])
HS_MARKETING_SOURCES = ("Organic Search", "Paid Search", "Email Marketing", "Social Media")
HS_MARKETING_P = np.array([0.35, 0.25, 0.25, 0.15])
OPP_SUFFIXES = ("New Business", "Platform", "Annual Subscription", "Pilot", "Rollout")

ACCOUNT_WORDS = (
    "Northwind", "Bluebird", "Granite Peak", "Silverline", "Redwood", "Cascade", "Summit",
    "Ironclad", "Harborview", "Brightwater", "Evergreen", "Pioneer", "Keystone", "Meridian",
    "Crestview", "Lakeshore", "Oakridge", "Sterling", "Beacon", "Horizon", "Atlas", "Falcon",
    "Cedar", "Maple", "Riverbend", "Stonebridge", "Clearwater", "Highland", "Pinnacle",
    "Westfield", "Eastgate", "Bayside", "Copperleaf", "Blue Harbor", "Prairie", "Sunrise",
    "Trident", "Vantage", "Wildflower", "Aspen", "Juniper", "Magnolia", "Sequoia", "Orchard",
    "Lighthouse", "Anchor", "Compass", "Frontier", "Heritage", "Liberty", "Crescent",
    "Coastal", "Metro", "Quantum", "Vertex", "Nimbus", "Apex", "Zenith", "Polaris", "Orion",
    "Helix", "Cobalt", "Onyx", "Ember", "Willow", "Birchwood", "Kestrel", "Osprey", "Heron",
    "Bison", "Lynx", "Tundra", "Mesa", "Canyon", "Delta", "Harbor Point", "Ridgeline",
    "Greystone", "Fairview", "Brookside", "Kingsley", "Ashford", "Whitmore", "Calloway",
    "Thornton", "Prescott", "Halvorsen", "Okonkwo", "Takahashi", "Castellano",
)  # fmt: skip
ACCOUNT_INDUSTRIES = (
    "Logistics", "Health", "Foods", "Manufacturing", "Analytics", "Capital", "Energy",
    "Biotech", "Software", "Systems", "Realty", "Insurance", "Pharmaceuticals", "Retail",
    "Media", "Robotics", "Materials", "Aerospace", "Freight", "Dental", "Veterinary",
    "Construction", "Hospitality", "Credit Union", "Labs", "Networks", "Outfitters",
    "Brewing", "Textiles", "Solar", "Water", "Packaging", "Medical", "Engineering",
    "Consulting", "Staffing", "Pharmacy", "Farms", "Motors", "Marine", "Telecom", "Security",
    "Learning", "Legal", "Architects",
)  # fmt: skip
ACCOUNT_SUFFIXES = ("", " Inc.", " LLC", " Corp.", " Group", " Co.", ", Inc.", " Partners")
ACCOUNT_SUFFIX_P = np.array([0.34, 0.2, 0.12, 0.1, 0.1, 0.06, 0.04, 0.04])
TARGET_ACCOUNTS_PER_REP = 10
OTHER_ACCOUNTS_PER_REP = 120


@dataclass
class Rep:
    index: int
    name: str
    team: Team
    start_date: dt.date
    skill: float  # activity volume multiplier
    win_rate: float
    target_accounts: list[str]
    other_accounts: list[str]

    @property
    def email(self) -> str:
        ascii_name = unicodedata.normalize("NFKD", self.name).encode("ascii", "ignore").decode()
        first, last = ascii_name.lower().replace("'", "").split(" ", 1)
        return f"{first}.{last.replace(' ', '')}@{EMAIL_DOMAIN}"


@dataclass
class Plan:
    """Where the story sits in a window of `weeks` weeks ending at END_WEEK."""

    weeks: int
    first_week: dt.date
    slump_start: dict[str, int]  # rep -> week index (0 = first week)
    slump_shape: dict[str, str]
    results_drop: dict[str, int]
    quiet: dict[str, int]
    hygiene_from: dict[str, int]
    ramp_start: dict[str, dt.date]
    holiday_days: dict[dt.date, list[dt.date]]  # holiday-week Monday -> days off

    @classmethod
    def build(cls, weeks: int) -> Plan:
        first_week = END_WEEK - dt.timedelta(weeks=weeks - 1)
        slump_start, slump_shape, results_drop = {}, {}, {}
        for rep, shape, position, lag in SLUMPS:
            start = max(min(round(weeks * position), weeks - 11), 4)
            slump_start[rep], slump_shape[rep] = start, shape
            results_drop[rep] = min(start + lag, weeks - 1)
        holidays = _holiday_weeks(
            first_week - dt.timedelta(weeks=BURN_IN_WEEKS), END_WEEK + dt.timedelta(days=6)
        )
        quiet = round(weeks * 0.5)
        while first_week + dt.timedelta(weeks=quiet) in holidays:
            quiet += 1
        return cls(
            weeks=weeks,
            first_week=first_week,
            slump_start=slump_start,
            slump_shape=slump_shape,
            results_drop=results_drop,
            quiet={QUIET_REP: quiet},
            hygiene_from={HYGIENE_REP: weeks - 5},
            ramp_start={RAMPING_REP: END_WEEK - dt.timedelta(weeks=8)},
            holiday_days=holidays,
        )

    def week(self, index: int) -> dt.date:
        return self.first_week + dt.timedelta(weeks=index)


def _holiday_weeks(start: dt.date, end: dt.date) -> dict[dt.date, list[dt.date]]:
    """Thanksgiving and Christmas weeks (Monday -> weekdays off) between start and end."""
    weeks: dict[dt.date, list[dt.date]] = {}
    for year in range(start.year, end.year + 1):
        nov1 = dt.date(year, 11, 1)
        thanksgiving = nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)
        christmas = dt.date(year, 12, 25)
        for monday, off in (
            (thanksgiving - dt.timedelta(days=3), [thanksgiving, thanksgiving + dt.timedelta(1)]),
            (
                christmas - dt.timedelta(days=christmas.weekday()),
                [dt.date(year, 12, d) for d in (24, 25, 26)],
            ),
        ):
            if start <= monday <= end:
                weeks[monday] = [d for d in off if d.weekday() < 5]
    return dict(sorted(weeks.items()))


# --------------------------------------------------------------------------- company


def _company(seed: int, plan: Plan) -> list[Rep]:
    rng = np.random.default_rng([seed, 1])
    n_reps = sum(len(v) for v in REP_NAMES.values())
    per_rep = TARGET_ACCOUNTS_PER_REP + OTHER_ACCOUNTS_PER_REP
    combos = [(w, i) for w in ACCOUNT_WORDS for i in ACCOUNT_INDUSTRIES]
    picked = rng.permutation(len(combos))[: n_reps * per_rep]
    suffixes = rng.choice(len(ACCOUNT_SUFFIXES), size=len(picked), p=ACCOUNT_SUFFIX_P)
    names = [
        f"{combos[c][0]} {combos[c][1]}{ACCOUNT_SUFFIXES[s]}" for c, s in zip(picked, suffixes, strict=True)
    ]
    slumpers = {s[0] for s in SLUMPS}
    reps: list[Rep] = []
    earliest = dt.date(2019, 1, 7)
    latest = plan.first_week - dt.timedelta(weeks=BURN_IN_WEEKS + 4)
    span_weeks = max((latest - earliest).days // 7, 1)
    for team in TEAMS:
        for name in REP_NAMES[team.name]:
            i = len(reps)
            skill = float(np.clip(rng.normal(1.0, 0.08), 0.86, 1.12))
            win = WIN_RATE * float(np.clip(rng.normal(1.0, 0.08), 0.85, 1.15))
            start = earliest + dt.timedelta(weeks=int(rng.integers(0, span_weeks)))
            if name in slumpers:
                skill = float(np.clip(rng.normal(1.03, 0.03), 0.98, 1.08))
            if name in (SENIOR_REP, QUIET_REP):
                skill, win = (1.18, 0.34) if name == SENIOR_REP else (1.15, 0.32)
                start = earliest + dt.timedelta(weeks=int(rng.integers(0, 52)))
            if name in plan.ramp_start:
                start = plan.ramp_start[name]
            accounts = names[i * per_rep : (i + 1) * per_rep]
            reps.append(
                Rep(
                    index=i,
                    name=name,
                    team=team,
                    start_date=start,
                    skill=skill,
                    win_rate=win,
                    target_accounts=sorted(accounts[:TARGET_ACCOUNTS_PER_REP]),
                    other_accounts=accounts[TARGET_ACCOUNTS_PER_REP:],
                )
            )
    return reps


# --------------------------------------------------------------------------- activity


@dataclass
class Activity:
    when: dt.datetime
    kind: str  # call | email | prospect | fm | meeting | admin
    subject: str
    account: str = ""
    result: str = ""
    seconds: int | None = None


@dataclass
class FirstMeeting:
    when: dt.datetime
    account: str
    source: str  # self | marketing


@dataclass
class WeekFactors:
    calls: float = 1.0
    emails: float = 1.0
    prospect: float = 1.0
    fm_self: float = 1.0
    fm_marketing: float = 1.0
    meetings: float = 1.0
    admin: float = 1.0
    monday_calls: float = 1.0  # multiplier on Monday's share of calls
    monday_prospecting: float = 1.0
    logged: dict[str, float] = field(default_factory=dict)  # kind -> share of rows logged

    def scale(self, factor: float) -> None:
        for name in ("calls", "emails", "prospect", "fm_self", "fm_marketing", "meetings", "admin"):
            setattr(self, name, getattr(self, name) * factor)


def _week_factors(rep: Rep, w: int, plan: Plan) -> WeekFactors:
    f = WeekFactors()
    monday = plan.week(w)
    if rep.name in plan.ramp_start:
        start = plan.ramp_start[rep.name]
        if monday + dt.timedelta(days=4) < start:
            f.scale(0.0)
            return f
        k = max((monday - start).days // 7, 0)
        f.scale(min(1.0, 0.2 + 0.8 * k / 7))
    if monday in plan.holiday_days:
        f.scale(0.2)
    if plan.quiet.get(rep.name) == w:
        f.scale(0.05)
    if rep.name in plan.slump_start and w >= plan.slump_start[rep.name]:
        k = w - plan.slump_start[rep.name]
        shape = plan.slump_shape[rep.name]
        if shape == "gradual_decline":
            d = min(1.0, (k + 1) / 6)
            f.prospect *= 1 - 0.7 * d
            f.fm_self *= 1 - 0.75 * d
            f.fm_marketing *= 1 - 0.3 * d
            f.calls *= 1 - 0.3 * d
            f.emails *= 1 - 0.2 * d
        elif shape == "monday_call_avoidance":
            f.monday_calls = 0.03
            f.monday_prospecting = 0.0
            f.calls *= 0.68
            f.prospect *= 0.75
            f.fm_self *= 0.3
            f.fm_marketing *= 0.85
            f.emails *= 0.9
        elif shape == "waiting_for_marketing_leads":
            f.fm_self *= 0.35 if k == 0 else 0.0
            f.fm_marketing *= 1.25
            f.prospect *= 0.3
            f.calls *= 0.6
            f.emails *= 0.9
    if rep.name in plan.hygiene_from and w >= plan.hygiene_from[rep.name]:
        f.logged = {"call": 0.015, "email": 0.03, "prospect": 0.0, "admin": 0.0}
        f.logged |= {"fm": 0.05, "meeting": 0.05}
    return f


def _working_days(plan: Plan, w: int) -> list[dt.date]:
    monday = plan.week(w)
    off = plan.holiday_days.get(monday, [])
    return [monday + dt.timedelta(days=d) for d in range(5) if monday + dt.timedelta(d) not in off]


def _pick_days(rng: np.random.Generator, days: list[dt.date], weights: np.ndarray, n: int) -> list[dt.date]:
    p = np.array([weights[d.weekday()] for d in days], dtype=float)
    if p.sum() <= 0:
        p = np.ones(len(days))
    return [days[i] for i in rng.choice(len(days), size=n, p=p / p.sum())]


def _steady_days(
    rng: np.random.Generator, days: list[dt.date], weights: np.ndarray, expected: float
) -> list[dt.date]:
    """About `expected` events spread over the days, each day rounding up or down at random."""
    p = np.array([weights[d.weekday()] for d in days], dtype=float)
    if p.sum() <= 0:
        return []
    lam = expected * p / p.sum()
    counts = np.floor(lam).astype(int) + (rng.random(len(days)) < lam - np.floor(lam))
    return [d for d, c in zip(days, counts, strict=True) for _ in range(int(c))]


def _at(day: dt.date, minute_of_day: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minute_of_day // 60, minute_of_day % 60))


def _accounts(rng: np.random.Generator, rep: Rep, n: int, target_share: float) -> list[str]:
    target = rng.random(n) < target_share
    t_idx = rng.integers(0, len(rep.target_accounts), size=n)
    o_idx = rng.integers(0, len(rep.other_accounts), size=n)
    return [
        rep.target_accounts[t] if is_t else rep.other_accounts[o]
        for is_t, t, o in zip(target, t_idx, o_idx, strict=True)
    ]


def _simulate_week_activities(
    rng: np.random.Generator, rep: Rep, days: list[dt.date], f: WeekFactors, noise: float
) -> list[Activity]:
    sf = rep.team.crm == "salesforce"
    out: list[Activity] = []

    n = rng.poisson(RATE_CALLS * rep.skill * f.calls * noise)
    weights = DAY_WEIGHTS_CALLS * np.array([f.monday_calls, 1, 1, 1, 1])
    call_days = _pick_days(rng, days, weights, n)
    minutes = rng.integers(8 * 60, 17 * 60 + 15, size=n)
    results = rng.choice(len(CALL_RESULTS), size=n, p=CALL_RESULT_P)
    accounts = _accounts(rng, rep, n, 0.3)
    kinds = rng.random(n)
    for day, m, r, acct, k in zip(call_days, minutes, results, accounts, kinds, strict=True):
        result = CALL_RESULTS[r]
        lo, hi = CALL_SECONDS[result]
        if sf:
            subject = "Call" if k < 0.5 else "Cold call" if k < 0.85 else "Follow-up call"
        else:
            subject = "Outbound call" if k < 0.8 else "Follow-up call"
        secs = int(rng.integers(lo, hi))
        out.append(Activity(_at(day, int(m)), "call", subject, acct, result, secs))

    n = rng.poisson(RATE_EMAILS * rep.skill * f.emails * noise)
    email_days = _pick_days(rng, days, DAY_WEIGHTS_EMAILS, n)
    minutes = rng.integers(7 * 60 + 30, 18 * 60, size=n)
    accounts = _accounts(rng, rep, n, 0.3)
    topics = rng.choice(4, size=n)
    for day, m, acct, t in zip(email_days, minutes, accounts, topics, strict=True):
        topic = ("Introduction", "Following up", "Meeting recap", "Pricing overview")[t]
        subject = f"Email: {topic}" if sf else topic
        out.append(Activity(_at(day, int(m)), "email", subject, acct))

    # Prospecting blocks sit in the calendar, so they are steadier than Poisson.
    expected = RATE_PROSPECT_BLOCKS * rep.skill * f.prospect * noise
    weights = DAY_WEIGHTS_PROSPECT * np.array([f.monday_prospecting, 1, 1, 1, 1])
    block_days = _steady_days(rng, days, weights, expected)
    n = len(block_days)
    starts = rng.choice([480, 510, 540, 570, 600, 780, 810, 840], size=n)
    lengths = rng.choice(BLOCK_MINUTES, size=n, p=BLOCK_P)
    variants = rng.random(n)
    for day, m, length, v in zip(block_days, starts, lengths, variants, strict=True):
        subject = "Prospecting - target accounts" if sf and v < 0.3 else "Prospecting block"
        out.append(Activity(_at(day, int(m)), "prospect", subject, "", "", int(length) * 60))

    n = rng.poisson(RATE_ADMIN * f.admin)
    admin_days = _pick_days(rng, days, DAY_WEIGHTS_EMAILS, n)
    for day in admin_days:
        if sf:
            subject = ("Pipeline review", "Forecast update", "Internal: deal review")[int(rng.integers(0, 3))]
            out.append(Activity(_at(day, 16 * 60), "admin", subject, "", "", 30 * 60))
        else:
            subject = ("Update deal notes", "Forecast update")[int(rng.integers(0, 2))]
            out.append(Activity(_at(day, 16 * 60 + 30), "admin", subject))
    return out


class Pace:
    """Weekly counts that vary from week to week around a steady long-run rate.

    First meetings are booked ahead by a rep with a routine, so a light week tends to be
    followed by a fuller one: counts are random roundings of the running expected total.
    """

    def __init__(self) -> None:
        self.expected, self.done = 0.0, 0

    def count(self, rng: np.random.Generator, expected: float) -> int:
        self.expected += expected
        n = max(math.floor(self.expected + rng.random()) - self.done, 0)
        self.done += n
        return n


def _simulate_first_meetings(
    rng: np.random.Generator,
    rep: Rep,
    days: list[dt.date],
    f: WeekFactors,
    noise: float,
    cycle: list[str],
    pace: Pace,
) -> list[FirstMeeting]:
    self_rate = RATE_FM_SELF * rep.skill * f.fm_self * noise
    marketing_rate = RATE_FM_MARKETING * f.fm_marketing * noise
    total = self_rate + marketing_rate
    out = []
    for day in _pick_days(rng, days, DAY_WEIGHTS_MEETINGS, pace.count(rng, total)):
        source = "self" if rng.random() * total < self_rate else "marketing"
        target_share = 0.35 if source == "self" else 0.10
        slot = int(rng.integers(0, 15))  # 9:00 .. 16:00 on the half hour
        if rng.random() < target_share:
            account = rep.target_accounts[int(rng.integers(0, len(rep.target_accounts)))]
        else:
            if not cycle:
                order = rng.permutation(len(rep.other_accounts))
                cycle.extend(rep.other_accounts[i] for i in order)
            account = cycle.pop()
        out.append(FirstMeeting(_at(day, 9 * 60 + 30 * slot), account, source))
    return out


# --------------------------------------------------------------------------- opportunities


@dataclass
class Opportunity:
    rep: Rep
    account: str
    name: str
    source: str  # self | marketing
    lead_source: str
    created: dt.date
    amount: int
    won: bool
    stage_entries: list[dt.date]  # entry date of each open stage reached
    expected_close: dt.date
    slip_date: dt.date | None
    slipped_close: dt.date | None
    close: dt.date  # actual close (won or lost)
    revised_on: dt.date | None = None
    revised_amount: int | None = None
    id: str = ""

    def state(self, as_of: dt.date) -> tuple[str | None, int, dt.date]:
        """(open stage index or 'won'/'lost', amount, close date) as seen on `as_of`."""
        amount = self.revised_amount if self.revised_on and self.revised_on < as_of else self.amount
        if self.close < as_of:
            return ("won" if self.won else "lost"), amount, self.close
        stage = sum(1 for d in self.stage_entries if d < as_of) - 1
        shown = self.slipped_close if self.slip_date and self.slip_date < as_of else None
        return stage, amount, shown or self.expected_close


def _business_day(d: dt.date) -> dt.date:
    return d + dt.timedelta(days=(7 - d.weekday()) % 7) if d.weekday() >= 5 else d


def _round_amount(x: float, step: int) -> int:
    return max(round(x / step) * step, step)


class Spread:
    """Uniform draws spread evenly over time (a Weyl sequence with a random phase).

    Used for the conversion and win draws: each rep converts and wins a steady share, so
    short windows are not all losses by chance, while single outcomes still look random.
    """

    def __init__(self, rng: np.random.Generator, step: float) -> None:
        self.value, self.step = float(rng.random()), step

    def next(self) -> float:
        self.value = (self.value + self.step) % 1.0
        return self.value


def _lead_sources(crm: str, source: str) -> tuple[tuple[str, ...], np.ndarray]:
    if crm == "salesforce":
        return (SF_SELF_SOURCES, SF_SELF_P) if source == "self" else (SF_MARKETING_SOURCES, SF_MARKETING_P)
    return (HS_SELF_SOURCES, HS_SELF_P) if source == "self" else (HS_MARKETING_SOURCES, HS_MARKETING_P)


@dataclass
class Draft:
    """Everything random about an opportunity except whether it is won."""

    rep: Rep
    fm: FirstMeeting
    created: dt.date
    amount: int
    expected_close: dt.date
    slip_date: dt.date | None
    slipped_close: dt.date | None
    entries: list[dt.date]  # entry date of each of the five open stages on the way to a win
    lost_stage: int
    lost_close: dt.date
    push_days: int
    late_draw: float
    name: str
    lead_source: str
    revision: tuple[float, float] | None  # (when, as a share of its life; amount factor)

    @property
    def due(self) -> dt.date:
        """The close date if it is won."""
        return self.slipped_close or self.expected_close


def _draft_opportunity(
    rng: np.random.Generator, rep: Rep, fm: FirstMeeting, conversion: Spread
) -> Draft | None:
    """The opportunity a first meeting turns into (0-2 weeks later), or None."""
    if conversion.next() >= CONVERSION[fm.source]:
        return None
    created = _business_day(fm.when.date() + dt.timedelta(days=int(rng.integers(0, 15))))
    team = rep.team
    amount = _round_amount(rng.lognormal(math.log(team.median_deal), AMOUNT_SIGMA), team.round_to)
    plan_weeks = float(np.clip(4 + rng.gamma(2.0, 2.2), 4, 14))
    expected_close = _business_day(created + dt.timedelta(days=round(plan_weeks * 7)))
    slip_date = slipped_close = None
    actual_weeks = plan_weeks
    if rng.random() < 0.3:
        slip_weeks = int(rng.integers(2, 7))
        slip_date = created + dt.timedelta(days=round(rng.uniform(0.35, 0.85) * plan_weeks * 7))
        slipped_close = _business_day(expected_close + dt.timedelta(weeks=slip_weeks))
        actual_weeks += slip_weeks
    fractions = np.sort(rng.uniform(0.08, 0.92, size=4))
    entries = [created] + [created + dt.timedelta(days=round(x * actual_weeks * 7)) for x in fractions]
    lost_stage = int(rng.choice(5, p=LOST_AT_STAGE_P))
    if lost_stage < 4:
        stalled = entries[lost_stage + 1]
    else:
        stalled = created + dt.timedelta(days=round(actual_weeks * 7))
    if rng.random() < LINGER_P:  # sits stalled in the pipeline before someone closes it lost
        stalled += dt.timedelta(weeks=float(rng.uniform(*LINGER_WEEKS)))
    sources, p = _lead_sources(team.crm, fm.source)
    return Draft(
        rep=rep,
        fm=fm,
        created=created,
        amount=amount,
        expected_close=expected_close,
        slip_date=slip_date,
        slipped_close=slipped_close,
        entries=entries,
        lost_stage=lost_stage,
        lost_close=_business_day(max(stalled, created + dt.timedelta(days=3))),
        push_days=int(rng.integers(0, 22)),
        late_draw=float(rng.random()),
        name=f"{fm.account} - {OPP_SUFFIXES[int(rng.integers(0, len(OPP_SUFFIXES)))]}",
        lead_source=sources[int(rng.choice(len(sources), p=p))],
        revision=(float(rng.uniform(0.3, 0.9)), float(rng.uniform(0.7, 1.3)))
        if rng.random() < 0.15
        else None,
    )


def _finish_opportunity(d: Draft, won: bool, results_drop: dt.date | None) -> Opportunity:
    """The opportunity's timeline once its outcome is known.

    `results_drop`: for a rep in a slump, deals that would have been won from that week on
    stall instead (the disengaged rep stops driving late-stage deals): they sit in the last
    open stage with their close date pushed out, and are eventually lost. On top of that
    there are fewer deals, because the slump dried up new pipeline weeks earlier.
    """
    stalls = (
        won and results_drop is not None and d.due >= results_drop and d.late_draw >= SLUMP_LATE_WIN_FACTOR
    )
    lost_stage, lost_close = d.lost_stage, d.lost_close
    if stalls:
        won, lost_stage = False, len(d.entries) - 1
        share = (d.late_draw - SLUMP_LATE_WIN_FACTOR) / (1 - SLUMP_LATE_WIN_FACTOR)
        lost_close = _business_day(d.due + dt.timedelta(weeks=6 + 10 * share))
    entries, slip_date, slipped_close = d.entries, d.slip_date, d.slipped_close
    if won:
        close = d.due
    else:
        close = lost_close
        entries = entries[: lost_stage + 1]
        shown = slipped_close if slip_date and slip_date < close else d.expected_close
        if close > shown:  # the close date passed, so the rep pushed it out
            slip_date = slip_date if slip_date and slip_date < close else shown
            slipped_close = _business_day(close + dt.timedelta(days=d.push_days))
    if slip_date and slip_date >= close:
        slip_date = slipped_close = None
    opp = Opportunity(
        rep=d.rep,
        account=d.fm.account,
        name=d.name,
        source=d.fm.source,
        lead_source=d.lead_source,
        created=d.created,
        amount=d.amount,
        won=won,
        stage_entries=entries,
        expected_close=d.expected_close,
        slip_date=slip_date,
        slipped_close=slipped_close,
        close=close,
    )
    if d.revision:
        share, factor = d.revision
        opp.revised_on = d.created + dt.timedelta(days=round(share * (close - d.created).days))
        opp.revised_amount = _round_amount(d.amount * factor, d.rep.team.round_to)
    return opp


def _other_meetings(
    rng: np.random.Generator,
    rep: Rep,
    days: list[dt.date],
    f: WeekFactors,
    noise: float,
    open_accounts: list[str],
) -> list[Activity]:
    out = []
    n = rng.poisson(RATE_OTHER_MEETINGS * f.meetings * noise)
    for day in _pick_days(rng, days, DAY_WEIGHTS_MEETINGS, n):
        if open_accounts:
            account = open_accounts[int(rng.integers(0, len(open_accounts)))]
        else:
            account = rep.other_accounts[int(rng.integers(0, len(rep.other_accounts)))]
        kind = "Demo" if rng.random() < 0.4 else "Follow-up meeting"
        minutes = int(rng.choice([30, 45, 60]))
        when = _at(day, 9 * 60 + 30 * int(rng.integers(0, 15)))
        out.append(Activity(when, "meeting", f"{kind} - {account}", account, "", minutes * 60))
    return out


# --------------------------------------------------------------------------- simulation


@dataclass
class RepResult:
    activities: list[Activity]
    opportunities: list[Opportunity]


def _simulate_rep(rep: Rep, plan: Plan, seed: int) -> RepResult:
    rng_act = np.random.default_rng([seed, 100 + rep.index])
    rng_opp = np.random.default_rng([seed, 200 + rep.index])
    rng_meet = np.random.default_rng([seed, 300 + rep.index])
    rng_log = np.random.default_rng([seed, 400 + rep.index])
    conversion = Spread(rng_opp, (math.sqrt(5) - 1) / 2)
    winning = Spread(rng_opp, math.sqrt(2) - 1)
    sf = rep.team.crm == "salesforce"
    cycle: list[str] = []
    fm_pace = Pace()
    activities: list[Activity] = []
    drafts: list[Draft] = []
    opportunities: list[Opportunity] = []
    week_info = {}
    results_drop = None
    if rep.name in plan.results_drop:
        results_drop = plan.week(plan.results_drop[rep.name])
    for w in range(-BURN_IN_WEEKS, plan.weeks):
        f = _week_factors(rep, w, plan)
        days = _working_days(plan, w)
        if rep.name in plan.ramp_start:
            days = [d for d in days if d >= plan.ramp_start[rep.name]] or days
        noise = float(rng_act.lognormal(0.0, 0.08))
        week_info[w] = (f, days, noise)
        for fm in _simulate_first_meetings(rng_act, rep, days, f, noise, cycle, fm_pace):
            draft = _draft_opportunity(rng_opp, rep, fm, conversion)
            if draft:
                drafts.append(draft)
            if w >= 0:
                minutes = int(rng_act.choice([30, 45, 60], p=[0.4, 0.3, 0.3]))
                title = "Discovery call" if sf and rng_act.random() < 0.35 else "First meeting"
                activities.append(
                    Activity(fm.when, "fm", f"{title} - {fm.account}", fm.account, "", minutes * 60)
                )
        if w >= 0:
            activities.extend(_simulate_week_activities(rng_act, rep, days, f, noise))
    # Outcomes are drawn in the order the deals fall due, so wins come at a steady pace.
    for i in sorted(range(len(drafts)), key=lambda i: (drafts[i].due, i)):
        won = winning.next() < rep.win_rate
        opportunities.append(_finish_opportunity(drafts[i], won, results_drop))
    opportunities.sort(key=lambda o: (o.created, o.account, o.name))
    for w in range(plan.weeks):
        f, days, noise = week_info[w]
        monday = plan.week(w)
        open_accounts = sorted(
            {o.account for o in opportunities if o.created <= monday + dt.timedelta(4) and o.close >= monday}
        )
        activities.extend(_other_meetings(rng_meet, rep, days, f, noise, open_accounts))
    kept = []
    for a in sorted(activities, key=lambda a: (a.when, a.kind, a.subject, a.account)):
        w = (a.when.date() - plan.first_week).days // 7
        share = week_info[w][0].logged.get(a.kind, 1.0)
        if share >= 1.0 or rng_log.random() < share:
            kept.append(a)
    return RepResult(kept, opportunities)


# --------------------------------------------------------------------------- formatting


def _us_date(d: dt.date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def _us_datetime(t: dt.datetime) -> str:
    hour12 = t.hour % 12 or 12
    return f"{_us_date(t.date())} {hour12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def _hms(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _nice_round(x: float) -> int:
    step = 10 ** max(math.floor(math.log10(max(x, 1))) - 1, 0) / 2
    return int(round(x / step) * step)


def _activity_rows(results: list[tuple[Rep, RepResult]], crm: str) -> list[list[object]]:
    items = [(a, rep) for rep, res in results if rep.team.crm == crm for a in res.activities]
    items.sort(key=lambda x: (x[0].when, x[1].name, x[0].kind, x[0].subject, x[0].account))
    rows: list[list[object]] = []
    for n, (a, rep) in enumerate(items, start=1):
        if crm == "salesforce":
            sf_type = {"call": "Call", "email": "Email", "fm": "Meeting", "meeting": "Meeting"}
            duration = "" if a.seconds is None else max(round(a.seconds / 60), 1)
            rows.append(
                [
                    f"00T{5_000_000 + n:012d}",
                    rep.name,
                    _us_datetime(a.when),
                    sf_type.get(a.kind, "Other"),
                    a.subject,
                    a.account,
                    a.result,
                    duration,
                ]
            )
        else:
            hs_type = {"call": "CALL", "email": "EMAIL", "fm": "MEETING", "meeting": "MEETING"}
            with_duration = a.kind in ("call", "prospect") and a.seconds is not None
            rows.append(
                [
                    str(52_000_000_000 + n * 7),
                    hs_type.get(a.kind, "TASK"),
                    a.when.strftime("%Y-%m-%d %H:%M"),
                    rep.name,
                    a.subject,
                    _hms(a.seconds) if with_duration else "",
                    HS_CALL_OUTCOME.get(a.result, ""),
                    a.account,
                ]
            )
    return rows


def _opportunity_rows(
    opps: list[Opportunity], plan: Plan, crm: str, rng: np.random.Generator
) -> list[list[object]]:
    rows: list[list[object]] = []
    for w in range(plan.weeks):
        as_of = plan.week(w + 1)  # taken on Monday for the previous week
        for o in opps:
            if o.created >= as_of or (as_of - o.close).days > 28:
                continue
            stage, amount, close = o.state(as_of)
            if crm == "salesforce":
                label = (
                    SF_STAGES[stage]
                    if isinstance(stage, int)
                    else ("Closed Won" if stage == "won" else "Closed Lost")
                )
                money = f"USD {amount:,.2f}" if rng.random() < 0.03 else f"{amount:.2f}"
                rows.append(
                    [
                        o.id,
                        o.rep.name,
                        o.account,
                        o.name,
                        label,
                        money,
                        _us_date(o.created),
                        _us_date(close),
                        o.lead_source,
                        _us_date(as_of),
                    ]
                )
            else:
                label = (
                    HS_STAGES[stage]
                    if isinstance(stage, int)
                    else ("Closed Won" if stage == "won" else "Closed Lost")
                )
                rows.append(
                    [
                        o.id,
                        o.name,
                        label,
                        str(amount),
                        close.isoformat(),
                        o.created.isoformat(),
                        o.rep.name,
                        o.account,
                        o.lead_source,
                        as_of.isoformat(),
                    ]
                )
    return rows


def _targets_rows(reps: list[Rep], results: list[tuple[Rep, RepResult]], plan: Plan) -> list[list[object]]:
    """Team defaults; the won_revenue quota makes the average rep land at ~95%."""
    window_start, window_end = plan.first_week, plan.week(plan.weeks)
    quarterly: dict[str, list[float]] = {t.name: [] for t in TEAMS}
    for rep, res in results:
        if rep.name in plan.ramp_start or rep.name == SENIOR_REP:
            continue
        won = sum(
            (o.revised_amount if o.revised_on and o.revised_on < o.close else o.amount)
            for o in res.opportunities
            if o.won and window_start <= o.close < window_end
        )
        quarterly[rep.team.name].append(won / plan.weeks * 13)
    eff = plan.first_week.isoformat()
    rows: list[list[object]] = []
    quotas = {}
    for team in TEAMS:
        quotas[team.name] = _nice_round(float(np.mean(quarterly[team.name])) / 0.95)
        t = team.name
        rows += [
            ["prospecting_minutes", 90, "day", t, "", eff],
            ["first_meetings", 3, "week", t, "", eff],
            ["calls", 25, "week", t, "", eff],
            ["opportunities_over_100k", OVER_100K_PER_QUARTER, "quarter", t, "", eff]
            if t == "Enterprise East"
            else ["opportunities_created", 2, "week", t, "", eff],
            ["pipeline_coverage", 3, "quarter", t, "", eff],
            ["won_revenue", quotas[t], "quarter", t, "", eff],
            ["win_rate", 0.25, "quarter", t, "", eff],
        ]
    senior = next(r for r in reps if r.name == SENIOR_REP)
    senior_quota = _nice_round(quotas[senior.team.name] * SENIOR_QUOTA_FACTOR)
    rows.append(["won_revenue", senior_quota, "quarter", senior.team.name, senior.name, eff])
    return rows


def _truth(plan: Plan, seed: int, reps: list[Rep]) -> dict:
    team_of = {r.name: r.team.name for r in reps}
    return {
        "end_week": END_WEEK.isoformat(),
        "first_week": plan.first_week.isoformat(),
        "weeks": plan.weeks,
        "seed": seed,
        "snapshot_convention": "As of / Snapshot Date is the Monday after the week it describes",
        "slumps": [
            {
                "rep": rep,
                "team": team_of[rep],
                "shape": plan.slump_shape[rep],
                "leading_start_week": plan.week(plan.slump_start[rep]).isoformat(),
                "results_drop_week": plan.week(plan.results_drop[rep]).isoformat(),
            }
            for rep, *_ in SLUMPS
        ],
        "quiet_weeks": [{"rep": r, "week": plan.week(w).isoformat()} for r, w in plan.quiet.items()],
        "hygiene": [{"rep": r, "from_week": plan.week(w).isoformat()} for r, w in plan.hygiene_from.items()],
        "ramping": [{"rep": r, "start_date": d.isoformat()} for r, d in plan.ramp_start.items()],
        "holiday_weeks": [m.isoformat() for m in plan.holiday_days if plan.first_week <= m <= END_WEEK],
        "senior_quota_rep": SENIOR_REP,
    }


# --------------------------------------------------------------------------- entry points


def generate(out_dir: Path, weeks: int = 52, seed: int = 7) -> list[Path]:
    """Writes the exports into out_dir and returns their paths in ingest order.

    Order: roster, targets, target accounts, activities (Salesforce, HubSpot),
    opportunities (Salesforce, HubSpot). `truth.json` is written too but not returned.
    """
    if weeks < MIN_WEEKS:
        raise ValueError(f"weeks must be at least {MIN_WEEKS}, got {weeks}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = Plan.build(weeks)
    reps = _company(seed, plan)
    results = [(rep, _simulate_rep(rep, plan, seed)) for rep in reps]

    for crm, prefix in (("salesforce", "006"), ("hubspot", "")):
        opps = [o for rep, res in results if rep.team.crm == crm for o in res.opportunities]
        opps.sort(key=lambda o: (o.created, o.rep.name, o.account, o.name))
        for n, o in enumerate(opps, start=1):
            o.id = f"006{3_000_000 + n:012d}" if prefix else str(21_000_000_000 + n * 3)

    paths = [
        _write_csv(
            out_dir / FILE_NAMES[0],
            ROSTER_HEADER,
            [[r.name, r.email, r.team.name, r.team.manager, r.start_date.isoformat()] for r in reps],
        ),
        _write_csv(out_dir / FILE_NAMES[1], TARGETS_HEADER, _targets_rows(reps, results, plan)),
        _write_csv(
            out_dir / FILE_NAMES[2],
            TARGET_ACCOUNTS_HEADER,
            [[a, r.name] for r in reps for a in r.target_accounts],
        ),
        _write_csv(out_dir / FILE_NAMES[3], SF_ACTIVITIES_HEADER, _activity_rows(results, "salesforce")),
        _write_csv(out_dir / FILE_NAMES[4], HS_ACTIVITIES_HEADER, _activity_rows(results, "hubspot")),
    ]
    fmt_rng = np.random.default_rng([seed, 2])
    for name, header, crm in (
        (FILE_NAMES[5], SF_OPPORTUNITIES_HEADER, "salesforce"),
        (FILE_NAMES[6], HS_DEALS_HEADER, "hubspot"),
    ):
        opps = sorted(
            (o for rep, res in results if rep.team.crm == crm for o in res.opportunities),
            key=lambda o: o.id,
        )
        paths.append(_write_csv(out_dir / name, header, _opportunity_rows(opps, plan, crm, fmt_rng)))
    truth = json.dumps(_truth(plan, seed, reps), indent=2, ensure_ascii=False)
    (out_dir / TRUTH_FILE).write_text(truth + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=52, help="weeks ending at END_WEEK")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = generate(args.out, weeks=args.weeks, seed=args.seed)
    elapsed = time.perf_counter() - started
    for p in [*paths, args.out / TRUTH_FILE]:
        with p.open(encoding="utf-8") as fh:
            rows = sum(1 for _ in fh) - 1
        print(f"{p.name:32s} {p.stat().st_size / 1024:9.1f} KiB {rows:8d} rows")
    print(f"generated in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
