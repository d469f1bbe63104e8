"""localized: HubSpot, Pipedrive and Salesforce exports written in Spanish, German, French and
Portuguese (Brazil).

These CRMs write an export's header row in the exporting user's language. One `Preset` per
(source, kind, lang). Evidence (public material, looked up with the project's search tool):

- HubSpot knowledge base, localized pages: knowledge.hubspot.com/de/crm-deals/hubspots-default-
  deal-properties ("Betrag", "Betrag in Firmenwährung"), /de/deals/work-with-your-deal-records
  ("Abschlussdatum", "Phase"), /es/.../set-defaults-for-creating-deals ("fecha de cierre",
  "importe del negocio"), /es/.../how-can-i-set-required-fields... ("nombre del negocio"),
  /fr/object-settings/set-defaults-for-creating-deals ("date de fermeture", "montant"),
  /fr/invoices/hubspots-default-invoice-properties ("Date de création", "Devise"),
  /pt/deals/work-with-your-deal-records ("Data de fechamento", "Fase"). Stage names: /de/
  "Abgeschlossen und gewonnen", /es/ "Cierre ganado", "Cierre perdido", /fr/ "Fermé gagné",
  "Fermé perdu" (deal pipeline articles).
- Public code mirroring HubSpot's localized deal filters: German "Deal-Inhaber",
  "Erstellungsdatum", "Letzte Aktivität", "Abschlussdatum", "Betrag", "Deal-Phase"; Spanish
  "Propietario del negocio", "Fecha de cierre", "Fecha de creación"; a French HubSpot MCP tool
  documenting "Nom de la transaction", "Propriétaire de la transaction", "Date de création".
- Pipedrive exports in public code (importers of real exports): Portuguese "Negócio - Título",
  "Negócio - Valor", "Negócio - Moeda de Valor", "Negócio - Proprietário", "Negócio - Etapa",
  "Negócio - Status" (Aberto / Ganho / Perdido), "Negócio - Negócio criado em", "Negócio - Data
  de fechamento esperada", "Negócio - Ganho em", "Negócio - Data de perda", "Negócio - Negócio
  fechado em", "Atividade - Usuário responsável", "Atividade - Assunto", "Atividade - Tipo",
  "Atividade - Data de vencimento"; Spanish "Negocio - ID", "Negocio - Título", "Negocio -
  Propietario", "Negocio - Valor", "Negocio - Etapa", "Negocio - Negocio creado el", "Negocio -
  Fecha de ganado", "Actividad - Tipo", "Actividad - Asunto", "Actividad - Fecha de
  vencimiento", "Actividad - Asignada al usuario"; German "Deal - Titel", "Deal - Wert",
  "Deal - Besitzer", "Deal - Phase", "Deal - Status", "Deal - Deal erstellt", "Deal - Deal
  abgeschlossen am", "Deal - Datum des gewonnenen Deals"; French "Affaire - Titre", "Affaire -
  Valeur", "Affaire - Propriétaire", "Affaire - Étape", "Affaire - Statut", "Affaire - Date de
  clôture prévue", "Affaire - Affaire créée", "Affaire - Date de gain", "Affaire - Date de
  perte". Pipedrive writes dates as "YYYY-MM-DD HH:MM:SS" in every language.
- Salesforce report exports in public code: German "Opportunity-Inhaber", "Phase",
  "Schlusstermin", "Erstelldatum", "Letzte Aktivität" with stages "Geschlossen und gewonnen" /
  "Geschlossen und verloren"; French "Propriétaire de l'opportunité", "Date de création",
  "Date de clôture", "Étape"; a French Lightning UI test naming "Nom de l'Opportunité".
  Marketo's German Salesforce docs: Task "Betreff", "Typ", "Aufgabentyp"; "Lead-Quelle".

Where a label is marked "(unverified)" in its cite, it is the CRM's usual translation but no
public copy of it was found: kept because the preset is useless without it, to be confirmed
with a real export. help.salesforce.com in de/es/fr/pt and HubSpot's localized default
activity/deal property lists were not in the searchable copies.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

# --------------------------------------------------------------------------- sources
HS_DE = (
    "knowledge.hubspot.com/de/crm-deals/hubspots-default-deal-properties (Betrag, Betrag in "
    "Firmenwährung); /de/deals/work-with-your-deal-records (Abschlussdatum, Phase)"
)
HS_DE_UI = (
    "public code mirroring HubSpot's German deal filters (Deal-Inhaber, Erstellungsdatum, "
    "Letzte Aktivität, Deal-Phase)"
)
HS_ES = (
    "knowledge.hubspot.com/es/object-settings/set-defaults-for-creating-deals (fecha de cierre, "
    "importe del negocio); /es/...required-fields (nombre del negocio); /es/deals/set-up-and-"
    "customize-your-deal-pipelines-and-deal-stages (etapas del negocio)"
)
HS_ES_UI = (
    "public code mirroring HubSpot's Spanish deal filters (Propietario del negocio, Fecha de "
    "cierre, Fecha de creación)"
)
HS_FR = (
    "knowledge.hubspot.com/fr/object-settings/set-defaults-for-creating-deals (date de fermeture, "
    "montant); /fr/invoices/hubspots-default-invoice-properties (Date de création, Devise); "
    "/fr/deals/set-up-and-customize-your-deal-pipelines-and-deal-stages (phases de transaction)"
)
HS_FR_CODE = (
    "public code: French HubSpot deal properties (Nom de la transaction, Propriétaire de la transaction)"
)
HS_PT = (
    "knowledge.hubspot.com/pt/deals/work-with-your-deal-records (Data de fechamento, Fase); "
    "/pt/object-settings/set-up-and-customize-your-deal-pipelines-and-deal-stages (estágios do negócio)"
)
HS_ACTIVITY_LAYOUT = (
    "knowledge.hubspot.com/{fi,ja}/...hubspots-default-activity-properties (same property list as "
    "English: activity assigned to, activity date, call and meeting type, call duration in ms)"
)
HS_USERS = "knowledge.hubspot.com/settings/export-users (user ID, first name, last name, email, teams)"

PD_PT = (
    "public code reading Pipedrive pt-BR exports (Negócio - Título, Negócio - Valor, ..., "
    "Atividade - Assunto)"
)
PD_ES = (
    "public code reading Pipedrive Spanish exports (Negocio - ID, Negocio - Propietario, "
    "Actividad - Tipo, ...)"
)
PD_DE = "public code importing a Pipedrive German deals CSV (Deal - Titel, Deal - Wert, Deal - Besitzer, ...)"
PD_FR = "public code reading Pipedrive French deal exports (Affaire - Titre, Affaire - Valeur, ...)"
PD_SAMPLE = "support.pipedrive.com/en/article/importing-sample-import-spreadsheets (English field list)"

SF_DE = (
    "public code importing German Salesforce reports (Opportunity-Inhaber, Phase, "
    "Schlusstermin, Erstelldatum)"
)
SF_DE_MARKETO = (
    "AdobeDocs/marketo.de-DE Salesforce docs (Betreff, Typ, Aufgabentyp, Opportunity-Name, Lead-Quelle)"
)
SF_FR = (
    "public code reading a French Salesforce opportunity report (Propriétaire de "
    "l'opportunité, Étape, Date de clôture)"
)
SF_FR_UI = "public Robot Framework test of Salesforce Lightning in French (Nom de l'Opportunité)"
SF_FIELD_REF = "developer.salesforce.com Field Reference (English labels; translated by Salesforce)"

U = " (unverified)"


def _preset(
    source: str,
    kind: str,
    lang: str,
    headers: dict[str, tuple[str, ...]],
    cites: dict[str, str],
    units: dict[str, str] | None = None,
) -> Preset:
    return Preset(
        source=source, kind=kind, headers=headers, cites=cites, duration_units=units or {}, lang=lang
    )


# =========================================================================== HubSpot
HUBSPOT: tuple[Preset, ...] = (
    # ---------------------------------------------------------------- Spanish
    _preset(
        "hubspot",
        "activities",
        "es",
        {
            "activity_id": ("ID de registro",),
            "rep": ("Actividad asignada a", "Asignado a"),
            "date": ("Fecha de actividad", "Fecha de vencimiento"),
            "type": ("Tipo de actividad", "Tipo de tarea"),
            "subtype": ("Tipo de llamada y reunión",),
            "subject": ("Título", "Título de la llamada", "Nombre de la reunión", "Título de la tarea"),
            "duration": ("Duración de la llamada",),
            "outcome": ("Resultado de la llamada", "Resultado de la reunión"),
            "account": ("Empresa asociada",),
        },
        {
            "activity_id": HS_ES + U,
            "rep": HS_ACTIVITY_LAYOUT + U,
            "date": HS_ACTIVITY_LAYOUT + U,
            "type": HS_ACTIVITY_LAYOUT + U,
            "subtype": HS_ACTIVITY_LAYOUT + U,
            "subject": HS_ACTIVITY_LAYOUT + U,
            "duration": HS_ACTIVITY_LAYOUT + U,
            "outcome": HS_ACTIVITY_LAYOUT + U,
            "account": HS_ES + U,
        },
        {"Duración de la llamada": "milliseconds"},
    ),
    _preset(
        "hubspot",
        "opportunities",
        "es",
        {
            "opportunity_id": ("ID de registro",),
            "opportunity_name": ("Nombre del negocio",),
            "owner": ("Propietario del negocio",),
            "account": ("Empresa asociada",),
            "stage": ("Etapa del negocio",),
            "amount": ("Importe", "Importe en la moneda de la empresa"),
            "currency": ("Moneda",),
            "created_date": ("Fecha de creación",),
            "close_date": ("Fecha de cierre",),
            "lead_source": ("Fuente original",),
            "modified_date": ("Fecha de la última actividad",),
        },
        {
            "opportunity_id": HS_ES + U,
            "opportunity_name": HS_ES,
            "owner": HS_ES_UI,
            "account": HS_ES + U,
            "stage": HS_ES,
            "amount": HS_ES,
            "currency": HS_ES + U,
            "created_date": HS_ES_UI,
            "close_date": HS_ES + "; " + HS_ES_UI,
            "lead_source": HS_ES + U,
            "modified_date": HS_ES + U,
        },
    ),
    _preset(
        "hubspot",
        "roster",
        "es",
        {
            "user_id": ("ID de usuario",),
            "first_name": ("Nombre",),
            "last_name": ("Apellido",),
            "email": ("Correo electrónico", "Correo"),
            "team": ("Equipo principal", "Equipo"),
        },
        {f: HS_USERS + U for f in ("user_id", "first_name", "last_name", "email", "team")},
    ),
    # ---------------------------------------------------------------- German
    _preset(
        "hubspot",
        "activities",
        "de",
        {
            "activity_id": ("Datensatz-ID",),
            "rep": ("Aktivität zugewiesen an", "Zugewiesen an"),
            "date": ("Aktivitätsdatum", "Fälligkeitsdatum"),
            "type": ("Aktivitätstyp", "Aufgabentyp"),
            "subtype": ("Anruf- und Meeting-Typ",),
            "subject": ("Titel", "Anruftitel", "Meeting-Name", "Aufgabentitel"),
            "duration": ("Anrufdauer",),
            "outcome": ("Anrufergebnis", "Meeting-Ergebnis"),
            "account": ("Zugeordnetes Unternehmen",),
        },
        {
            "activity_id": HS_DE + U,
            "rep": HS_ACTIVITY_LAYOUT + U,
            "date": HS_ACTIVITY_LAYOUT + U,
            "type": HS_ACTIVITY_LAYOUT + "; " + SF_DE_MARKETO + " (Aufgabentyp)" + U,
            "subtype": HS_ACTIVITY_LAYOUT + U,
            "subject": HS_ACTIVITY_LAYOUT + U,
            "duration": HS_ACTIVITY_LAYOUT + U,
            "outcome": HS_ACTIVITY_LAYOUT + U,
            "account": HS_DE + U,
        },
        {"Anrufdauer": "milliseconds"},
    ),
    _preset(
        "hubspot",
        "opportunities",
        "de",
        {
            "opportunity_id": ("Datensatz-ID",),
            "opportunity_name": ("Dealname", "Deal-Name"),
            "owner": ("Deal-Inhaber",),
            "account": ("Zugeordnetes Unternehmen",),
            "stage": ("Deal-Phase",),
            "amount": ("Betrag", "Betrag in Firmenwährung"),
            "currency": ("Währung",),
            "created_date": ("Erstellungsdatum",),
            "close_date": ("Abschlussdatum",),
            "lead_source": ("Originalquelle",),
            "modified_date": ("Letzte Aktivität", "Datum der letzten Aktivität"),
        },
        {
            "opportunity_id": HS_DE + U,
            "opportunity_name": HS_DE + U,
            "owner": HS_DE_UI,
            "account": HS_DE + U,
            "stage": HS_DE_UI + "; " + HS_DE,
            "amount": HS_DE,
            "currency": HS_DE + U,
            "created_date": HS_DE_UI,
            "close_date": HS_DE + "; " + HS_DE_UI,
            "lead_source": HS_DE + U,
            "modified_date": HS_DE_UI + " (Letzte Aktivität); Datum der letzten Aktivität" + U,
        },
    ),
    _preset(
        "hubspot",
        "roster",
        "de",
        {
            "user_id": ("Benutzer-ID",),
            "first_name": ("Vorname",),
            "last_name": ("Nachname",),
            "email": ("E-Mail",),
            "team": ("Primäres Team", "Team"),
        },
        {f: HS_USERS + U for f in ("user_id", "first_name", "last_name", "email", "team")},
    ),
    # ---------------------------------------------------------------- French
    _preset(
        "hubspot",
        "activities",
        "fr",
        {
            "activity_id": ("ID de fiche d'informations",),
            "rep": ("Activité attribuée à", "Attribué à"),
            "date": ("Date de l'activité", "Date d'échéance"),
            "type": ("Type d'activité", "Type de tâche"),
            "subtype": ("Type d'appel et de réunion",),
            "subject": ("Titre", "Titre de l'appel", "Nom de la réunion", "Titre de la tâche"),
            "duration": ("Durée de l'appel",),
            "outcome": ("Résultat de l'appel", "Résultat de la réunion"),
            "account": ("Entreprise associée",),
        },
        {
            "activity_id": HS_FR + U,
            "rep": HS_ACTIVITY_LAYOUT + U,
            "date": HS_ACTIVITY_LAYOUT + U,
            "type": HS_ACTIVITY_LAYOUT + U,
            "subtype": HS_ACTIVITY_LAYOUT + U,
            "subject": HS_ACTIVITY_LAYOUT + U,
            "duration": HS_ACTIVITY_LAYOUT + U,
            "outcome": HS_ACTIVITY_LAYOUT + U,
            "account": HS_FR + U,
        },
        {"Durée de l'appel": "milliseconds"},
    ),
    _preset(
        "hubspot",
        "opportunities",
        "fr",
        {
            "opportunity_id": ("ID de fiche d'informations",),
            "opportunity_name": ("Nom de la transaction",),
            "owner": ("Propriétaire de la transaction",),
            "account": ("Entreprise associée",),
            "stage": ("Phase de la transaction",),
            "amount": ("Montant", "Montant dans la devise de l'entreprise"),
            "currency": ("Devise",),
            "created_date": ("Date de création",),
            "close_date": ("Date de fermeture",),
            "lead_source": ("Source d'origine",),
            "modified_date": ("Date de dernière activité", "Date de dernière modification"),
        },
        {
            "opportunity_id": HS_FR + U,
            "opportunity_name": HS_FR_CODE,
            "owner": HS_FR_CODE,
            "account": HS_FR + U,
            "stage": HS_FR + " (phase de transaction)",
            "amount": HS_FR,
            "currency": HS_FR,
            "created_date": HS_FR + "; " + HS_FR_CODE,
            "close_date": HS_FR,
            "lead_source": HS_FR + U,
            "modified_date": HS_FR_CODE + " (Date de dernière modification); Date de dernière activité" + U,
        },
    ),
    _preset(
        "hubspot",
        "roster",
        "fr",
        {
            "user_id": ("ID utilisateur",),
            "first_name": ("Prénom",),
            "last_name": ("Nom",),
            "email": ("E-mail", "Adresse e-mail"),
            "team": ("Équipe principale", "Équipe"),
        },
        {f: HS_USERS + U for f in ("user_id", "first_name", "last_name", "email", "team")},
    ),
    # ---------------------------------------------------------------- Portuguese (Brazil)
    _preset(
        "hubspot",
        "activities",
        "pt",
        {
            "activity_id": ("ID do registro",),
            "rep": ("Atividade atribuída a", "Atribuído a"),
            "date": ("Data da atividade", "Data de vencimento"),
            "type": ("Tipo de atividade", "Tipo de tarefa"),
            "subtype": ("Tipo de chamada e reunião",),
            "subject": ("Título", "Título da chamada", "Nome da reunião", "Título da tarefa"),
            "duration": ("Duração da chamada",),
            "outcome": ("Resultado da chamada", "Resultado da reunião"),
            "account": ("Empresa associada",),
        },
        {
            "activity_id": HS_PT + U,
            "rep": HS_ACTIVITY_LAYOUT + U,
            "date": HS_ACTIVITY_LAYOUT + U,
            "type": HS_ACTIVITY_LAYOUT + U,
            "subtype": HS_ACTIVITY_LAYOUT + U,
            "subject": HS_ACTIVITY_LAYOUT + U,
            "duration": HS_ACTIVITY_LAYOUT + U,
            "outcome": HS_ACTIVITY_LAYOUT + U,
            "account": HS_PT + U,
        },
        {"Duração da chamada": "milliseconds"},
    ),
    _preset(
        "hubspot",
        "opportunities",
        "pt",
        {
            "opportunity_id": ("ID do registro",),
            "opportunity_name": ("Nome do negócio",),
            "owner": ("Proprietário do negócio",),
            "account": ("Empresa associada",),
            "stage": ("Fase do negócio", "Estágio do negócio"),
            "amount": ("Valor", "Valor na moeda da empresa"),
            "currency": ("Moeda",),
            "created_date": ("Data de criação",),
            "close_date": ("Data de fechamento",),
            "lead_source": ("Fonte original",),
            "modified_date": ("Data da última atividade",),
        },
        {
            "opportunity_id": HS_PT + U,
            "opportunity_name": HS_PT + U,
            "owner": HS_PT + U,
            "account": HS_PT + U,
            "stage": HS_PT + " (fase / estágio do negócio)",
            "amount": HS_PT + U,
            "currency": HS_PT + U,
            "created_date": HS_PT + U,
            "close_date": HS_PT,
            "lead_source": HS_PT + U,
            "modified_date": HS_PT + U,
        },
    ),
    _preset(
        "hubspot",
        "roster",
        "pt",
        {
            "user_id": ("ID do usuário",),
            "first_name": ("Nome",),
            "last_name": ("Sobrenome",),
            "email": ("E-mail",),
            "team": ("Equipe principal", "Equipe"),
        },
        {f: HS_USERS + U for f in ("user_id", "first_name", "last_name", "email", "team")},
    ),
)


# =========================================================================== Pipedrive
# Pipedrive writes "<Object> - <Field>" in the user's language; dates as YYYY-MM-DD HH:MM:SS.
def _pipedrive_roster(lang: str, rep: str, user_id: str, email: str, active: str) -> Preset:
    headers = {"rep": (rep,), "user_id": (user_id,), "email": (email,), "active": (active,)}
    cite = PD_SAMPLE + " translated as the deal/activity columns are" + U
    return _preset("pipedrive", "roster", lang, headers, dict.fromkeys(headers, cite))


PIPEDRIVE: tuple[Preset, ...] = (
    # ---------------------------------------------------------------- Spanish
    _preset(
        "pipedrive",
        "activities",
        "es",
        {
            "activity_id": ("Actividad - ID",),
            "rep": ("Actividad - Asignada al usuario",),
            "date": ("Actividad - Fecha de vencimiento",),
            "time": ("Actividad - Hora de vencimiento",),
            "type": ("Actividad - Tipo",),
            "subject": ("Actividad - Asunto",),
            "duration": ("Actividad - Duración",),
            "account": ("Actividad - Organización", "Organización - Nombre"),
        },
        {
            "activity_id": PD_ES + U,
            "rep": PD_ES,
            "date": PD_ES,
            "time": PD_SAMPLE + U,
            "type": PD_ES,
            "subject": PD_ES,
            "duration": PD_SAMPLE + U,
            "account": PD_SAMPLE + U,
        },
        {"Actividad - Duración": "minutes"},
    ),
    _preset(
        "pipedrive",
        "opportunities",
        "es",
        {
            "opportunity_id": ("Negocio - ID",),
            "opportunity_name": ("Negocio - Título",),
            "owner": ("Negocio - Propietario",),
            "account": ("Negocio - Organización", "Organización - Nombre"),
            "stage": ("Negocio - Etapa",),
            "amount": ("Negocio - Valor",),
            "currency": ("Negocio - Moneda", "Negocio - Moneda de Valor"),
            "created_date": ("Negocio - Negocio creado el",),
            "close_date": ("Negocio - Fecha de cierre prevista",),
            "closed_date": (
                "Negocio - Fecha de ganado",
                "Negocio - Fecha de pérdida",
                "Negocio - Negocio cerrado el",
            ),
            "status": ("Negocio - Estado",),
            "modified_date": ("Negocio - Hora de actualización",),
            "lead_source": ("Negocio - Canal de origen", "Negocio - Fuente"),
        },
        {
            "opportunity_id": PD_ES,
            "opportunity_name": PD_ES,
            "owner": PD_ES,
            "account": PD_SAMPLE + U,
            "stage": PD_ES,
            "amount": PD_ES,
            "currency": PD_SAMPLE + U,
            "created_date": PD_ES,
            "close_date": PD_SAMPLE + U,
            "closed_date": PD_ES + " (Fecha de ganado); others" + U,
            "status": PD_SAMPLE + U,
            "modified_date": PD_SAMPLE + U,
            "lead_source": PD_SAMPLE + U,
        },
    ),
    _pipedrive_roster(
        "es", "Usuario - Nombre", "Usuario - ID", "Usuario - Correo electrónico", "Usuario - Activo"
    ),
    # ---------------------------------------------------------------- German
    _preset(
        "pipedrive",
        "activities",
        "de",
        {
            "activity_id": ("Aktivität - ID",),
            "rep": ("Aktivität - Zugewiesen an Benutzer",),
            "date": ("Aktivität - Fälligkeitsdatum",),
            "time": ("Aktivität - Fälligkeitszeit",),
            "type": ("Aktivität - Typ",),
            "subject": ("Aktivität - Betreff",),
            "duration": ("Aktivität - Dauer",),
            "account": ("Aktivität - Organisation", "Organisation - Name"),
        },
        {
            f: PD_SAMPLE + "; " + PD_DE + " (Deal - ... naming)" + U
            for f in ("activity_id", "rep", "date", "time", "type", "subject", "duration", "account")
        },
        {"Aktivität - Dauer": "minutes"},
    ),
    _preset(
        "pipedrive",
        "opportunities",
        "de",
        {
            "opportunity_id": ("Deal - ID",),
            "opportunity_name": ("Deal - Titel",),
            "owner": ("Deal - Besitzer",),
            "account": ("Deal - Organisation",),
            "stage": ("Deal - Phase",),
            "amount": ("Deal - Wert",),
            "currency": ("Deal - Währung",),
            "created_date": ("Deal - Deal erstellt",),
            "close_date": ("Deal - Erwartetes Abschlussdatum",),
            "closed_date": (
                "Deal - Deal abgeschlossen am",
                "Deal - Datum des gewonnenen Deals",
                "Deal - Datum des verlorenen Deals",
            ),
            "status": ("Deal - Status",),
            "modified_date": ("Deal - Zeit der Aktualisierung", "Deal - Datum der letzten Aktivität"),
        },
        {
            "opportunity_id": PD_DE,
            "opportunity_name": PD_DE,
            "owner": PD_DE,
            "account": PD_DE,
            "stage": PD_DE,
            "amount": PD_DE,
            "currency": PD_SAMPLE + U,
            "created_date": PD_DE,
            "close_date": PD_SAMPLE + U,
            "closed_date": PD_DE,
            "status": PD_DE,
            "modified_date": PD_DE,
        },
    ),
    _pipedrive_roster("de", "Benutzer - Name", "Benutzer - ID", "Benutzer - E-Mail", "Benutzer - Aktiv"),
    # ---------------------------------------------------------------- French
    _preset(
        "pipedrive",
        "activities",
        "fr",
        {
            "activity_id": ("Activité - ID",),
            "rep": ("Activité - Attribuée à l'utilisateur",),
            "date": ("Activité - Date d'échéance",),
            "time": ("Activité - Heure d'échéance",),
            "type": ("Activité - Type",),
            "subject": ("Activité - Sujet",),
            "duration": ("Activité - Durée",),
            "account": ("Activité - Organisation", "Organisation - Nom"),
        },
        {
            f: PD_SAMPLE + "; " + PD_FR + " (Affaire - ... naming)" + U
            for f in ("activity_id", "rep", "date", "time", "type", "subject", "duration", "account")
        },
        {"Activité - Durée": "minutes"},
    ),
    _preset(
        "pipedrive",
        "opportunities",
        "fr",
        {
            "opportunity_id": ("Affaire - ID",),
            "opportunity_name": ("Affaire - Titre",),
            "owner": ("Affaire - Propriétaire",),
            "account": ("Affaire - Organisation",),
            "stage": ("Affaire - Étape",),
            "amount": ("Affaire - Valeur",),
            "currency": ("Affaire - Devise",),
            "created_date": ("Affaire - Affaire créée",),
            "close_date": ("Affaire - Date de clôture prévue",),
            "closed_date": (
                "Affaire - Date de gain",
                "Affaire - Date de perte",
                "Affaire - Heure de la conclusion",
                "Affaire - Heure de l'échec",
            ),
            "status": ("Affaire - Statut",),
        },
        {
            "opportunity_id": PD_FR,
            "opportunity_name": PD_FR,
            "owner": PD_FR,
            "account": PD_FR,
            "stage": PD_FR,
            "amount": PD_FR,
            "currency": PD_SAMPLE + U,
            "created_date": PD_FR,
            "close_date": PD_FR,
            "closed_date": PD_FR,
            "status": PD_FR,
        },
    ),
    _pipedrive_roster(
        "fr", "Utilisateur - Nom", "Utilisateur - ID", "Utilisateur - E-mail", "Utilisateur - Actif"
    ),
    # ---------------------------------------------------------------- Portuguese (Brazil)
    _preset(
        "pipedrive",
        "activities",
        "pt",
        {
            "activity_id": ("Atividade - ID",),
            "rep": ("Atividade - Usuário responsável", "Atividade - Atribuído ao usuário"),
            "date": ("Atividade - Data de vencimento", "Atividade - Data e hora de início"),
            "time": ("Atividade - Hora de início",),
            "type": ("Atividade - Tipo",),
            "subject": ("Atividade - Assunto",),
            "duration": ("Atividade - Duração",),
            "account": ("Atividade - Organização", "Organização - Nome"),
        },
        {
            "activity_id": PD_SAMPLE + U,
            "rep": PD_PT + " (Usuário responsável); Atribuído ao usuário" + U,
            "date": PD_PT,
            "time": PD_PT,
            "type": PD_PT,
            "subject": PD_PT,
            "duration": PD_SAMPLE + U,
            "account": PD_PT + " (Organização - Nome)",
        },
        {"Atividade - Duração": "minutes"},
    ),
    _preset(
        "pipedrive",
        "opportunities",
        "pt",
        {
            "opportunity_id": ("Negócio - ID",),
            "opportunity_name": ("Negócio - Título",),
            "owner": ("Negócio - Proprietário",),
            "account": ("Negócio - Organização", "Organização - Nome"),
            "stage": ("Negócio - Etapa",),
            "amount": ("Negócio - Valor", "Negócio - Valor do negócio"),
            "currency": ("Negócio - Moeda de Valor", "Negócio - Moeda"),
            "created_date": ("Negócio - Negócio criado em",),
            "close_date": ("Negócio - Data de fechamento esperada",),
            "closed_date": ("Negócio - Negócio fechado em", "Negócio - Ganho em", "Negócio - Data de perda"),
            "status": ("Negócio - Status",),
            "modified_date": ("Negócio - Atualizado em",),
            # "Fonte do Lead" is a common custom field; "Canal de origem" the default one.
            "lead_source": ("Negócio - Fonte do Lead", "Negócio - Canal de origem"),
        },
        {
            "opportunity_id": PD_PT,
            "opportunity_name": PD_PT,
            "owner": PD_PT,
            "account": PD_PT,
            "stage": PD_PT,
            "amount": PD_PT,
            "currency": PD_PT + " (Moeda de Valor)",
            "created_date": PD_PT,
            "close_date": PD_PT,
            "closed_date": PD_PT,
            "status": PD_PT,
            "modified_date": PD_PT,
            "lead_source": PD_PT + " (Fonte do Lead, custom); Canal de origem" + U,
        },
    ),
    _pipedrive_roster("pt", "Usuário - Nome", "Usuário - ID", "Usuário - E-mail", "Usuário - Ativo"),
)


# =========================================================================== Salesforce
# Report exports write the field labels of the exporting user's language.
def _sf_activities(
    lang: str, headers: dict[str, tuple[str, ...]], cites: dict[str, str], minutes: str, seconds: str
) -> Preset:
    return _preset("salesforce", "activities", lang, headers, cites, {minutes: "minutes", seconds: "seconds"})


SALESFORCE: tuple[Preset, ...] = (
    # ---------------------------------------------------------------- Spanish
    _sf_activities(
        "es",
        {
            "activity_id": ("Id. de actividad",),
            "rep": ("Asignado", "Asignado a"),
            "date": ("Fecha", "Fecha de vencimiento"),
            "type": ("Tipo",),
            "subtype": ("Subtipo de tarea", "Subtipo de evento"),
            "subject": ("Asunto",),
            "duration": ("Duración", "Duración de la llamada"),
            "outcome": ("Resultado de la llamada",),
            "account": ("Nombre de la cuenta", "Empresa/Cuenta"),
        },
        dict.fromkeys(
            ("activity_id", "rep", "date", "type", "subtype", "subject", "duration", "outcome", "account"),
            SF_FIELD_REF + U,
        ),
        "Duración",
        "Duración de la llamada",
    ),
    _preset(
        "salesforce",
        "opportunities",
        "es",
        {
            "opportunity_id": ("Id. de oportunidad",),
            "opportunity_name": ("Nombre de la oportunidad",),
            "owner": ("Propietario de oportunidad", "Propietario de la oportunidad"),
            "account": ("Nombre de la cuenta",),
            "stage": ("Etapa",),
            "amount": ("Importe",),
            "currency": ("Divisa de la oportunidad", "Divisa"),
            "created_date": ("Fecha de creación",),
            "close_date": ("Fecha de cierre",),
            "lead_source": ("Origen del candidato",),
            "modified_date": ("Última actividad", "Fecha de última modificación"),
        },
        dict.fromkeys(
            (
                "opportunity_id",
                "opportunity_name",
                "owner",
                "account",
                "stage",
                "amount",
                "currency",
                "created_date",
                "close_date",
                "lead_source",
                "modified_date",
            ),
            SF_FIELD_REF + U,
        ),
    ),
    _preset(
        "salesforce",
        "roster",
        "es",
        {
            "rep": ("Nombre completo",),
            "first_name": ("Nombre",),
            "last_name": ("Apellidos",),
            "user_id": ("Id. de usuario",),
            "email": ("Correo electrónico",),
            "team": ("Función", "Departamento", "División"),
            "manager": ("Responsable",),
            "active": ("Activo",),
        },
        dict.fromkeys(
            ("rep", "first_name", "last_name", "user_id", "email", "team", "manager", "active"),
            SF_FIELD_REF + " (User)" + U,
        ),
    ),
    # ---------------------------------------------------------------- German
    _sf_activities(
        "de",
        {
            "activity_id": ("Aktivitäts-ID",),
            "rep": ("Zugewiesen", "Zugewiesen an"),
            "date": ("Datum", "Fälligkeitsdatum"),
            "type": ("Typ",),
            "subtype": ("Aufgabenuntertyp", "Ereignisuntertyp"),
            "subject": ("Betreff",),
            "duration": ("Dauer", "Anrufdauer"),
            "outcome": ("Anrufergebnis",),
            "account": ("Accountname", "Firma/Account"),
        },
        {
            "activity_id": SF_FIELD_REF + U,
            "rep": SF_FIELD_REF + U,
            "date": SF_FIELD_REF + U,
            "type": SF_DE_MARKETO + " (Typ)",
            "subtype": SF_FIELD_REF + U,
            "subject": SF_DE_MARKETO + " (Aufgabe - Betreff)",
            "duration": SF_FIELD_REF + U,
            "outcome": SF_FIELD_REF + U,
            "account": SF_FIELD_REF + U,
        },
        "Dauer",
        "Anrufdauer",
    ),
    _preset(
        "salesforce",
        "opportunities",
        "de",
        {
            "opportunity_id": ("Opportunity-ID",),
            "opportunity_name": ("Opportunity-Name",),
            "owner": ("Opportunity-Inhaber",),
            "account": ("Accountname",),
            "stage": ("Phase",),
            "amount": ("Betrag",),
            "currency": ("Opportunity-Währung", "Währung"),
            "created_date": ("Erstelldatum",),
            "close_date": ("Schlusstermin",),
            "lead_source": ("Lead-Quelle",),
            "modified_date": ("Letzte Aktivität", "Datum der letzten Änderung"),
        },
        {
            "opportunity_id": SF_FIELD_REF + U,
            "opportunity_name": SF_DE_MARKETO,
            "owner": SF_DE,
            "account": SF_FIELD_REF + U,
            "stage": SF_DE,
            "amount": SF_FIELD_REF + U,
            "currency": SF_FIELD_REF + U,
            "created_date": SF_DE,
            "close_date": SF_DE,
            "lead_source": SF_DE_MARKETO,
            "modified_date": SF_DE + " (Letzte Aktivität); Datum der letzten Änderung" + U,
        },
    ),
    _preset(
        "salesforce",
        "roster",
        "de",
        {
            "rep": ("Vollständiger Name",),
            "first_name": ("Vorname",),
            "last_name": ("Nachname",),
            "user_id": ("Benutzer-ID",),
            "email": ("E-Mail",),
            "team": ("Rolle", "Abteilung", "Geschäftsbereich"),
            "manager": ("Manager",),
            "active": ("Aktiv",),
        },
        dict.fromkeys(
            ("rep", "first_name", "last_name", "user_id", "email", "team", "manager", "active"),
            SF_FIELD_REF + " (User)" + U,
        ),
    ),
    # ---------------------------------------------------------------- French
    _sf_activities(
        "fr",
        {
            "activity_id": ("ID d'activité",),
            "rep": ("Assigné", "Assigné à"),
            "date": ("Date", "Date d'échéance"),
            "type": ("Type",),
            "subtype": ("Sous-type de tâche", "Sous-type d'événement"),
            "subject": ("Objet",),
            "duration": ("Durée", "Durée de l'appel"),
            "outcome": ("Résultat de l'appel",),
            "account": ("Nom du compte", "Société/Compte"),
        },
        dict.fromkeys(
            ("activity_id", "rep", "date", "type", "subtype", "subject", "duration", "outcome", "account"),
            SF_FIELD_REF + U,
        ),
        "Durée",
        "Durée de l'appel",
    ),
    _preset(
        "salesforce",
        "opportunities",
        "fr",
        {
            "opportunity_id": ("ID de l'opportunité",),
            "opportunity_name": ("Nom de l'opportunité",),
            "owner": ("Propriétaire de l'opportunité",),
            "account": ("Nom du compte",),
            "stage": ("Étape",),
            "amount": ("Montant",),
            "currency": ("Devise de l'opportunité",),
            "created_date": ("Date de création",),
            "close_date": ("Date de clôture",),
            "lead_source": ("Origine de la piste",),
            "modified_date": ("Dernière activité", "Date de dernière modification"),
        },
        {
            "opportunity_id": SF_FIELD_REF + U,
            "opportunity_name": SF_FR_UI,
            "owner": SF_FR,
            "account": SF_FIELD_REF + U,
            "stage": SF_FR,
            "amount": SF_FIELD_REF + U,
            "currency": SF_FIELD_REF + U,
            "created_date": SF_FR,
            "close_date": SF_FR,
            "lead_source": SF_FIELD_REF + U,
            "modified_date": SF_FIELD_REF + U,
        },
    ),
    _preset(
        "salesforce",
        "roster",
        "fr",
        {
            "rep": ("Nom complet",),
            "first_name": ("Prénom",),
            "last_name": ("Nom",),
            "user_id": ("ID de l'utilisateur",),
            "email": ("E-mail", "Adresse e-mail"),
            "team": ("Rôle", "Service", "Division"),
            "manager": ("Responsable",),
            "active": ("Actif",),
        },
        dict.fromkeys(
            ("rep", "first_name", "last_name", "user_id", "email", "team", "manager", "active"),
            SF_FIELD_REF + " (User)" + U,
        ),
    ),
    # ---------------------------------------------------------------- Portuguese (Brazil)
    _sf_activities(
        "pt",
        {
            "activity_id": ("ID da atividade",),
            "rep": ("Atribuído", "Atribuído a"),
            "date": ("Data", "Data de vencimento"),
            "type": ("Tipo",),
            "subtype": ("Subtipo da tarefa", "Subtipo do evento"),
            "subject": ("Assunto",),
            "duration": ("Duração", "Duração da chamada"),
            "outcome": ("Resultado da chamada",),
            "account": ("Nome da conta", "Empresa/Conta"),
        },
        dict.fromkeys(
            ("activity_id", "rep", "date", "type", "subtype", "subject", "duration", "outcome", "account"),
            SF_FIELD_REF + U,
        ),
        "Duração",
        "Duração da chamada",
    ),
    _preset(
        "salesforce",
        "opportunities",
        "pt",
        {
            "opportunity_id": ("ID da oportunidade",),
            "opportunity_name": ("Nome da oportunidade",),
            "owner": ("Proprietário da oportunidade",),
            "account": ("Nome da conta",),
            "stage": ("Fase",),
            "amount": ("Valor",),
            "currency": ("Moeda da oportunidade",),
            "created_date": ("Data de criação",),
            "close_date": ("Data de fechamento",),
            "lead_source": ("Origem do lead",),
            "modified_date": ("Última atividade", "Data da última modificação"),
        },
        dict.fromkeys(
            (
                "opportunity_id",
                "opportunity_name",
                "owner",
                "account",
                "stage",
                "amount",
                "currency",
                "created_date",
                "close_date",
                "lead_source",
                "modified_date",
            ),
            SF_FIELD_REF + U,
        ),
    ),
    _preset(
        "salesforce",
        "roster",
        "pt",
        {
            "rep": ("Nome completo",),
            "first_name": ("Nome",),
            "last_name": ("Sobrenome",),
            "user_id": ("ID do usuário",),
            "email": ("Email",),
            "team": ("Função", "Departamento", "Divisão"),
            "manager": ("Gerente",),
            "active": ("Ativo",),
        },
        dict.fromkeys(
            ("rep", "first_name", "last_name", "user_id", "email", "team", "manager", "active"),
            SF_FIELD_REF + " (User)" + U,
        ),
    ),
)

PRESETS: tuple[Preset, ...] = HUBSPOT + PIPEDRIVE + SALESFORCE
