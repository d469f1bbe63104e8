"""The simulated companies of the early-intervention harness (`interventions_eval`): weekly metrics of
teams over a year with slumps of known shapes injected at known weeks, and look-alikes that are not
slumps (holiday weeks, a ramping hire, a strong rep's quiet week, ordinary noise).

Results drop (the week the harness measures lead time against) is read off the
simulation's own mechanics rather than set by hand. From the rep's rates (first
meetings × conversion × the rep's activity scale that week, holidays and noise
factor included), deals close spread evenly 4–14 weeks after creation and are
won with the slump-adjusted probability (never if the shape makes them lost).
The results-drop week is the first week from the slump start in which those
expected wins fall under 75% of the same rep's expected wins without the slump.
For the activity shapes this is the week from which their deals are all lost
(start + 5–7); for falling_win_rate it is start + 3 to 6.

Noise (`--noise`): `poisson` (the original model) draws each weekly count from
a Poisson law around a rate fixed for the whole year. Real reps vary more than
that: busy deal weeks, training days and conferences move all of a rep's
activity up or down together for a few weeks, and some reps are much steadier
than others. `overdispersed` adds that: each rep's activity rate is multiplied,
week by week, by a shared factor exp(x) with x an AR(1) process (weekly
persistence 0.5) whose spread differs per rep (standard deviation drawn from
0.05–0.25). `ar1` is the drift seen in real teams' exports: the log of each
rep's activity level follows an AR(1) (persistence 0.6, weekly innovations
of standard deviation 0.18, so about 0.225 around the rep's level), on top of
Poisson counts. `negbin` keeps the level fixed but draws each day's counts
from a negative binomial (a Poisson whose daily rate is gamma-distributed with
shape 2: 5 working days, a week's count swings about twice as much as a
Poisson's at 25 calls). None is a real company.

Deals: every established rep starts the year with the open pipeline a steady
rep has (deals created at the usual pace in the 15 weeks before, still open),
so the first weeks are not a pipeline build-up; a ramping hire starts empty.
Each deal passes through STAGES stages, due to advance at even steps of its
cycle; it advances the first week from then on that it is worked (any activity
on its account, chance 0.45 × the rep's activity scale that week), so a deal
left alone sits in its stage, as an export's stage and last activity show it.
The weekly rows carry `open_deals_worked`, `open_deals`,
`open_deals_stalled` (the share of open deals 4 weeks or more in one stage) and
`open_deals_moved` (the share of open deals that moved on a stage that week).

Limits worth knowing when reading the numbers:
* falling_win_rate: a deal's win chance falls with the share of its life spent
  after the slump start, times 7/6 × (1 − e), e uniform in 0.4–0.7 per slump
  (30% → 9% for a deal open throughout at e = 0.4; → 19.5% at e = 0.7). What
  lies behind it is the harness's assumption, drawn per slump: `neglect` (40%):
  the rep works a share e of the open deals they used to, so deals go quiet and
  stop moving through their stages; `discovery` (30%): first meetings turn into
  opportunities at e × the usual rate and a deal due to advance does so with
  chance e (buyers are not convinced, early or late); `market` (30%): a new
  competitor or a price rise, nothing the rep logs changes and no rule can see
  it before the wins themselves (with about 1.4 deals closing a week the
  `falling_win_rate` rule needs a quarter of closes to tell). Deals already
  open are hurt too, so wins fall soon: the results drop sits at start + 3 to
  6, while a stalled deal shows only after 4 weeks in its stage; the leading
  signs mostly show around the week wins fall (they count for recall, not lead).
* Deals of the other shapes that close from a known week (start + 5–7) are all
  lost, so their results drop sharply at that week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

K_AFTER_DROP = 4
WEEKS = 52
REPS_PER_TEAM = 8
FIRST = dt.date(2025, 1, 6)
SHAPES = (
    "gradual_decline",
    "sudden_drop",
    "monday_call_avoidance",
    "waiting_for_marketing",
    "falling_win_rate",
)
TARGETS = {"prospecting_minutes": 450.0, "first_meetings": 3.0, "calls": 25.0, "pipeline_coverage": 3.0}
# Deal mechanics: weekly first meetings (self-sourced, marketing) at full pace, the share of them that become
# deals, the win probability of a deal and its cycle (close week − creation week, uniform over the range).
MEETINGS = {"self": 2.0, "mkt": 1.0}
CONVERT = {"self": 0.48, "mkt": 0.40}
WIN = 0.3
CYCLE = range(4, 15)
TOUCH = 0.45  # chance that a rep works a given open deal (any activity on its account) in a week
# falling_win_rate: how much of a deal's win chance is lost when it spends all its life neglected, per unit
# of neglect (1 − engagement). Engagement 0.4 (the strongest case) takes a deal from 30% to 9%.
NEGLECT_COST = 7 / 6
ENGAGEMENT = (0.4, 0.7)  # a falling win rate's severity e (uniform): 1 − e of what made deals move is lost
# What lies behind a falling win rate (the harness's assumption, with its shares; see the module docstring).
CAUSES = {"neglect": 0.4, "discovery": 0.3, "market": 0.3}
STAGES = 4  # stages an open deal passes through (e.g. qualify, discover, propose, negotiate)
STALL_STAGE_WEEKS = 4  # a deal stalled: this many weeks or more in its stage
RESULTS_DROP_RATIO = 0.75  # results have dropped once expected wins are under 75% of the no-slump ones


def _factors(shape: str | None, k: int, engagement: float = 1.0, cause: str = "neglect") -> dict[str, float]:
    """Multipliers on the weekly rates, `k` weeks into a slump of `shape`."""
    f = {"calls": 1.0, "prospect": 1.0, "fm_self": 1.0, "fm_mkt": 1.0, "monday": 1.0, "touch": 1.0}
    f |= {"convert": 1.0, "advance": 1.0}
    if shape is None or k < 0:
        return f
    if shape == "gradual_decline":
        d = min(1.0, (k + 1) / 6)
        f |= {"prospect": 1 - 0.7 * d, "fm_self": 1 - 0.75 * d, "fm_mkt": 1 - 0.3 * d, "calls": 1 - 0.3 * d}
    elif shape == "sudden_drop":
        f |= {"prospect": 0.35, "fm_self": 0.3, "fm_mkt": 0.7, "calls": 0.5}
    elif shape == "monday_call_avoidance":
        f |= {"monday": 0.1, "calls": 0.7, "prospect": 0.75, "fm_self": 0.35, "fm_mkt": 0.85}
    elif shape == "waiting_for_marketing":
        f |= {"fm_self": 0.3 if k == 0 else 0.0, "fm_mkt": 1.25, "prospect": 0.3, "calls": 0.6}
    elif shape == "falling_win_rate" and cause == "neglect":
        f |= {"touch": engagement}
    elif shape == "falling_win_rate" and cause == "discovery":
        f |= {"convert": engagement, "advance": engagement}
    return f


def win_factor(info: dict, created: int, close: int) -> float:
    """Multiplier on WIN for a deal open from week `created` to `close` in a falling_win_rate slump.

    The share of the deal's life spent after the slump start, times its severity (1 − engagement); the same
    for every cause.
    """
    if info.get("shape") != "falling_win_rate":
        return 1.0
    neglected = min(max((close - max(created, info["start"])) / (close - created), 0.0), 1.0)
    return 1.0 - NEGLECT_COST * (1.0 - info["engagement"]) * neglected


def expected_wins(info: dict, scales: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A slumping rep's expected wins per week, and what they would be without the slump.

    From the simulation's own rates: deals created in week c (first meetings × conversion, times the rep's
    activity scale that week) close spread evenly over CYCLE weeks later, each won with probability
    WIN × the slump's win factor for week c, or never once it closes from `lost_from` on. Deal amounts are
    drawn independently of all that, so expected won revenue is the same curve times the mean amount.
    """
    expected, usual = np.zeros(WEEKS), np.zeros(WEEKS)
    for c in range(WEEKS):
        f = _factors(info["shape"], c - info["start"], info.get("engagement", 1.0), info.get("cause", ""))
        made = scales[c] * f["convert"] * sum(MEETINGS[s] * CONVERT[s] * f["fm_" + s] for s in MEETINGS)
        made_usual = scales[c] * sum(MEETINGS[s] * CONVERT[s] for s in MEETINGS)
        for lag in CYCLE:
            w = c + lag
            if w >= WEEKS:
                break
            lost = info["lost_from"] is not None and w >= info["lost_from"]
            expected[w] += made * (0.0 if lost else WIN * win_factor(info, c, w)) / len(CYCLE)
            usual[w] += made_usual * WIN / len(CYCLE)
    return expected, usual


