"""A call whose outcome says it reached someone in Spanish, French, German or Portuguese is a connect.

HubSpot writes its call outcome in the account's language ('Conectado', 'Connecté', 'Verbunden');
the connect count read only English outcomes, so a localized account's connects were 0 every week
and never recognized. Loaded through the real ingest (HubSpot's Spanish calls export labels, as
`dashboard/ingest/presets/localized.py` lists them); 'Sin respuesta' and 'No contestó' stay calls
that did not connect.
"""

from __future__ import annotations

from dashboard.db import Database
from tests.one_week import load_files, week_by_rep

CALLS = (
    "ID de registro,Título de la llamada,Fecha de actividad,Actividad asignada a,Tipo de actividad,"
    "Resultado de la llamada,Duración de la llamada\n"
    "1,Llamada 1,17/11/2026 10:00,Ana Gil,Llamada,Conectado,300000\n"
    "2,Llamada 2,17/11/2026 11:00,Ana Gil,Llamada,Sin respuesta,0\n"
    "3,Llamada 3,18/11/2026 10:00,Ana Gil,Llamada,No contestó,0\n"
    "4,Llamada 4,18/11/2026 12:00,Ana Gil,Llamada,Contactado,120000\n"
    "5,Llamada 5,19/11/2026 10:00,Ana Gil,Llamada,Connected,60000\n"
    "6,Appel 6,19/11/2026 11:00,Luc Roy,Llamada,Connecté,60000\n"
    "7,Anruf 7,19/11/2026 12:00,Luc Roy,Llamada,Verbunden,60000\n"
)


def test_localized_call_outcomes_count_as_connects(database: Database, write) -> None:
    [result] = load_files(database, write, [("llamadas.csv", CALLS)])
    assert (result.kind, result.source) == ("activities", "hubspot")
    week = week_by_rep(database)
    assert (week["Ana Gil"]["calls"], week["Ana Gil"]["connects"]) == (5, 3)
    assert (week["Luc Roy"]["calls"], week["Luc Roy"]["connects"]) == (2, 2)
