"""Zoho CRM exports written in Spanish (Spain) load without mapping and read as a Madrid manager means them.

The files are shaped as Zoho writes a module export for a user whose interface is in Spanish
(`dashboard/ingest/presets/localized_zoho.py` lists the labels and where they come from): calls with the
owner as an e-mail, 'Duración de la llamada' as MM:SS and dates day first; meetings saved by Spanish
Excel (Windows-1252, semicolons) with the host's name written without its accents; deals with
'€ 12.500,00' and '8.200,00 €' amounts and an 'Ingresos esperados' column that is not the amount.
Before the Spanish labels were known, the calls and deals went to the mapping screen and the meetings
file was read as a time-off sheet ('Desde' / 'Hasta').
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import roster
from dashboard.db import Database
from tests.one_week import load_files, week_by_rep
from tests.stored import fetch

USERS = (
    "Nombre,Apellidos,Correo electrónico,Equipo\n"
    "Lucía,Fernández,lucia.fernandez@ventasiberia.es,Centro\n"
    "Javier,Muñoz,javier.munoz@ventasiberia.es,Centro\n"
)
CALLS = (
    "\ufeffID de registro,Asunto,Tipo de llamada,Propósito de la llamada,Relacionado con,"
    "Hora de inicio de llamada,Duración de la llamada,Propietario de Llamada,Resultado de la llamada\n"
    "zcrm_51230001,Llamada de seguimiento,Saliente,Prospección,Farmacia Goya,17/11/2026 09:15,05:32,"
    "lucia.fernandez@ventasiberia.es,Interesado\n"
    "zcrm_51230002,Revisión de propuesta,Saliente,Negociación,Bodegas Ribera,18/11/2026 16:40,12:00,"
    "lucia.fernandez@ventasiberia.es,Volver a llamar\n"
    ",,,,,,,,\n"  # a blank row, as an export edited by hand has
    "zcrm_51230003,Llamada en frío,Entrante,Prospección,Óptica Sol,19/11/2026 11:05,00:45,"
    "javier.munoz@ventasiberia.es,No interesado\n"
)
MEETINGS = (
    "ID de registro;Título;Desde;Hasta;Anfitrión;Relacionado con;Ubicación;Participantes\n"
    "zcrm_51239001;Primera reunión con Farmacia Goya;17/11/2026 10:00;17/11/2026 11:00;Lucia Fernandez;"
    "Farmacia Goya;Madrid;2\n"
    "zcrm_51239002;Demo Bodegas Ribera;20/11/2026 12:30;20/11/2026 13:30;Javier Muñoz;Bodegas Ribera;"
    "Madrid;3\n"
).encode("cp1252")
DEALS = (
    "ID de registro,Propietario de Trato,Nombre de Trato,Nombre de Cuenta,Importe,Fecha de cierre,Fase,"
    "Probabilidad (%),Ingresos esperados,Moneda,Hora de creación,Hora de modificación\n"
    'zcrm_51232001,Lucía Fernández,Farmacia Goya - Licencias,Farmacia Goya,"€ 12.500,00",12/01/2027,'
    'Negociación/Revisión,90,"€ 11.250,00",EUR,17/11/2026 09:40,20/11/2026 10:00\n'
    'zcrm_51232002,Javier Munoz,Bodegas Ribera - Ampliación,Bodegas Ribera,"8.200,00 €",20/11/2026,'
    'Cerrado ganado,100,"8.200,00 €",EUR,03/11/2026 12:00,20/11/2026 17:00\n'
    'zcrm_51232003,Javier Muñoz,Óptica Sol - Mantenimiento,Óptica Sol,"4.500,00 €",02/02/2027,'
    'Propuesta de valor,40,"1.800,00 €",EUR,18/11/2026 15:00,18/11/2026 15:00\n'
)


def test_spanish_zoho_exports_load_as_written(database: Database, write) -> None:
    results = load_files(
        database,
        write,
        [
            ("Usuarios.csv", USERS),
            ("Llamadas.csv", CALLS),
            ("Reuniones.csv", MEETINGS),
            ("Tratos.csv", DEALS),
        ],
    )
    assert [(r.kind, r.source) for r in results[1:]] == [
        ("activities", "zoho"),
        ("activities", "zoho"),
        ("opportunities", "zoho"),
    ]
    assert not any("not on the roster" in note for r in results for note in r.notes)
    assert list(roster.list_reps(database)["rep"]) == ["Javier Muñoz", "Lucía Fernández"]
    # Dates day first, durations MM:SS, the owners' e-mails and unaccented names kept as written.
    assert fetch(
        database,
        "SELECT rep, activity_date::VARCHAR, round(duration_minutes, 2), account FROM activities "
        "ORDER BY activity_date, activity_time",
    ) == [
        ("lucia.fernandez@ventasiberia.es", "2026-11-17", 5.53, "Farmacia Goya"),
        ("Lucia Fernandez", "2026-11-17", None, "Farmacia Goya"),
        ("lucia.fernandez@ventasiberia.es", "2026-11-18", 12.0, "Bodegas Ribera"),
        ("javier.munoz@ventasiberia.es", "2026-11-19", 0.75, "Óptica Sol"),
        ("Javier Muñoz", "2026-11-20", None, "Bodegas Ribera"),
    ]
    assert fetch(
        database,
        "SELECT opportunity_id, amount::DOUBLE, currency, status, created_date::VARCHAR, "
        "close_date::VARCHAR FROM opportunity_snapshots ORDER BY 1",
    ) == [
        ("zcrm_51232001", 12500.0, "EUR", "open", "2026-11-17", "2027-01-12"),
        ("zcrm_51232002", 8200.0, "EUR", "won", "2026-11-03", "2026-11-20"),
        ("zcrm_51232003", 4500.0, "EUR", "open", "2026-11-18", "2027-02-02"),
    ]
    week = week_by_rep(database)
    assert set(week) == {"Javier Muñoz", "Lucía Fernández"}
    assert (week["Lucía Fernández"]["open_pipeline"], week["Lucía Fernández"]["opportunities_created"]) == (
        12500,
        1,
    )
    javier = week["Javier Muñoz"]
    assert (javier["wins"], javier["won_revenue"], javier["open_pipeline"]) == (1, 8200, 4500)


def test_a_spanish_zoho_calls_export_is_calls_and_a_meetings_export_meetings(
    database: Database, write
) -> None:
    """A Zoho module export has no activity-type column: the module is the type. The Spanish calls
    export's subjects ('Revisión de propuesta', 'Presentación de producto') must not make its calls
    meetings or 'other', nor its meetings' titles ('Visita a …') make them anything but meetings."""
    calls = CALLS + (
        "zcrm_51230004,Presentación de producto,Saliente,Demostración,Farmacia Goya,19/11/2026 17:00,20:00,"
        "lucia.fernandez@ventasiberia.es,Interesado\n"
    )
    meetings = MEETINGS + (
        "zcrm_51239003;Visita a Óptica Sol;19/11/2026 09:00;19/11/2026 10:00;Javier Muñoz;Óptica Sol;"
        "Madrid;2\n"
    ).encode("cp1252")
    load_files(
        database, write, [("Usuarios.csv", USERS), ("Llamadas.csv", calls), ("Reuniones.csv", meetings)]
    )
    assert fetch(database, "SELECT category, count(*) FROM activities GROUP BY 1 ORDER BY 1") == [
        ("call", 4),
        ("first_meeting", 1),
        ("meeting", 2),
    ]
    week = week_by_rep(database)
    assert (week["Lucía Fernández"]["calls"], week["Javier Muñoz"]["calls"]) == (3, 1)
    assert week["Lucía Fernández"]["first_meetings"] == 1