def results_drop(info: dict, scales: np.ndarray) -> int:
    """First week from the slump start whose expected wins are under RESULTS_DROP_RATIO × the no-slump ones.

    WEEKS (past the simulated year) if they never are.
    """
    expected, usual = expected_wins(info, scales)
    below = np.flatnonzero(expected[info["start"] :] < RESULTS_DROP_RATIO * usual[info["start"] :])
    return info["start"] + int(below[0]) if below.size else WEEKS


NOISES = ("poisson", "overdispersed", "ar1", "negbin")
AR1_PHI, AR1_SD = 0.6, 0.18  # ar1: weekly persistence and innovation sd of the log level
NEGBIN_SHAPE, DAYS = 2.0, 5  # negbin: gamma shape of each day's rate, working days a week


def activity_factors(rng: np.random.Generator, noise: str) -> np.ndarray:
    """One rep's weekly multiplier on all activity rates (ones for `poisson` and `negbin`)."""
    if noise in ("poisson", "negbin"):
        return np.ones(WEEKS)
    if noise == "ar1":
        sd, persistence = AR1_SD / np.sqrt(1 - AR1_PHI**2), AR1_PHI  # sd: of the stationary level
    else:
        sd, persistence = rng.uniform(0.05, 0.25), 0.5
    x = np.empty(WEEKS)
    x[0] = rng.normal(0, sd)
    for w in range(1, WEEKS):
        x[w] = persistence * x[w - 1] + rng.normal(0, sd * np.sqrt(1 - persistence**2))
    return np.exp(x - sd**2 / 2)


