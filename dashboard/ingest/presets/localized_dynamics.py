"""localized_dynamics: Microsoft Dynamics 365 Sales views exported in German.

A view exported to Excel writes each column's display name in the user's language; German
Excel saves it as CSV with semicolons, dates as dd.mm.yyyy HH:MM and money as "12.500,00 €".
The columns are the English preset's (dynamics.py), translated. Evidence (public material,
looked up with the project's search tool):

- learn.microsoft.com/de-de/previous-versions/dynamicscrm-2015/developers-guide/gg334362
  (Verkaufschancenentitäten): the opportunity is the "Verkaufschance"; one tracks "den
  geschätzte[n] Umsatz, das geschätz[t]e Abschlussdatum ... sowie der Phase", "den Namen des
  potenziellen Kunden", and activities "wie Telefonanrufe, E-Mail-Nachrichten und Aufgaben".
- learn.microsoft.com/de-de/dynamics365/sales/faq-forecasting: the German UI keeps the
  abbreviation "Est. Umsatz" for estimatedvalue ("wählen Sie dann Est. Umsatz im Feld
  Betrag"); "tatsächlichen Umsatz", "das tatsächliche Abschlussdatum", "Besitzer", and the
  closed states "Gewonnen" / "Verloren".
- learn.microsoft.com/de-de/power-apps/developer/data-platform/reference/entities/
  activitypointer: the activity table is "Aktivität" / "Aktivitäten".
- learn.microsoft.com/de-de/dynamics365/sales/accounts-contacts: an account is a "Firma".

The column display names below are Dynamics' German labels for the English preset's columns
(Topic, Potential Customer, Owner, Est. Revenue, Est. Close Date, Actual Close Date, Activity
Type, Regarding, Actual Start, Actual Duration, Full Name, Business Unit, Manager). Where no
public copy of the exact label was found the cite says "(unverified)", as in localized.py:
kept because the export is unreadable without it, to be confirmed with a real export.
"""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

LEGACY_DE = (
    "learn.microsoft.com/de-de/previous-versions/dynamicscrm-2015/developers-guide/gg334362 "
    "(Verkaufschance: geschätzter Umsatz, geschätztes Abschlussdatum, Phase, potenzieller Kunde)"
)
FORECAST_DE = (
    "learn.microsoft.com/de-de/dynamics365/sales/faq-forecasting (Est. Umsatz, tatsächlicher "
    "Umsatz, tatsächliches Abschlussdatum, Besitzer, Gewonnen / Verloren)"
)
ACTIVITY_DE = (
    "learn.microsoft.com/de-de/power-apps/developer/data-platform/reference/entities/activitypointer "
    "(Tabelle Aktivität); columns as dynamics.py ACTIVITIES (activitypointer, phonecall)"
)
USER_DE = "columns as dynamics.py ROSTER (systemuser: fullname, businessunitid, parentsystemuserid)"
U = " (unverified)"

ACTIVITIES = Preset(
    source="dynamics",
    kind="activities",
    lang="de",
    headers={
        "rep": ("Besitzer",),
        # actualstart, phone call "Due" (scheduledend), other activities' "Due Date", scheduledstart.
        "date": ("Tatsächlicher Beginn", "Fällig", "Fälligkeitsdatum", "Startdatum"),
        # Telefonanruf / Termin / E-Mail / Aufgabe
        "type": ("Aktivitätstyp",),
        "subject": ("Betreff",),
        # Whole minutes: "Dauer" on phone calls, "Tatsächliche Dauer" on every activity.
        "duration": ("Dauer", "Tatsächliche Dauer"),
        # regardingobjectid: the account, contact, lead or opportunity the activity is about.
        "account": ("Bezug",),
        # statecode: Offen / Abgeschlossen / Abgebrochen / Geplant; only completed ones happened.
        "status": ("Aktivitätsstatus",),
    },
    cites={
        "rep": FORECAST_DE + " (Besitzer)",
        "date": ACTIVITY_DE + U,
        "type": ACTIVITY_DE + U,
        "subject": ACTIVITY_DE + U,
        "duration": ACTIVITY_DE + U,
        "account": ACTIVITY_DE + " (regardingobjectid)" + U,
        "status": ACTIVITY_DE + " (statecode)" + U,
    },
    duration_units={"Dauer": "minutes", "Tatsächliche Dauer": "minutes"},
)