def test_zoho_default_phases_in_spanish(database: Database, write) -> None:
    """'Cerrado-Perdido para la competencia' is a lost deal, not an open one; a pipeline of the default
    Spanish phases with no deal won loads without asking what each phase means."""
    header = DEALS.splitlines()[0]
    phases = [
        "Calificación",
        "Análisis de necesidades",
        "Propuesta de valor",
        "Identificar a los responsables de la toma de decisiones",
        "Análisis de percepción",
        "Cotización de propuesta/precio",
        "Negociación/Revisión",
        "Cerrado-Perdido para la competencia",
        "Cerrado perdido",
    ]
    deals = (
        header
        + "\n"
        + "".join(
            f'zcrm_5123300{i},Javier Muñoz,Trato {i},Óptica Sol,"1.000,00 €",20/11/2026,{phase},0,'
            f'"0,00 €",EUR,10/11/2026 09:00,20/11/2026 10:00\n'
            for i, phase in enumerate(phases)
        )
    )
    [result] = load_files(database, write, [("Tratos.csv", deals)])
    assert not any("read as open" in note for note in result.notes), result.notes
    statuses = dict(fetch(database, "SELECT stage, status FROM opportunity_snapshots"))
    assert statuses == {phase: "open" for phase in phases[:-2]} | {phases[-2]: "lost", phases[-1]: "lost"}


def test_a_spanish_team_sheet_gives_hire_and_leaving_dates(database: Database, write) -> None:
    """'Fecha de alta' is a rep's start date (a new hire is held to the ramped targets from it) and
    'Fecha de baja' their end date; before, both columns were left unread and every rep had none."""
    sheet = (
        "Nombre,Apellidos,Correo electrónico,Equipo,Responsable,Fecha de alta,Fecha de baja\n"
        "Lucía,Fernández,lucia.fernandez@ventasiberia.es,Centro,Elena Navarro,01/02/2024,\n"
        "Javier,Muñoz,javier.munoz@ventasiberia.es,Centro,Elena Navarro,02/11/2026,\n"
        "Pedro,Luna,pedro.luna@ventasiberia.es,Centro,Elena Navarro,15/09/2023,13/11/2026\n"
    )
    [result] = load_files(database, write, [("Equipo.csv", sheet)])
    assert result.kind == "roster"
    reps = roster.list_reps(database)
    dates = {
        row["rep"]: tuple(None if pd.isna(d) else str(d.date()) for d in (row["start_date"], row["end_date"]))
        for row in reps.to_dict("records")
    }
    assert dates == {
        "Lucía Fernández": ("2024-02-01", None),
        "Javier Muñoz": ("2026-11-02", None),
        "Pedro Luna": ("2023-09-15", "2026-11-13"),
    }