def counter(rng: np.random.Generator, noise_rng: np.random.Generator, noise: str) -> Callable[[float], int]:
    """Draws a weekly count of a given mean: Poisson, or (`negbin`) a sum of 5 negative-binomial days."""
    if noise != "negbin":
        return rng.poisson

    def draw(mean: float) -> int:
        rate = noise_rng.gamma(NEGBIN_SHAPE, mean / DAYS / NEGBIN_SHAPE, size=DAYS).sum() if mean > 0 else 0.0
        return int(rng.poisson(rate))

    return draw


def open_pipeline(rng: np.random.Generator, skill: float) -> list[Deal]:
    """The deals an established rep already has open when the year starts.

    Created at the usual pace in the CYCLE weeks before week 0; those still open at week 0 are kept, each in
    the stage its plan puts it at week 0 (entered then or earlier).
    """
    deals = []
    for created in range(-CYCLE.stop, 0):
        for _ in range(rng.poisson(skill * sum(MEETINGS[s] * CONVERT[s] for s in MEETINGS))):
            close = created + int(rng.integers(CYCLE.start, CYCLE.stop))
            amount, won = float(rng.lognormal(np.log(40000), 0.5)), bool(rng.random() < WIN)
            if close >= 0:
                deal = Deal(close, amount, won, created)
                passed = [a for a in deal.plan if a <= 0]
                deal.stage, deal.stage_week = len(passed), (passed or [created])[-1]
                deals.append(deal)
    return deals