OPPORTUNITIES = Preset(
    source="dynamics",
    kind="opportunities",
    lang="de",
    headers={
        # No ID column in a view export, as in English: deals are keyed by topic + customer.
        "opportunity_name": ("Thema",),
        "owner": ("Besitzer",),
        "account": ("Potenzieller Kunde", "Firma"),
        # salesstage (Qualifizieren / Entwickeln / Vorschlagen / Schließen); stepname.
        "stage": ("Verkaufsphase", "Pipelinephase"),
        # estimatedvalue. The column called just "Umsatz" (isrevenuesystemcalculated: "Vom
        # Benutzer angegeben" / "Vom System berechnet") is never the amount: its cells are words,
        # which the amount's value check refuses.
        "amount": ("Geschätzter Umsatz", "Gesch. Umsatz", "Est. Umsatz"),
        "actual_amount": ("Tatsächlicher Umsatz",),
        "currency": ("Währung",),
        "created_date": ("Erstellt am",),
        "close_date": ("Geschätztes Abschlussdatum", "Gesch. Abschlussdatum"),
        "closed_date": ("Tatsächliches Abschlussdatum", "Tatsächliches Enddatum"),
        # statecode: Offen / Gewonnen / Verloren.
        "status": ("Status",),
        "modified_date": ("Geändert am",),
    },
    cites={
        "opportunity_name": LEGACY_DE + "; Thema (topic)" + U,
        "owner": FORECAST_DE,
        "account": LEGACY_DE + " (potenzieller Kunde); learn.microsoft.com/de-de/dynamics365/sales/"
        "accounts-contacts (Firma)",
        "stage": LEGACY_DE + " (Phase); Verkaufsphase / Pipelinephase" + U,
        "amount": LEGACY_DE + " (geschätzter Umsatz); " + FORECAST_DE + " (Est. Umsatz); Gesch. Umsatz" + U,
        "actual_amount": FORECAST_DE + " (tatsächlicher Umsatz)",
        "currency": "dynamics.py (transactioncurrencyid 'Currency'): Währung" + U,
        "created_date": "dynamics.py (createdon 'Created On'): Erstellt am" + U,
        "close_date": LEGACY_DE + " (geschätztes Abschlussdatum); Gesch. Abschlussdatum" + U,
        "closed_date": FORECAST_DE + " (tatsächliches Abschlussdatum); Tatsächliches Enddatum" + U,
        "status": FORECAST_DE + " (Gewonnen / Verloren)",
        "modified_date": "dynamics.py (modifiedon 'Modified On'): Geändert am" + U,
    },
)

ROSTER = Preset(
    source="dynamics",
    kind="roster",
    lang="de",
    headers={
        "rep": ("Vollständiger Name",),
        "first_name": ("Vorname",),
        "last_name": ("Nachname",),
        "email": ("Primäre E-Mail",),
        "team": ("Unternehmenseinheit",),
        "manager": ("Vorgesetzter",),
        # "Benutzername" is the sign-in name, not the rep; "Status" (Aktiviert / Deaktiviert) is
        # isdisabled, read as yes / no (parse_bool), as in English.
        "active": ("Status",),
    },
    cites={
        "rep": USER_DE + ": Vollständiger Name" + U,
        "first_name": USER_DE + ": Vorname" + U,
        "last_name": USER_DE + ": Nachname" + U,
        "email": USER_DE + ": Primäre E-Mail" + U,
        "team": USER_DE + ": Unternehmenseinheit" + U,
        "manager": USER_DE + ": Vorgesetzter" + U,
        "active": USER_DE + " (isdisabled 'Status'): Status, Aktiviert / Deaktiviert" + U,
    },
)

PRESETS: tuple[Preset, ...] = (ACTIVITIES, OPPORTUNITIES, ROSTER)