def test_a_duration_written_in_spanish_words(database: Database, write) -> None:
    """'15 minutos', '1 hora 5 minutos' and '45 segundos' are durations: before, each cell was left blank
    as 'not a duration', and the rep's talk time read 0."""
    calls = (
        "ID de registro,Asunto,Tipo de llamada,Hora de inicio de llamada,Duración de la llamada,"
        "Propietario de Llamada\n"
        "zcrm_1,A,Saliente,17/11/2026 09:15,15 minutos,Lucía Fernández\n"
        "zcrm_2,B,Saliente,17/11/2026 10:15,1 hora 5 minutos,Lucía Fernández\n"
        "zcrm_3,C,Saliente,18/11/2026 11:15,45 segundos,Lucía Fernández\n"
        "zcrm_4,D,Saliente,19/11/2026 11:15,2 min,Lucía Fernández\n"
    )
    [result] = load_files(database, write, [("Llamadas.csv", calls)])
    assert "unreadable" not in result.message, result.message
    assert fetch(database, "SELECT subject, duration_minutes FROM activities ORDER BY 1") == [
        ("A", 15.0),
        ("B", 65.0),
        ("C", 0.75),
        ("D", 2.0),
    ]


def test_dates_with_spanish_month_names(database: Database, write) -> None:
    """'17 nov. 2026 09:15', '12-nov-26', '20 de noviembre de 2026' and 'dic.' are dates (as Spanish Excel
    writes a month-name format): before, each such cell was 'not a date' and its whole row refused."""
    calls = (
        "ID de registro,Asunto,Tipo de llamada,Hora de inicio de llamada,Duración de la llamada,"
        "Propietario de Llamada\n"
        "zcrm_1,A,Saliente,17 nov. 2026 09:15,05:00,Lucía Fernández\n"
        "zcrm_2,B,Saliente,18-nov-26,05:00,Lucía Fernández\n"
        "zcrm_3,C,Saliente,20 de noviembre de 2026,05:00,Lucía Fernández\n"
        "zcrm_4,D,Saliente,3 ago. 2026 10:15,05:00,Lucía Fernández\n"
        "zcrm_5,E,Saliente,1 dic. 2025 16:40,05:00,Lucía Fernández\n"
        "zcrm_6,F,Saliente,Nov 19 2026 11:00,05:00,Lucía Fernández\n"
    )
    [result] = load_files(database, write, [("Llamadas.csv", calls)])
    assert result.rows_loaded == 6, result.message
    assert fetch(
        database, "SELECT subject, activity_date::VARCHAR, activity_time::VARCHAR FROM activities ORDER BY 1"
    ) == [
        ("A", "2026-11-17", "09:15:00"),
        ("B", "2026-11-18", None),
        ("C", "2026-11-20", None),
        ("D", "2026-08-03", "10:15:00"),
        ("E", "2025-12-01", "16:40:00"),
        ("F", "2026-11-19", "11:00:00"),
    ]


@pytest.mark.parametrize(
    ("file", "users"),
    [
        (  # Zoho's users export in English: Status Active / Inactive
            "users.csv",
            "First Name,Last Name,Email,Role,Profile,Status\n"
            "Lucía,Fernández,lucia.fernandez@ventasiberia.es,Sales Rep,Standard,Active\n"
            "Pedro,Luna,pedro.luna@ventasiberia.es,Sales Rep,Standard,Inactive\n",
        ),
        (  # the same list with the Spanish interface: Estado Activo / Inactivo
            "Usuarios.csv",
            "Nombre,Apellidos,Correo electrónico,Equipo,Estado\n"
            "Lucía,Fernández,lucia.fernandez@ventasiberia.es,Centro,Activo\n"
            "Pedro,Luna,pedro.luna@ventasiberia.es,Centro,Inactivo\n",
        ),
    ],
    ids=["english", "spanish"],
)
def test_a_zoho_user_marked_inactive_is_a_leaver(database: Database, write, file: str, users: str) -> None:
    """A user list's status says who left: an inactive rep counts up to their last week of work (see
    tests/test_not_selling.py); before, the column was left unread and everyone stayed active."""
    [result] = load_files(database, write, [(file, users)])
    assert result.kind == "roster", result.message
    active = dict(fetch(database, "SELECT rep, active FROM reps WHERE superseded_by IS NULL"))
    assert active == {"Lucía Fernández": True, "Pedro Luna": False}
