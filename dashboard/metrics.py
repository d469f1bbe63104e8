"""The metric catalogue and each rep's weekly values.

Every metric the product shows is declared once in `METRICS`: its name (the
column of `queries/rep_weekly_metrics.sql` and the `--metric` of the CLI),
label, unit, direction, whether it leads or lags results, and a definition a
manager can read. Weeks are ISO weeks starting Monday; a week without activity
counts as zero, and a share with nothing to divide (no calls, no closed deals)
is empty rather than zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dashboard import currency, db, roster, stalled_deals
from dashboard.access import teams_param
from dashboard.wording import count

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd  # loaded where a frame is made: the CLI's `--help` needs only the catalogue


UNIT_WORDS = {  # how a unit reads beside a label, where a target's value is typed
    "minutes": "minutes",
    "count": "count",
    "share": "share, 0-1",
    "currency": "amount",
    "ratio": "ratio, x",
    "days": "days",
}


@dataclass(frozen=True)
class Metric:
    """One weekly metric and how to read it."""

    name: str
    title: str  # the label as written, '$' standing for the pipeline's currency
    unit: str  # minutes | count | share | currency | ratio | days
    higher_is_better: bool
    indicator: str  # leading | lagging
    additive: bool  # weekly values add up over a month, quarter or year
    meaning: str  # the definition as written, '$' as in `title`

    @property
    def label(self) -> str:
        """'Opportunities over $100k', or '€100k' when the pipeline is in euros (dashboard.currency)."""
        return _in_currency(self.title)

    @property
    def definition(self) -> str:
        return _in_currency(self.meaning)

    @property
    def label_with_unit(self) -> str:
        """The label and what a value counts, for choosing a metric: 'Calls (count)',
        'Win rate (share, 0-1)'."""
        return f"{self.label} ({UNIT_WORDS[self.unit]})"

    def format(self, value: float | None) -> str:
        """The value as a person would write it: '450 min', '33%', '$120,000' (in the pipeline's
        currency, see dashboard.currency), '2.5x'."""
        import pandas as pd

        if value is None or pd.isna(value):
            return "–"
        if self.unit == "share":
            return f"{value:.0%}"
        if self.unit == "currency":
            return f"{currency.current_prefix()}{value:,.0f}"
        if self.unit == "ratio":
            return f"{value:.1f}x"
        if self.unit == "minutes":
            return f"{value:,.0f} min"
        if self.unit == "days":
            return count(value, "day")
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _in_currency(text: str) -> str:
    return text.replace("$", currency.current_prefix()) if "$" in text else text


METRICS: tuple[Metric, ...] = (
    Metric("prospecting_minutes", "Prospecting minutes", "minutes", True, "leading", True,
           "Minutes of activities in the prospecting category (time blocks, research, outreach) that week; "
           "no data while no activity is in that category (the exports' types do not show it yet)."),
    Metric("calls", "Calls", "count", True, "leading", True, "Calls logged that week."),
    Metric("connects", "Connects", "count", True, "leading", True,
           "Calls whose outcome starts with connected, spoke, reached, answered, conversation or talked "
           "(or the same in Spanish, French, German or Portuguese: Conectado, Connecté, Verbunden...)."),
    Metric("monday_call_share", "Monday share of calls", "share", True, "leading", False,
           "Calls made on Monday ÷ all calls that week (empty when no calls)."),
    Metric("first_meetings", "First meetings", "count", True, "leading", True,
           "Activities in the first-meeting category (first, intro or discovery meetings) that week."),
    Metric("opportunities_created", "Opportunities created", "count", True, "leading", True,
           "Opportunities whose created date falls in that week (latest snapshot of each)."),
    Metric("pipeline_created", "New pipeline value", "currency", True, "leading", True,
           "Sum of the amounts of the opportunities created that week (blank amounts count as 0)."),
    Metric("opportunities_over_100k", "Opportunities over $100k", "count", True, "leading", True,
           "Opportunities created that week with an amount of $100,000 or more."),
    Metric("self_sourced_share", "Self-sourced share of new pipeline", "share", True, "leading", False,
           "Self-sourced opportunities ÷ all opportunities created in the last 4 weeks "
           "(lead source rules decide self-sourced vs marketing/inbound)."),
    Metric("target_account_coverage", "Target-account coverage", "share", True, "leading", False,
           "Share of the rep's target accounts with at least one logged activity in the last 4 weeks."),
    Metric("wins", "Wins", "count", True, "lagging", True,
           "Opportunities won with a close date in that week."),
    Metric("losses", "Losses", "count", False, "lagging", True,
           "Opportunities lost with a close date in that week."),
    Metric("won_revenue", "Won revenue", "currency", True, "lagging", True,
           "Sum of the amounts of the opportunities won with a close date in that week."),
    Metric("win_rate", "Win rate", "share", True, "lagging", False,
           "Won ÷ closed (won + lost) by close date over the last 13 weeks."),
    Metric("open_pipeline", "Open pipeline", "currency", True, "lagging", False,
           "Sum of open opportunity amounts in the pipeline snapshot describing that week "
           "(a snapshot dated Monday describes the week before; the last one carries forward)."),
    Metric("pipeline_coverage", "Pipeline coverage", "ratio", True, "lagging", False,
           "Open pipeline ÷ the rep's quarterly won-revenue quota in force that week."),
    Metric("avg_cycle_days", "Average sales cycle", "days", False, "lagging", False,
           "Mean days from created to close date of opportunities won in the last 13 weeks."),
    Metric("avg_deal_size", "Average deal size", "currency", True, "lagging", False,
           "Mean amount of opportunities won in the last 13 weeks."),
    Metric("open_deals", "Open deals", "count", True, "lagging", False,
           "Open opportunities in the pipeline snapshot describing that week "
           "(the last one carries forward)."),
    Metric("open_deals_worked", "Open deals worked", "share", True, "leading", False,
           "Share of the open opportunities in the pipeline snapshot describing that week whose account had "
           "at least one activity logged by the rep that week (empty without open opportunities, or when "
           "none of the rep's activities of the last 13 weeks names an account)."),
    Metric("open_deals_stalled", "Open deals stalled", "share", False, "leading", False,
           "Share of the open opportunities in the pipeline snapshot describing that week that have been in "
           "the same stage for 4 weeks or more, as the weekly snapshots show their stages (a deal first seen "
           "in a stage counts from that snapshot; empty in weeks no snapshot describes)."),
    Metric("open_deals_moved", "Open deals moved on", "share", True, "leading", False,
           "Share of the open opportunities in the pipeline snapshot describing that week whose stage "
           "differs from the one the deal showed in the snapshot before (a deal first seen that week has not "
           "moved; empty in weeks no snapshot describes)."),
    Metric("activities_logged", "Activities logged", "count", True, "leading", True,
           "All activities logged in the CRM that week (a data-hygiene signal, not an expectation)."),
)  # fmt: skip

BY_NAME: dict[str, Metric] = {m.name: m for m in METRICS}
METRIC_NAMES: tuple[str, ...] = tuple(BY_NAME)


def per_metric(names: pd.Series, field: str) -> pd.Series:
    """One catalogue field (`additive`, `label`, ...) for a column of metric names (NaN where unknown).

    Looked up once per distinct name and spread by the names' codes: `Series.map` with a dict calls
    back into Python for every row of an Arrow string column (a second on the team page's 80k rows).
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(names)
    catalogue = {m.name: getattr(m, field) for m in METRICS}
    looked_up = np.array([catalogue.get(name, np.nan) for name in uniques] + [np.nan], dtype=object)
    return pd.Series(looked_up[codes], index=names.index, name=names.name).infer_objects()


def as_dates(column: pd.Series) -> pd.Series:
    """A column of dates or timestamps as `datetime.date` objects, as `pd.to_datetime(column).dt.date`
    gives them (NaT where missing): made once per distinct value (a company's weekly rows hold ~100)."""
    import pandas as pd

    codes, uniques = pd.factorize(pd.to_datetime(column), use_na_sentinel=False)
    dates = pd.DatetimeIndex(uniques).date[codes]
    return pd.Series(dates, index=column.index, name=column.name, dtype=object)


def positions(column: pd.Series, among: pd.Index) -> np.ndarray:
    """Each value's position in `among` (-1 where absent), looked up once per distinct value."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(column)
    return np.append(among.get_indexer(uniques), -1)[codes]


def metric(name: str) -> Metric:
    """The catalogue entry for `name`; a clear error for an unknown one."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown metric {name!r}; known: {', '.join(METRIC_NAMES)}") from None


