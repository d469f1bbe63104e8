"""Generic spreadsheets: snake_case presets and the plain wordings (`SYNONYMS`) of any layout.

`SYNONYMS` holds plain wordings for generic spreadsheets and public CRM sample data
sets (e.g. the Maven/Kaggle "CRM + Sales Opportunities" data: sales_pipeline.csv =
opportunity_id, sales_agent, product, account, deal_stage, engage_date, close_date,
close_value; sales_teams.csv = sales_agent, manager, regional_office, seen in several
public repositories' docs and loaders).
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

PRODUCT = "../shared/design/PRODUCT.md canonical model (snake_case field names)"


def _snake_case(kind: str, headers: dict[str, tuple[str, ...]], **units: str) -> Preset:
    """A generic preset: every field spelled as its canonical snake_case name."""
    cites = dict.fromkeys(headers, PRODUCT)
    return Preset(source="generic", kind=kind, headers=headers, cites=cites, duration_units=units)


def _same(*names: str) -> dict[str, tuple[str, ...]]:
    return {n: (n,) for n in names}


PRESETS: tuple[Preset, ...] = (
    _snake_case(
        "activities",
        {
            **_same("activity_id", "rep", "date", "time", "type", "subtype", "subject"),
            "duration": ("duration_minutes", "duration_seconds", "duration_hours", "duration_ms"),
            **_same("outcome", "status", "account", "first_meeting", "target_account"),
        },
        duration_minutes="minutes",
        duration_seconds="seconds",
        duration_hours="hours",
        duration_ms="milliseconds",
    ),
    _snake_case(
        "opportunities",
        {
            **_same("opportunity_id", "opportunity_name", "owner", "account", "stage", "amount"),
            **_same("actual_amount", "currency", "created_date", "close_date", "closed_date", "status"),
            **_same("is_won", "is_closed", "active", "modified_date"),
            # In a generic opportunities file "source" means lead source.
            "lead_source": ("source", "lead_source"),
            "snapshot_date": ("snapshot_date",),
        },
    ),
    _snake_case(
        "roster",
        _same(
            "rep",
            "first_name",
            "last_name",
            "user_id",
            "email",
            "team",
            "manager",
            "start_date",
            "end_date",
            "active",
        ),
    ),
    _snake_case(
        "targets", _same("metric", "value", "period", "team", "rep", "effective_from", "effective_to")
    ),
    _snake_case("target_accounts", _same("account", "rep", "team")),
    _snake_case("time_off", _same("rep", "date_from", "date_to", "reason")),
)

# --------------------------------------------------------------------------- synonyms

# Plain wordings for generic spreadsheets and public sample data sets. Kept free of
# words that mean something else in another kind's file (a bare "name" is a rep only in
# a roster, no "status" as an activity outcome, no bare "date" outside activities).
_REP_WORDS: tuple[str, ...] = (
    "rep",
    "rep name",
    "sales rep",
    "sales representative",
    "sales agent",  # Maven CRM sales_pipeline.csv / sales_teams.csv
    "agent",
    "salesperson",
    "sales person",
    "seller",
    "account executive",
    "ae",
    "sdr",
    "bdr",
    "executive",  # public CRM sample data (executive, assigned_executive)
    "sales executive",
    "assigned executive",
)

# A rep named by ID in activity and deal exports (resolved through a roster's user ID), the
# roster's user ID column itself: after the names, so a file with both takes the name.
_REP_ID_WORDS: tuple[str, ...] = (
    "rep id",
    "sales rep id",
    "salesperson id",
    "agent id",
    "user id",
    "owner id",
)

_ACCOUNT_WORDS: tuple[str, ...] = (
    "account",
    "account name",
    "company",
    "company name",
    "organization",
    "organisation",
    "customer",
    "client",
)

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "activities": {
        "activity_id": (
            "activity id",
            "id",
            "record id",
            "call id",
            "meeting id",
            "task id",
            "event id",
        ),
        "rep": (
            *_REP_WORDS,
            "owner",
            "owner name",
            "activity owner",
            "assigned to",
            "assigned",
            "assignee",
            "user",
            "caller",
            "host",
            "employee",
            *_REP_ID_WORDS,
        ),
        "date": (
            "date",
            "activity date",
            "due date",
            "call date",
            "meeting date",
            "start",
            "start date",
            "start time",
            "start datetime",
            "timestamp",
            "datetime",
            "date time",
            "occurred at",
        ),
        "time": ("time", "due time", "call time", "time of day"),
        "type": (
            "type",
            "activity type",
            "activity",
            "task type",
            "event type",
            "channel",
        ),
        "subtype": ("subtype", "activity subtype", "sub type", "meeting type", "call type", "task subtype"),
        "subject": ("subject", "title", "summary", "topic", "call title", "meeting name"),
        "duration": (
            "duration",
            "call duration",
            "talk time",
            "length",
            "minutes",
            "duration (min)",
            "duration (minutes)",
            "duration (seconds)",
            "duration sec",
            "duration in minutes",
            "duration in seconds",
            "call length",
        ),
        "outcome": (
            "outcome",
            "result",
            "call result",
            "call outcome",
            "meeting outcome",
            "disposition",
            "call disposition",
        ),
        "account": (*_ACCOUNT_WORDS, "prospect"),
        "first_meeting": (
            "first meeting",
            "is first meeting",
            "first meeting flag",
            "initial meeting",
            "intro meeting",
        ),
        "target_account": (
            "target account",
            "is target account",
            "target account flag",
            "on target list",
            "tal",
        ),
    },
    "opportunities": {
        "opportunity_id": (
            "opportunity id",
            "opp id",
            "deal id",
            "id",
            "record id",
        ),
        "opportunity_name": (
            "opportunity name",
            "opportunity",
            "opp name",
            "deal name",
            "deal title",
            "deal",
        ),
        "owner": (
            *_REP_WORDS,
            "owner",
            "owner name",
            "opportunity owner",
            "deal owner",
            "assigned to",
            "user",
            *_REP_ID_WORDS,
        ),
        "account": _ACCOUNT_WORDS,
        "stage": (
            "stage",
            "stage name",
            "deal stage",  # Maven CRM sales_pipeline.csv
            "opportunity stage",
            "pipeline stage",
            "sales stage",
        ),
        "amount": (
            "amount",
            "value",
            "deal value",
            "deal size",
            "deal amount",
            "opportunity amount",
            "revenue",
            "estimated revenue",
            "est revenue",
            "expected revenue",
            "estimated value",
            "opportunity value",
            "potential amount",
            "close value",  # Maven CRM sales_pipeline.csv
            "total amount",
            "offer total amount",  # public CRM sample data (offers / quotes)
            "quote total",
            "contract value",
        ),
        "actual_amount": ("actual revenue", "actual amount", "actual value", "won amount", "booked amount"),
        "created_date": (
            "created date",
            "create date",
            "created",
            "created on",
            "created at",
            "date created",
            "creation date",
            "open date",
            "opened date",
            "engage date",  # Maven CRM sales_pipeline.csv
        ),
        "close_date": (
            "close date",
            "closing date",
            "expected close date",
            "expected close",
            "estimated close date",
            "est close date",
            "planned close date",
        ),
        "closed_date": (
            "actual close date",
            "closed date",
            "closed on",
            "date closed",
            "closed at",
            "won date",
            "won time",
            "lost date",
            "lost time",
        ),
        "is_won": ("won", "is won", "closed won", "is closed won"),
        "is_closed": ("closed", "is closed", "is deal closed"),
        "currency": ("currency", "currency code", "currency iso code", "deal currency", "iso currency code"),
        "modified_date": (
            "last modified",
            "last modified date",
            "modified",
            "modified on",
            "modified date",
            "date modified",
            "updated",
            "updated at",
            "updated on",
            "last updated",
            "last update",
            "update time",
            "last activity",
            "last activity date",
        ),
        "status": (
            "status",
            "deal status",
            "opportunity status",
            "outcome",
            "result",
            "won/lost",
        ),
        "lead_source": (
            "lead source",
            "source",
            "deal source",
            "original source",
            "lead origin",
            "acquisition channel",
        ),
        "snapshot_date": (
            "snapshot date",
            "snapshot",
            "as of date",
            "as of",
            "report date",
            "export date",
            "extract date",
        ),
    },
    "roster": {
        "rep": (
            *_REP_WORDS,
            "full name",
            "name",
            "user name",
            "display name",
            "employee",
            "employee name",
            "team member",
            "member",
            "user",
        ),
        "first_name": ("first name", "firstname", "given name", "forename"),
        "last_name": ("last name", "lastname", "surname", "family name"),
        "user_id": (*_REP_ID_WORDS, "id", "employee id", "record id", "userid"),
        "email": ("email", "email address", "e-mail", "work email", "rep email", "user email"),
        "team": (
            "team",
            "team name",
            "sales team",
            "squad",
            "pod",
            "group",
            "regional office",  # Maven CRM sales_teams.csv
            "region",
            "territory",
            "department",
            "division",
        ),
        "manager": (
            "manager",
            "manager name",
            "sales manager",
            "team lead",
            "team leader",
            "supervisor",
            "reports to",
        ),
        "start_date": (
            "start date",
            "start",
            "started",
            "hire date",
            "date hired",
            "joined",
            "join date",
            "ramp start",
            # a Spanish team sheet's hire date ('Fecha de alta' in Spain's HR wording)
            "fecha de alta",
            "fecha de incorporación",
            "fecha de contratación",
        ),
        "end_date": (
            "end date",
            "end",
            "left",
            "leave date",
            "departure date",
            "termination date",
            "last day",
            "fecha de baja",  # Spanish: the date a person left
        ),
        "active": ("active", "is active", "enabled"),
    },
    "targets": {
        "metric": ("metric", "metric name", "kpi", "measure", "goal type", "target metric"),
        "value": ("value", "target", "target value", "goal", "quota", "expected"),
        "period": ("period", "frequency", "cadence", "per", "interval", "timeframe"),
        "team": ("team", "team name", "sales team", "pod", "group"),
        "rep": (*_REP_WORDS, "owner", "user", "employee"),
        "effective_from": (
            "effective from",
            "effective date",
            "valid from",
            "from",
            "start date",
            "start",
        ),
        "effective_to": (
            "effective to",
            "valid to",
            "valid until",
            "to",
            "until",
            "end date",
            "end",
            "expires",
        ),
    },
    "target_accounts": {
        "account": (*_ACCOUNT_WORDS, "target account"),
        "rep": (*_REP_WORDS, "owner", "account owner", "assigned to"),
        "team": ("team", "team name", "sales team", "pod", "segment", "territory", "region"),
    },
    # A time-off sheet (rep, from, to, reason), in the words of HR exports and hand-made sheets.
    # No "note"/"comment": a lone notes column is not a table (tests/test_ingest_bad_files.py).
    "time_off": {
        "rep": (*_REP_WORDS, "employee", "employee name", "name", "owner", "user"),
        "date_from": (
            "from",
            "start",
            "start date",
            "first day",
            "begin",
            "off from",
            "leave start",
            "date from",
            "von",
            "desde",
            "dal",
        ),
        "date_to": (
            "to",
            "end",
            "end date",
            "last day",
            "until",
            "off to",
            "leave end",
            "date to",
            "bis",
            "hasta",
            "até",
        ),
        "reason": (
            "reason",
            "type",
            "leave type",
            "absence type",
            "motivo",
            "grund",
            "motif",
        ),
    },
}

# Entity prefixes CRMs put before a field's label in exports of one object ("Deal - Owner",
# "Activity - Subject", "User - Name"): dropped to match the rest against every wording.
ENTITY_PREFIXES: dict[str, tuple[str, ...]] = {
    "activities": ("activity", "task", "call", "event", "meeting", "appointment", "email"),
    "opportunities": ("deal", "opportunity", "negocio", "negócio", "affaire", "geschäft"),
    "roster": ("user", "employee", "usuario", "usuário", "utilisateur", "benutzer"),
    "targets": ("target", "goal"),
    "target_accounts": ("account", "company", "organization", "organisation"),
}

# Keywords: a header that contains one of these words is a weak candidate for the field
# (a guess the mapping screen offers first; never enough on its own for a required field).
KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "activities": {
        "rep": ("owner", "assigned", "rep", "salesperson"),
        "date": ("date",),
        "type": ("type",),
        "subject": ("subject", "title"),
        "duration": ("duration",),
        "outcome": ("outcome", "result", "disposition"),
        "account": ("account", "company", "organization", "organisation"),
    },
    "opportunities": {
        "owner": ("owner", "rep", "salesperson"),
        "stage": ("stage", "phase"),
        "amount": ("amount", "value", "revenue"),
        "currency": ("currency",),
        "created_date": ("created", "creation"),
        "close_date": ("close", "closing"),
        "closed_date": ("closed",),
        "account": ("account", "company", "customer", "organization", "organisation"),
        "lead_source": ("source",),
        "modified_date": ("modified", "updated"),
        "status": ("status",),
    },
    "roster": {
        "rep": ("name",),
        "email": ("email", "mail"),
        "team": ("team",),
        "manager": ("manager",),
    },
    "targets": {},
    "target_accounts": {"account": ("account", "company"), "rep": ("owner",)},
    "time_off": {},
}

# Headers that only an export of one kind of activity has: a file with no type column but
# one of these is all of that type (HubSpot exports calls, meetings, tasks and e-mails
# separately: knowledge.hubspot.com default activity properties; Zoho, Close and Freshsales
# likewise export one module at a time).
IMPLIED_TYPES: dict[str, tuple[str, ...]] = {
    "call": (
        "call title",
        "call outcome",
        "call duration",
        "call result",
        "call direction",
        "call disposition",
        "call status",
        "call purpose",
        "call type",
        "calldurationinseconds",
        "phone number",  # Dynamics 365 phone-call view
        "left voice mail",
        "disposition",  # Close's calls export (closeio/close-api-scripts export_calls.py)
        "recording url",
        "remote phone",
        # Zoho CRM's calls module in Spanish (localized_zoho.py)
        "tipo de llamada",
        "hora de inicio de llamada",
        "hora de inicio de la llamada",
        "duración de la llamada",
        "resultado de la llamada",
        "propósito de la llamada",
        "propietario de llamada",
    ),
    "meeting": (
        "meeting name",
        "meeting outcome",
        "meeting start time",
        "meeting end time",
        "meeting location",
        "meeting title",
        "appointment",
        "event title",
        "meeting type",
        "location",  # Zoho meetings, Freshsales appointments, Dynamics appointments
        "participants",
        "all day",
        # Zoho CRM's meetings module in Spanish (localized_zoho.py)
        "título de la reunión",
        "propietario de reunión",
        "anfitrión",
        "ubicación",
        "participantes",
    ),
    "email": (
        "email subject",
        "email send status",
        "email direction",
        "email status",
        "email body",
        "email from address",
    ),
    "task": ("task title", "task status", "task priority", "propietario de tarea"),
}