class Deal:
    """One opportunity: its close week, amount, outcome and creation week, and as the weekly snapshots
    show it: its stage (0 until the first advance) and the week it entered that stage. `plan`: the weeks
    its stage is due to advance (a deal advances the first week it is worked from then on), STAGES − 1 of
    them spread over its cycle."""

    __slots__ = ("amount", "close", "created", "plan", "stage", "stage_week", "won")

    def __init__(self, close: int, amount: float, won: bool, created: int) -> None:
        self.close, self.amount, self.won, self.created = close, amount, won, created
        self.stage, self.stage_week = 0, created
        cycle = close - created
        self.plan = [created + round(cycle * i / STAGES) for i in range(1, STAGES)]


def work_deals(
    deals: list[Deal], w: int, chance: float, advance: float, rng: np.random.Generator
) -> tuple[int, int, int]:
    """One week of the rep's open deals: each is worked with `chance`, a worked deal due to advance does
    with `advance`. Returns (deals worked, deals stalled, deals advanced): stalled is in the same stage for
    STALL_STAGE_WEEKS or more, as the weekly snapshots' stages show it; advanced moved a stage this week."""
    worked_now = rng.random(len(deals)) < chance
    moves = rng.random(len(deals)) < advance
    stalled = advanced = 0
    for deal, worked, moved in zip(deals, worked_now, moves, strict=True):
        if worked and moved and deal.stage < len(deal.plan) and deal.plan[deal.stage] <= w:
            deal.stage, deal.stage_week = deal.stage + 1, w
            advanced += 1
        stalled += w - deal.stage_week >= STALL_STAGE_WEEKS
    return int(worked_now.sum()), stalled, advanced


