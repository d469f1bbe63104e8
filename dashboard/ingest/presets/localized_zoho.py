"""localized_zoho: Zoho CRM module exports (Llamadas, Reuniones, Tareas, Tratos) in Spanish (Spain).

A Zoho export writes each field's label in the exporting user's language. Spain's interface calls
a deal a "Trato" and names an owner "Propietario de <Módulo>" and a name "Nombre de <Módulo>"; the
columns are the English preset's (zoho.py), translated. Evidence (public material, looked up with the
project's search tool):

- Public code over Zoho CRM data in Spanish (Zoho Analytics tables named "Tratos (Zoho CRM)",
  "Contactos (Zoho CRM)"): "Nombre de Trato", "Fase" (value "Cerrado ganado"), "Propietario de
  Trato" (Analytics adds " Name" to the lookup), "Importe", "Hora de creación", "Hora de
  modificación"; on contacts "Propietario de Contacto", "Nombre de Cuenta", "Correo electrónico",
  "Fuente de Posible cliente", "Nombre", "Apellidos", "Nombre completo". A React dashboard over a
  Zoho deals report: "Propietario De Trato", "Suma De Importe".
- help.zoho.com community, "Tip #8: Personaliza las fases de Tratos de acuerdo a tu empresa" (Zoho
  Spain): the module is "Tratos", its default phases include "Propuesta de valor", "Cotización de
  propuesta/precio", "Negociación/Revisión" and the closed ones (won, lost, lost to competition).
- zoho.com/es-xl/crm/help/api/modules-fields.html (Latin-American Spanish, API v1): modules
  "Acuerdos", "Eventos", "Tareas", "Llamadas"; owners as "Responsable del ..." there. Spain's labels
  above are the ones listed first.

Calls, meetings and tasks: no public copy of a Spanish Zoho export's header row was found. Their
labels below are Zoho's English labels (zoho.py) as the Spanish interface words them, marked
"(unverified)" as in localized.py: kept because the file is unreadable without them, to be confirmed
with a real export. Zoho writes a call's duration as MM:SS ("Duración de la llamada": 05:32 is
5 min 32 s), as in English.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

DEALS_ES = (
    "public code over Zoho CRM data in Spanish: tables 'Tratos (Zoho CRM)' / 'Contactos (Zoho CRM)' "
    "(Nombre de Trato, Fase 'Cerrado ganado', Propietario de Trato, Importe, Hora de creación, Hora de "
    "modificación; Nombre de Cuenta, Fuente de Posible cliente, Correo electrónico)"
)
PHASES_ES = (
    "help.zoho.com community 'Tip #8: Personaliza las fases de Tratos de acuerdo a tu empresa' "
    "(module Tratos, default phases)"
)
MODULES_XL = "zoho.com/es-xl/crm/help/api/modules-fields.html (Llamadas, Eventos, Tareas)"
ACTIVITY_ES = "zoho.py ACTIVITIES labels as the Spanish interface words them; " + MODULES_XL
U = " (unverified)"

ACTIVITIES = Preset(
    source="zoho",
    kind="activities",
    lang="es",
    headers={
        "activity_id": ("ID de registro",),
        # Calls "Propietario de Llamada", tasks "Propietario de Tarea", meetings "Anfitrión" (Host,
        # shown as "Propietario de Reunión"); the owner pattern is verified on Tratos / Contactos.
        "rep": (
            "Propietario de Llamada",
            "Propietario de Tarea",
            "Anfitrión",
            "Propietario de Reunión",
            "Propietario de Evento",
        ),
        # Call Start Time; meetings From ("Desde", also "Fecha y hora de inicio"); tasks Due Date.
        "date": (
            "Hora de inicio de llamada",
            "Hora de inicio de la llamada",
            "Desde",
            "Fecha y hora de inicio",
            "Fecha de vencimiento",
        ),
        # Saliente / Entrante / Perdida: the call's direction (a module export has no type column).
        "subtype": ("Tipo de llamada",),
        "subject": ("Asunto", "Título", "Título de la reunión"),
        # "Duración de la llamada (en segundos)" a bare number, preferred; "Duración de la llamada"
        # MM:SS text (05:32 is 5 min 32 s).
        "duration": ("Duración de la llamada (en segundos)", "Duración de la llamada"),
        "outcome": ("Resultado de la llamada",),
        "account": ("Relacionado con",),
    },
    cites={
        "activity_id": ACTIVITY_ES + U,
        "rep": DEALS_ES + " (Propietario de <Módulo>); " + ACTIVITY_ES + U,
        "date": ACTIVITY_ES + U,
        "subtype": ACTIVITY_ES + U,
        "subject": ACTIVITY_ES + U,
        "duration": ACTIVITY_ES + U,
        "outcome": ACTIVITY_ES + U,
        "account": ACTIVITY_ES + U,
    },
    duration_units={
        "Duración de la llamada (en segundos)": "seconds",
        "Duración de la llamada": "minutes_seconds",
    },
)

OPPORTUNITIES = Preset(
    source="zoho",
    kind="opportunities",
    lang="es",
    headers={
        "opportunity_id": ("ID de registro", "Id"),
        "opportunity_name": ("Nombre de Trato",),
        "owner": ("Propietario de Trato",),
        "account": ("Nombre de Cuenta",),
        "stage": ("Fase",),
        # "Ingresos esperados" (Expected Revenue: Importe x Probabilidad) is never the amount.
        "amount": ("Importe",),
        "currency": ("Moneda",),
        "created_date": ("Hora de creación",),
        "close_date": ("Fecha de cierre",),
        "lead_source": ("Fuente de Posible cliente",),
        "modified_date": ("Hora de modificación", "Hora de la última actividad"),
    },
    cites={
        "opportunity_id": DEALS_ES + " (Id); ID de registro" + U,
        "opportunity_name": DEALS_ES,
        "owner": DEALS_ES,
        "account": DEALS_ES,
        "stage": DEALS_ES + "; " + PHASES_ES,
        "amount": DEALS_ES,
        "currency": "zoho.py (Currency): Moneda" + U,
        "created_date": DEALS_ES,
        "close_date": "zoho.py (Closing Date): Fecha de cierre" + U,
        "lead_source": DEALS_ES,
        "modified_date": DEALS_ES + "; Hora de la última actividad" + U,
    },
)

ROSTER = Preset(
    source="zoho",
    kind="roster",
    lang="es",
    headers={
        "rep": ("Nombre completo",),
        "first_name": ("Nombre",),
        "last_name": ("Apellidos",),
        "email": ("Correo electrónico",),
        "active": ("Estado",),  # Activo / Inactivo
    },
    cites={
        "rep": DEALS_ES + " (Contactos: Nombre completo); a user list's label" + U,
        "first_name": DEALS_ES + " (Contactos: Nombre); a user list's label" + U,
        "last_name": DEALS_ES + " (Contactos: Apellidos); a user list's label" + U,
        "email": DEALS_ES + " (Contactos: Correo electrónico); a user list's label" + U,
        "active": "zoho.com/es-xl/crm/help/api/getusers.html (usuarios activos / inactivos): Estado" + U,
    },
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