def monday(day: dt.date) -> dt.date:
    """The Monday of the ISO week containing `day`."""
    return day - dt.timedelta(days=day.weekday())


ACCOUNT_METRICS = {"coverage": "target_account_coverage", "deals_worked": "open_deals_worked"}
"""The metrics that read each week's accounts (most of a company-wide read's cost), by the query's
parameter that turns each on."""


def weekly_metrics(
    database: db.Database,
    from_week: dt.date,
    to_week: dt.date,
    *,
    teams: Sequence[str] | None = None,
    rep: str | None = None,
    names: Sequence[str] | None = None,
    spellings: roster.Spellings | None = None,
) -> pd.DataFrame:
    """One row per rep and week from `from_week` to `to_week` (Mondays), a column per metric.

    `teams` limits the result to reps of those teams (None: all teams). `names`: the metrics the
    caller reads (None: all); target-account coverage and open deals worked, which read each
    week's accounts, and open deals stalled or moved on (`stalled_deals`), which read every snapshot, are
    computed only when asked for, and their columns are left out otherwise.

    One `rep` without the two account metrics is read with the rep's spellings bound
    (`queries/rep_weekly_metrics_of_rep.sql`): `spellings`, `roster.spellings` of the rep when the
    caller has them already, else looked up here.
    """
    wanted = {param: names is None or name in names for param, name in ACCOUNT_METRICS.items()}
    weeks = {"from_week": monday(from_week), "to_week": monday(to_week)}
    spelled = (
        _one_rep(database, rep, teams, spellings) if rep is not None and not any(wanted.values()) else None
    )
    if spelled is not None:
        frame = database.run_many("rep_weekly_metrics_of_rep", **weeks, **spelled.params())
    else:
        frame = database.run_many("rep_weekly_metrics", **weeks, teams=teams_param(teams), rep=rep, **wanted)
        frame = frame.drop(columns=[ACCOUNT_METRICS[param] for param, on in wanted.items() if not on])
    frame["week"] = as_dates(frame["week"])
    asked = tuple(n for n in stalled_deals.NAMES if names is None or n in names)
    if asked:
        stalled = stalled_deals.weekly_share(
            database, monday(from_week), monday(to_week), teams_param(teams), rep, asked
        )
        stalled["week"] = as_dates(stalled["week"])
        frame = frame.merge(stalled, on=["rep", "week"], how="left")
    return frame


def _one_rep(
    database: db.Database, rep: str, teams: Sequence[str] | None, spellings: roster.Spellings | None
) -> roster.Spellings | None:
    """The spellings a one-rep read binds; None where the company query answers (a rep the data does not
    know, or one outside `teams`: no rows)."""
    spelled = roster.spellings(database, rep) if spellings is None else spellings
    if spelled is not None and spelled.rep != rep:
        raise ValueError(f"spellings of {spelled.rep!r} given for {rep!r}")
    return spelled if spelled is not None and spelled.seen_by(teams) else None


def tidy(wide: pd.DataFrame, names: Sequence[str] = METRIC_NAMES) -> pd.DataFrame:
    """Wide weekly metrics as rows of (rep, team, week, metric, value)."""
    return wide.melt(id_vars=["rep", "team", "week"], value_vars=list(names), var_name="metric")
