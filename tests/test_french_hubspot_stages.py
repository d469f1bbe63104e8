"""A French HubSpot pipeline of open deals in the default stages loads without being asked about.

HubSpot's default pipeline in French (knowledge.hubspot.com/fr deal pipeline article: Rendez-vous
pris, Qualifiée pour l'achat, Présentation planifiée, Intégration du décisionnaire, Contrat envoyé;
current portals' "Rendez-vous planifié", "Qualifié pour acheter", "Décisionnaire impliqué") holds open
stages, as the English defaults do. Before, a deals export of only open deals was refused until the
manager said what each stage means; migrations/0022_localized_open_stages.sql.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from tests.stored import fetch

HEADER = (
    "ID de fiche d'informations;Nom de la transaction;Phase de la transaction;Pipeline;Montant;Devise;"
    "Date de fermeture;Propriétaire de la transaction;Date de création\n"
)
STAGES = (
    "Rendez-vous pris",
    "Rendez-vous planifié",
    "Qualifiée pour l'achat",
    "Qualifié pour acheter",
    "Présentation planifiée",
    "Intégration du décisionnaire",
    "Décisionnaire impliqué",
    "Contrat envoyé",
)


def test_the_default_french_stages_are_open(database: Database, write) -> None:
    rows = "".join(
        f"9000{i};Affaire {i};{stage};Pipeline des ventes;12\u202f500,00\u202f€;EUR;18/12/2026;"
        f"Élodie Girard;17/11/2026 09:00\n"
        for i, stage in enumerate(STAGES)
    )
    result = ingest_file(
        database,
        write("transactions.csv", "\ufeff" + HEADER + rows),
        IngestOptions(snapshot_date=dt.date(2026, 11, 23)),
    )
    assert result.status == "loaded", result.message
    assert not any("no rule says" in note for note in result.notes), result.notes
    stored = fetch(
        database, "SELECT status, count(*), sum(amount)::DOUBLE FROM opportunity_snapshots GROUP BY 1"
    )
    assert stored == [("open", len(STAGES), 12500.0 * len(STAGES))]


@pytest.mark.parametrize("stage, status", [("Fermé gagné", "won"), ("Fermé perdu", "lost")])
def test_closed_french_stages_stay_closed(database: Database, write, stage: str, status: str) -> None:
    rows = (
        f"90001;Affaire;{stage};Pipeline des ventes;1\u202f000,00\u202f€;EUR;18/11/2026;Élodie Girard;"
        "17/11/2026 09:00\n"
    )
    result = ingest_file(
        database, write("transactions.csv", HEADER + rows), IngestOptions(snapshot_date=dt.date(2026, 11, 23))
    )
    assert result.status == "loaded", result.message
    assert fetch(database, "SELECT status FROM opportunity_snapshots") == [(status,)]
