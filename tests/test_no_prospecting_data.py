"""An export that cannot show prospecting time reads as no data, not as every rep at 0 minutes.

A Dynamics 365 activity view (Telefonanruf, Termin, E-Mail, Aufgabe) has no prospecting type. Loaded
through the real ingest, its reps' prospecting minutes are no data: the Team page does not mark them
below the company's default expectation, the agenda makes no focus area of them, and the Leader view does
not count them as missed. Once any activity is read as prospecting, the metric is read again, with real
zeros for the reps who logged none.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from dashboard import metrics, targets, team_view
from dashboard.agenda import build
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.leader.expectations import judged

GERMAN = Path(__file__).parent / "fixtures" / "crm" / "localized"
WEEK = dt.date(2026, 11, 2)  # the week of the German fixture's activities


def _load(database: Database, path: Path) -> None:
    result = ingest_file(database, path, IngestOptions())
    assert result.status == "loaded", result.message


def test_prospecting_minutes_are_no_data_while_no_export_holds_them(database: Database, write) -> None:
    _load(database, GERMAN / "de-dynamics-users.csv")
    _load(database, GERMAN / "de-dynamics-activities.csv")
    week = metrics.weekly_metrics(database, WEEK, WEEK).set_index("rep")
    assert week.loc["Jürgen Weiß", "calls"] == 1
    assert week["prospecting_minutes"].isna().all(), week["prospecting_minutes"]

    cells = team_view.team_overview(database, WEEK).attainment
    prospecting = cells[cells["metric"] == "prospecting_minutes"]
    assert not (prospecting["status"] == "below").any(), prospecting  # the 90 min a day default

    agenda = build(database, "Jürgen Weiß", WEEK)
    assert "prospecting_minutes" not in [f.metric for f in agenda.focus]
    (row,) = [e for e in agenda.expectations if e.metric == "prospecting_minutes"]
    assert row.value == "–"

    values = metrics.weekly_metrics(database, WEEK, WEEK)
    counted = judged(values, targets.weekly_targets(database, WEEK, WEEK))  # the Leader view's share met
    assert "first_meetings" in set(counted["metric"])
    assert "prospecting_minutes" not in set(counted["metric"])

    # A file with prospecting: the metric is read for everyone again, 0 for who logged none.
    more = write(
        "prospecting.csv",
        "Aktivitätstyp;Betreff;Besitzer;Tatsächlicher Beginn;Tatsächliche Dauer\n"
        "Akquise;Kaltakquise Liste Nord;Anke Größer;03.11.2026 08:00;45\n",
    )
    _load(database, more)
    week = metrics.weekly_metrics(database, WEEK, WEEK).set_index("rep")
    assert week.loc["Anke Größer", "prospecting_minutes"] == 45
    assert week.loc["Jürgen Weiß", "prospecting_minutes"] == 0
    assert not any(math.isnan(v) for v in week["prospecting_minutes"])
