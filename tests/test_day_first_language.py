"""Dates that read both ways follow the date order of the export's language.

A French HubSpot deals export pulled early in a month writes only dates such as '03/11/2026', which
read as 3 November or 11 March. Before, a file in which no cell could be read one way only was read
month first: every date of a French, Spanish or German export silently moved months (created in March,
closing in May 2027). Now the file's date headers, a CRM's labels in a day-first language
(`spelling.day_first_language`), make the order day first; an English export keeps month first, and a
cell that reads one way only still decides. Through the real ingest.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import fetch

FRENCH = (
    "ID de fiche d'informations;Nom de la transaction;Phase de la transaction;Montant;Date de fermeture;"
    "Propriétaire de la transaction;Date de création\n"
)
ENGLISH = "Record ID;Deal Name;Deal Stage;Amount;Close Date;Deal owner;Create Date\n"
GERMAN = "Datensatz-ID;Dealname;Deal-Phase;Betrag;Abschlussdatum;Deal-Inhaber;Erstellungsdatum\n"
ROWS = (
    "1;A;{open};12 500,00 €;05/01/2027;Élodie Girard;03/11/2026\n"
    "2;B;{won};1 250,50 €;06/11/2026;Élodie Girard;02/10/2026\n"
)
SPANISH_CALLS = (
    "ID de registro,Título de la llamada,Fecha de actividad,Actividad asignada a,Duración de la llamada\n"
    "1,Llamada,02/11/2026 10:00,Ana García,332000\n"
    "2,Llamada,04/11/2026 10:00,Ana García,45000\n"
)


def _dates(database: Database) -> list[tuple]:
    return fetch(
        database, "SELECT opportunity_id, created_date, close_date FROM opportunity_snapshots ORDER BY 1"
    )


@pytest.mark.parametrize(
    "header, open_stage, won_stage",
    [
        (FRENCH, "Rendez-vous planifié", "Fermé gagné"),
        (GERMAN, "Termin vereinbart", "Abgeschlossen und gewonnen"),
    ],
)
def test_a_day_first_language_reads_both_way_dates_day_first(
    database: Database, write, header: str, open_stage: str, won_stage: str
) -> None:
    content = header + ROWS.format(open=open_stage, won=won_stage)
    result = ingest_file(
        database, write("deals.csv", content), IngestOptions(stage_statuses={open_stage: "open"})
    )
    assert result.status == "loaded", result.message
    assert _dates(database) == [
        ("1", dt.date(2026, 11, 3), dt.date(2027, 1, 5)),
        ("2", dt.date(2026, 10, 2), dt.date(2026, 11, 6)),
    ]


def test_an_english_export_stays_month_first(database: Database, write) -> None:
    content = ENGLISH + ROWS.format(open="Appointment scheduled", won="Closed won").replace(",", ".")
    result = ingest_file(database, write("deals.csv", content), IngestOptions())
    assert result.status == "loaded", result.message
    assert _dates(database) == [
        ("1", dt.date(2026, 3, 11), dt.date(2027, 5, 1)),
        ("2", dt.date(2026, 2, 10), dt.date(2026, 6, 11)),
    ]


def test_a_cell_that_reads_one_way_still_decides(database: Database, write) -> None:
    """A French-labelled file whose cells are month first (11/13/2026 can only be 13 November) is read so."""
    content = FRENCH + "1;A;Fermé gagné;100,00 €;11/13/2026;Élodie Girard;10/02/2026\n"
    result = ingest_file(database, write("deals.csv", content), IngestOptions())
    assert result.status == "loaded", result.message
    assert _dates(database) == [("1", dt.date(2026, 10, 2), dt.date(2026, 11, 13))]


def test_spanish_activities_dates_day_first(database: Database, write) -> None:
    result = ingest_file(database, write("llamadas.csv", SPANISH_CALLS), IngestOptions())
    assert result.status == "loaded", result.message
    stored = fetch(database, "SELECT activity_date, duration_minutes FROM activities ORDER BY source_id")
    assert stored == [(dt.date(2026, 11, 2), pytest.approx(332 / 60)), (dt.date(2026, 11, 4), 0.75)]
