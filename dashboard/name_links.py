"""Names the exports write that a sales leader says are a roster rep ("same person").

A CRM export can spell a rep in a way the roster carries in no form, not even but for accents and
case ('Maelle Chevallier' for 'Maëlle Chevalier': a letter doubled): their rows then count for a rep
of their own, without a team, and the upload's note names the likely roster rep. `off_roster` lists
those reps with what they hold and that likely rep; `link` says such a name is a roster rep, `unlink`
takes it back. A link is stored in `name_links` (migrations/0027_name_links.sql) and read by
roster_aliases(), so every page, rule and agenda counts the rows for the roster rep. In the writer's
turn, one transaction stores it with the facts kept per rep and the kept copy of the spellings
(`facts.refresh`); the two reps' stored flags are then reviewed again from the name's first week
(the name's own flags go, the rep's are judged with the rows), as are the reps whose last counted day
moved. Like the roster, a link decides what every manager sees: leaders only.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pandas as pd

from dashboard import db, facts, interventions, rep_ends
from dashboard.access import LOCAL_LEADER, NotAllowed, Viewer
from dashboard.roster import folded

LIKELY_SPELLING = 0.9
"""How alike (difflib's ratio, 0-1) a name off the roster and a roster name must be for the roster rep
to be named as likely ('maelle chevallier' / 'maelle chevalier' 0.97, 'ana garcia' / 'ana garza' 0.84)."""


class NameLinkError(ValueError):
    """A link that cannot be made or taken back, with the reason."""


@dataclass(frozen=True)
class Link:
    """A name of the exports and the roster rep it is."""

    name: str
    rep: str
    spellings: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name} is {self.rep}"


def likely_rep(name: str, roster: list[str]) -> str | None:
    """The roster rep `name` is a near spelling of (a letter doubled, dropped or swapped), compared
    without accents and case, when one is; None when none is or two could be."""
    by_fold: dict[str, list[str]] = {}
    for rep in roster:
        by_fold.setdefault(folded(rep), []).append(rep)
    close = difflib.get_close_matches(folded(name), list(by_fold), n=2, cutoff=LIKELY_SPELLING)
    if len(close) != 1 or len(by_fold[close[0]]) != 1:
        return None
    return by_fold[close[0]][0]


def roster_reps(database: db.Database) -> list[str]:
    """The current roster's rep names, the reps a name can be said to be."""
    return [row["rep"] for row in database.records("ingest_roster_names")]


def off_roster(database: db.Database) -> pd.DataFrame:
    """The reps the data made of names no roster entry carries, most activities first: name,
    spellings, activities, deals_created and likely (the roster rep it may be, else None). Empty
    without a roster (every rep is off it then: load a roster first)."""
    roster = roster_reps(database)
    frame = database.run("name_links_off_roster")
    if not roster:
        return frame.iloc[0:0].assign(likely=pd.Series(dtype=object))
    return frame.assign(likely=[likely_rep(name, roster) for name in frame["name"]])


def links(database: db.Database) -> pd.DataFrame:
    """The names said to be a roster rep: name, rep (None while that roster entry is gone), spellings,
    linked_by, linked_at; newest first."""
    return database.run("name_links_list")


def link(database: db.Database, name: str, rep: str, *, viewer: Viewer = LOCAL_LEADER) -> Link:
    """Says the rep the data made of `name` (a name of `off_roster`) is the roster rep `rep`, then
    reviews the stored flags of both from the name's first week. Raises NotAllowed for a manager,
    NameLinkError for a name not off the roster or a rep not on it."""
    _leaders_only(viewer)
    with database.writing():  # the checks, the link and the reviews in one writer turn
        found = _off_roster_row(database, name)
        target = _roster_rep(database, rep)
        spellings = tuple(found["spellings"])
        ended = rep_ends.ends(database)
        with database.transaction() as cur:
            db.execute(cur, "name_links_remove", keys=list(spellings))
            for key in spellings:
                db.execute(
                    cur,
                    "name_links_add",
                    name_key=key,
                    shown=found["name"],
                    rep_key=target["rep_key"],
                    by=viewer.by,
                )
            facts.refresh(cur)  # the facts kept per rep and the kept copy of the spellings follow
            what = f"name linked: {found['name']} is {target['rep']}"
            db.execute(cur, "change_log_add", what=what, upload_id=None, by=viewer.by)
        _review(database, [found["name"], target["rep"]], spellings, ended, viewer)
    return Link(found["name"], target["rep"], spellings)


def unlink(database: db.Database, name: str, *, viewer: Viewer = LOCAL_LEADER) -> Link:
    """Takes back a link (`name` as `links` lists it): the name's rows count for a rep of their own
    again; the stored flags of both are reviewed again. Raises NotAllowed for a manager,
    NameLinkError for a name not linked."""
    _leaders_only(viewer)
    with database.writing():
        rows = _named(links(database), name)
        if rows.empty:
            raise NameLinkError(f"{name!r} is not linked to a roster rep; nothing was changed.")
        row = rows.iloc[0]
        spellings = tuple(row["spellings"])
        rep = row["rep"] or ""
        ended = rep_ends.ends(database)
        with database.transaction() as cur:
            db.execute(cur, "name_links_remove", keys=list(spellings))
            facts.refresh(cur)
            what = f"name link taken back: {row['name']} is not {rep or 'a roster rep'}"
            db.execute(cur, "change_log_add", what=what, upload_id=None, by=viewer.by)
        _review(database, [row["name"], rep], spellings, ended, viewer)
    return Link(row["name"], rep, spellings)


def _leaders_only(viewer: Viewer) -> None:
    if not viewer.is_leader:
        raise NotAllowed(
            "Only a sales leader says which roster rep a name is (like the roster, it changes what "
            "every manager sees); nothing was changed."
        )


def _named(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of `frame` whose name is `name`, compared without accents and case."""
    return frame[frame["name"].map(folded) == folded(name)]


def _off_roster_row(database: db.Database, name: str) -> dict:
    rows = _named(database.run("name_links_off_roster"), name)
    if rows.empty:
        raise NameLinkError(
            f"no rep named {name!r} is off the roster; `dashboard names list` (or the Uploads page) "
            "shows the names the roster does not carry. Nothing was changed."
        )
    return rows.iloc[0].to_dict()


def _roster_rep(database: db.Database, rep: str) -> dict:
    found = database.records("name_links_roster_rep", rep=rep)
    if len(found) != 1:
        why = "two roster reps read so" if found else "no rep of the roster is named so"
        raise NameLinkError(f"{rep!r}: {why}; `dashboard reps` lists the roster. Nothing was changed.")
    return found[0]


def _review(
    database: db.Database, reps: list[str], spellings: tuple[str, ...], ended: dict, viewer: Viewer
) -> None:
    """Judges again the stored flags of the reps the spellings left and joined, from their first week,
    and of the reps whose last counted day moved."""
    since = database.records("name_links_first_week", keys=list(spellings))[0]["first_week"]
    if since is not None:
        for rep in dict.fromkeys(r for r in reps if r):
            interventions.review_rep_again(database, rep, since, by=viewer.by)
    rep_ends.review_moved(database, ended, by=viewer.by)
