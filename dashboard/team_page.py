"""What the Team page draws for one week and team, built in one cached call: the overview, the
scorecard grid's HTML and the full table as CSV.

A rerun of the page (any widget moved) then only reads these back from the cache: building the
grid's 200 rows of HTML and the CSV again on each rerun was most of a warm rerun's time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard import db, scorecard_grid, team_view
from dashboard.export import safe_csv


@dataclass(frozen=True)
class TeamPage:
    """The Team page's content for one week and team."""

    overview: team_view.TeamOverview
    grid: str  # the scorecard grid (`scorecard_grid.grid_html`), empty when there are no reps
    csv: bytes  # the full table, one sentence per cell (`team_view.team_table` without the trends)


def team_page(
    database: db.Database,
    week: dt.date,
    *,
    earliest: dt.date,
    teams: Sequence[str] | None = None,
    team: str | None = None,
) -> TeamPage:
    """The Team page for `week` and `team` (None: every team of `teams`, the viewer's); the grid
    links each rep to the Rep page's weeks up to `week`, from `earliest` (the data's first week) on."""
    names = team_view.KEY_METRICS
    overview = team_view.team_overview(database, week, teams=teams, team=team, names=names)
    table = overview.table
    if table.empty:
        return TeamPage(overview, "", b"")
    grid = scorecard_grid.grid_html(
        table[["rep", "team"]], overview.attainment, names, week, earliest, overview.sentences
    )
    full = table.drop(columns=[team_view.trend_column(n) for n in names])
    return TeamPage(overview, grid, safe_csv(full))
