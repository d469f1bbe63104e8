"""Who the reps are (team, manager), which week the data reaches, and whether that week is in progress."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dashboard import db
from dashboard.access import teams_param

if TYPE_CHECKING:
    import pandas as pd


def list_reps(database: db.Database, teams: Sequence[str] | None = None) -> pd.DataFrame:
    """Roster reps, plus reps seen in the data without a roster entry (team unknown).

    `teams`: only reps of these teams (None: everyone, the leader's and local view).
    """
    return database.run("reps_list", teams=teams_param(teams))


def picker_names(reps: pd.DataFrame, week: dt.date, asked: str | None = None) -> list[str]:
    """The reps a page's picker lists (`reps`: `list_reps`, in its order): those who count in `week`, as the
    Team page and the flags read them (a rep who left before it, `end_date` earlier, is not on the team),
    and `asked` too when a link names one who left (their earlier weeks stay theirs: the Team page of one
    of those weeks links to their Rep page)."""
    first_day = week - dt.timedelta(days=week.weekday())
    names = [
        rep
        for rep, end in zip(reps["rep"], reps["end_date"], strict=True)
        if not _ended_before(end, first_day)
    ]
    if asked is not None and asked not in names:
        names += [rep for rep in reps["rep"] if rep.lower() == asked.strip().lower()]
    return names


def _ended_before(end: Any, day: dt.date) -> bool:
    """Whether a rep's last counted day (`end`: a date, a timestamp, or none) is before `day`."""
    if end is None or end != end:  # None, NaT or NaN: still counts
        return False
    return (end.date() if isinstance(end, dt.datetime) else end) < day


@dataclass(frozen=True)
class Spellings:
    """One rep as the data names them: every spelling (`rep_aliases()`, lower-cased) with their team and
    dates. A one-rep read binds them instead of expanding the alias macros again
    (`metrics.weekly_metrics`, `targets.weekly_targets`)."""

    rep: str
    team: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    aliases: tuple[str, ...]

    def params(self) -> dict[str, Any]:
        """The parameters of a one-rep query (`queries/rep_weekly_*_of_rep.sql`) that says who."""
        return {
            "rep": self.rep,
            "team": self.team,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "aliases": list(self.aliases),
        }

    def seen_by(self, teams: Sequence[str] | None) -> bool:
        """Whether a viewer of `teams` (None: all) sees the rep, as the queries' `$teams` filter decides."""
        return teams is None or (self.team is not None and self.team in teams)


def spellings(database: db.Database, rep: str) -> Spellings | None:
    """The rep's spellings, team and dates (`rep` as stored); None when the data knows no such rep."""
    rows = database.records("rep_spellings", rep=rep)
    who = {(r["team"], r["start_date"], r["end_date"]) for r in rows}
    if len(who) != 1:  # no such rep (a roster keeps one current row per rep: never more than one)
        return None
    team, start_date, end_date = who.pop()
    return Spellings(rep, team, start_date, end_date, tuple(sorted({r["alias"] for r in rows})))


def rep_records(database: db.Database, teams: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """`list_reps` as plain dicts (missing values None), without pandas: for the CLI."""
    return database.records("reps_list", teams=teams_param(teams))


def data_span(database: db.Database) -> tuple[dt.date, dt.date] | None:
    """Mondays of the first and the latest week with any data, or None for an empty database."""
    span = database.records("data_span")[0]
    if span["latest_week"] is None:
        return None
    return span["first_week"], span["latest_week"]


def weeks_latest_first(span: tuple[dt.date, dt.date]) -> list[dt.date]:
    """The Mondays from the last of `span` (`data_span`) back to its first: what a week picker lists."""
    first, last = span
    return [last - dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def latest_week(database: db.Database) -> dt.date | None:
    """Monday of the latest week with any data, or None for an empty database."""
    span = data_span(database)
    return span[1] if span else None


@dataclass(frozen=True)
class WeekInProgress:
    """The latest week while its activities are still coming in (logged up to `logged_until`)."""

    week: dt.date
    logged_until: dt.date

    def note(self) -> str:
        return (
            f"The week of {self.week:%d %b %Y} is still in progress: activities are logged up to "
            f"{self.logged_until:%a %d %b}. Its weekly counts are what has been done so far, read against "
            "the whole week's expectation."
        )


def week_in_progress(database: db.Database) -> WeekInProgress | None:
    """The latest week with activities when it is not complete yet: its last activity is before its
    Friday and no activity export was uploaded after its Sunday (None: every week is complete)."""
    found = database.records("latest_week_coverage")
    if not found or found[0]["logged_until"] is None:
        return None
    week, logged_until, uploaded_on = found[0]["week"], found[0]["logged_until"], found[0]["uploaded_on"]
    return WeekInProgress(week, logged_until) if still_coming_in(week, logged_until, uploaded_on) else None


def still_coming_in(week: dt.date, logged_until: dt.date, uploaded_on: dt.date | None) -> bool:
    """Whether a week's activities are still coming in: logged only up to before its Friday, and the
    latest activity export uploaded by its Sunday (a later export covered the whole week)."""
    friday, sunday = week + dt.timedelta(days=4), week + dt.timedelta(days=6)
    return logged_until < friday and (uploaded_on is None or uploaded_on <= sunday)


def week_label(week: dt.date, in_progress: WeekInProgress | None = None) -> str:
    """A week as the week pickers show it: 'week of Mon 23 Nov 2026', '… (in progress)' for that week."""
    label = f"week of {week:%a %d %b %Y}"
    return f"{label} (in progress)" if in_progress is not None and in_progress.week == week else label


def default_week(database: db.Database) -> dt.date | None:
    """The week a page opens on: the latest with data, or the one before while the latest is still in
    progress (a Wednesday's partial counts would read as everyone under their weekly expectation)."""
    span = data_span(database)
    if span is None:
        return None
    current = week_in_progress(database)
    if current is not None and current.week == span[1] and span[0] < span[1]:
        return span[1] - dt.timedelta(weeks=1)
    return span[1]


def has_activities(database: db.Database, week: dt.date) -> bool:
    """Whether any activity is stored for the week starting on `week` (a Monday)."""
    return int(database.records("week_activity_count", week=week)[0]["activities"]) > 0


def no_activity_message(week: dt.date) -> str:
    """What to say for a week whose early signals cannot be read (instead of an all-clear)."""
    return (
        f"No activities are recorded for the week of {week:%d %b %Y}, so its early signals cannot be read "
        "yet: upload that week's activity export."
    )


class UnknownRep(LookupError):
    """No rep of that name (among the reps the viewer may see)."""


def resolve_rep(database: db.Database, name: str, teams: Sequence[str] | None = None) -> str:
    """The rep's name as stored, matched without regard to case or surrounding spaces."""
    return match_rep(list_reps(database, teams)["rep"].tolist(), name)


def match_rep(names: Sequence[str], name: str) -> str:
    """The one of `names` (as `list_reps` gives them) that `name` means, ignoring case and spaces, or
    accents and umlauts too when only one of them reads the same so ('ana garcia' is 'Ana García',
    'juergen weiss' is 'Jürgen Weiß', as the data's spellings find them: `folded_name()` and
    `transliterated_name()` in migrations/R__metric_macros.sql)."""
    wanted = name.strip().lower()
    for known in names:
        if known.lower() == wanted:
            return known
    alike = [known for known in names if folded(name) in (folded(known), transliterated(known))]
    if len(alike) == 1:
        return alike[0]
    close = difflib.get_close_matches(name.strip(), list(names), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise UnknownRep(f"no rep named {name!r}.{hint} `dashboard reps` lists them.")


def folded(name: str) -> str:
    """A name lower-cased, trimmed, without accents and with ß as ss ('Ana García' -> 'ana garcia',
    'Jürgen Weiß' -> 'jurgen weiss')."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def transliterated(name: str) -> str:
    """A name as German writes it without umlauts, folded ('Jürgen Weiß' -> 'juergen weiss')."""
    lowered = name.strip().lower()
    return folded(lowered.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