def simulate(
    seed: int, teams: int, noise: str = "poisson"
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, dict]]:
    """Weekly metrics, targets and the truth (rep -> role) for `teams` teams of 8 reps."""
    rng = np.random.default_rng(seed)
    noise_rng = np.random.default_rng([seed, 1])  # separate, so `poisson` draws stay the original ones
    deal_rng = np.random.default_rng([seed, 2])  # engagement and deals worked: separate for the same reason
    weeks = [FIRST + dt.timedelta(weeks=i) for i in range(WEEKS)]
    count = counter(rng, noise_rng, noise)
    holidays = {46, 51}  # Thanksgiving and Christmas weeks: ~20% activity for everyone
    rows, truth = [], {}
    for t in range(teams):
        team = f"Team {t + 1}"
        roles = ["slump", "slump", "ramping", "quiet", "noise", "noise", "noise", "noise"]
        rng.shuffle(roles)
        for r, role in enumerate(roles):
            rep = f"{team} rep {r + 1}"
            skill = float(np.exp(rng.normal(0, 0.2))) * (1.2 if role == "quiet" else 1.0)
            info: dict = {"role": role}
            if role == "slump":
                info |= {"shape": SHAPES[rng.integers(len(SHAPES))], "start": int(rng.integers(18, 40))}
                # Activity shapes: every deal closing from this week on is lost (the harness's stand-in for
                # the pipeline drying up). The results-drop week is derived after the year is simulated.
                info["lost_from"] = (
                    None if info["shape"] == "falling_win_rate" else info["start"] + int(rng.integers(5, 8))
                )
                if info["shape"] == "falling_win_rate":
                    info["engagement"] = float(deal_rng.uniform(*ENGAGEMENT))
                    info["cause"] = str(deal_rng.choice(list(CAUSES), p=list(CAUSES.values())))
            if role == "ramping":
                info["start"] = int(rng.integers(20, 40))
            if role == "quiet":
                info["week"] = int(rng.integers(14, 44))
            truth[rep] = info
            pipeline = [] if role == "ramping" else open_pipeline(deal_rng, skill)
            factors = activity_factors(noise_rng, noise)
            scales = np.empty(WEEKS)
            for w in range(WEEKS):
                scale = skill * factors[w]
                if role == "ramping":
                    k = w - info["start"]
                    scale *= 0.0 if k < 0 else min(1.0, 0.2 + 0.8 * k / 7)
                if w in holidays:
                    scale *= 0.2
                if role == "quiet" and w == info["week"]:
                    scale *= 0.05
                scales[w] = scale
                k = w - info.get("start", 10**6) if role == "slump" else -1
                f = _factors(info.get("shape"), k, info.get("engagement", 1.0), info.get("cause", ""))
                calls = count(25 * scale * f["calls"])
                monday = rng.binomial(calls, min(1.0, 0.2 * f["monday"])) if calls else 0
                blocks = count(5 * scale * f["prospect"])
                minutes = float(rng.choice([30, 60, 90, 120], size=blocks).sum()) if blocks else 0.0
                fm_self = count(MEETINGS["self"] * scale * f["fm_self"])
                fm_mkt = count(MEETINGS["mkt"] * scale * f["fm_mkt"])
                new_self = rng.binomial(fm_self, CONVERT["self"] * f["convert"])
                new_mkt = rng.binomial(fm_mkt, CONVERT["mkt"] * f["convert"])
                amounts = rng.lognormal(np.log(40000), 0.5, new_self + new_mkt)
                for amount in amounts:
                    draw = rng.random()
                    close = w + int(rng.integers(CYCLE.start, CYCLE.stop))
                    won = draw < WIN * win_factor(info, w, close)
                    if role == "slump" and info["lost_from"] is not None and close >= info["lost_from"]:
                        won = won and w < info["start"] and rng.random() < 0.0
                    pipeline.append(Deal(close, float(amount), bool(won), w))
                closing = [p for p in pipeline if p.close == w]
                wins = [p for p in closing if p.won]
                recent = [p for p in pipeline if w - 13 < p.close <= w]
                open_deals = [p for p in pipeline if p.created <= w < p.close]
                open_amount = sum(p.amount for p in open_deals)
                chance = min(1.0, TOUCH * scale * f["touch"])
                worked, stalled, advanced = work_deals(open_deals, w, chance, f["advance"], deal_rng)
                rows.append(
                    {
                        "rep": rep,
                        "team": team,
                        "week": weeks[w],
                        "prospecting_minutes": minutes,
                        "calls": float(calls),
                        "connects": float(rng.binomial(calls, 0.22)) if calls else 0.0,
                        "monday_call_share": monday / calls if calls else np.nan,
                        "first_meetings": float(fm_self + fm_mkt),
                        "opportunities_created": float(new_self + new_mkt),
                        "pipeline_created": float(amounts.sum()),
                        "self_sourced_share": np.nan,
                        "wins": float(len(wins)),
                        "losses": float(len(closing) - len(wins)),
                        "won_revenue": float(sum(p.amount for p in wins)),
                        "win_rate": sum(p.won for p in recent) / len(recent) if recent else np.nan,
                        "pipeline_coverage": open_amount / 130000.0,
                        "open_deals_worked": worked / len(open_deals) if open_deals else np.nan,
                        "open_deals": float(len(open_deals)),
                        "open_deals_stalled": stalled / len(open_deals) if open_deals else np.nan,
                        "open_deals_moved": advanced / len(open_deals) if open_deals else np.nan,
                        "activities_logged": float(calls + blocks + fm_self + fm_mkt + count(10 * scale)),
                        "_self": new_self,
                        "_all": new_self + new_mkt,
                    }
                )
            if role == "slump":
                info["drop"] = results_drop(info, scales)
    frame = pd.DataFrame(rows)
    grouped = frame.groupby("rep")
    own = grouped["_self"].transform(lambda s: s.rolling(4, min_periods=1).sum())
    total = grouped["_all"].transform(lambda s: s.rolling(4, min_periods=1).sum())
    frame["self_sourced_share"] = (own / total.where(total > 0)).astype(float)
    frame = frame.drop(columns=["_self", "_all"])
    targets = []
    for rep, info in truth.items():
        for w in range(WEEKS):
            ramp = 1.0
            if info["role"] == "ramping":
                k = w - info["start"]
                ramp = 1.0 if k < 0 or k >= 12 else 0.25 + 0.75 * k / 11
            for metric, value in TARGETS.items():
                targets.append({"rep": rep, "week": weeks[w], "metric": metric, "target": value * ramp})
    return frame, pd.DataFrame(targets), truth
