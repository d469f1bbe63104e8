"""An owner or assignee written with its e-mail is the rep of that e-mail, not a rep of its own.

A French HubSpot account's exports name some users 'François Dubois (francois.dubois@exemple.fr)'
(an owner column giving a user with their address, as a user picker shows them) and some
'François Dubois'. Loaded through the real ingest (a HubSpot users export, a calls export and a deals
export with their French labels, as `dashboard/ingest/presets/localized.py` lists them), both are the
roster's François, with his team, his calls and his deal; the e-mail decides when the name before it is
written otherwise; 'Name <e-mail>' reads the same; without a roster, the name before the e-mail is the
rep; an address of no roster entry is still named as off the roster.
"""

from __future__ import annotations

from dashboard import roster, team_view
from dashboard.db import Database
from tests.one_week import WEEK, load_files, week_by_rep

NNBSP = "\u202f"  # French number grouping, as HubSpot writes "12 500,00 €"

USERS = (
    "ID utilisateur,Prénom,Nom,E-mail,Équipe principale\n"
    "51234560,François,Dubois,francois.dubois@exemple.fr,Nord\n"
    "51234561,Élodie,Girard,elodie.girard@exemple.fr,Nord\n"
)
CALLS_HEADER = (
    "ID de fiche d'informations;Titre de l'appel;Date de l'activité;Activité attribuée à;"
    "Type d'appel et de réunion;Durée de l'appel;Résultat de l'appel;Entreprise associée\n"
)
DEALS_HEADER = (
    "ID de fiche d'informations;Nom de la transaction;Phase de la transaction;Pipeline;Montant;Devise;"
    "Date de fermeture;Propriétaire de la transaction;Date de création;Entreprise associée\n"
)


def _calls(*assignees: str) -> str:
    """One connected five-minute call per assignee, in WEEK."""
    return (
        "\ufeff"
        + CALLS_HEADER
        + "".join(
            f"7000{i};Appel {i};1{7 + i % 3}/11/2026 10:0{i % 10};{who};Suivi;00:05:00;Connecté;"
            "Garage Moreau\n"
            for i, who in enumerate(assignees)
        )
    )


def _deals(*owners: tuple[str, str, str]) -> str:
    """Deals (owner, amount as written, stage), created in WEEK, closing next month."""
    return (
        "\ufeff"
        + DEALS_HEADER
        + "".join(
            f"8000{i};Garage Moreau - Extension {i};{stage};Pipeline des ventes;{amount};EUR;"
            f"18/12/2026;{owner};17/11/2026 09:00;Garage Moreau\n"
            for i, (owner, amount, stage) in enumerate(owners)
        )
    )


CALLS = _calls(
    "François Dubois",
    "François Dubois (francois.dubois@exemple.fr)",
    "F. Dubois (Francois.Dubois@exemple.fr)",  # the name written otherwise: the e-mail decides
    "François Dubois <francois.dubois@exemple.fr>",
    "Élodie Girard",
)
DEALS = _deals(
    ("François Dubois (francois.dubois@exemple.fr)", f"120{NNBSP}000,00{NNBSP}€", "Rendez-vous planifié"),
    ("François Dubois", f"12{NNBSP}500,00{NNBSP}€", "Contrat envoyé"),
    ("Élodie Girard", f"8{NNBSP}900,00{NNBSP}€", "Fermé gagné"),
)


def _assert_one_francois(database: Database) -> None:
    reps = roster.list_reps(database)
    assert list(zip(reps["rep"], reps["team"], strict=True)) == [
        ("François Dubois", "Nord"),
        ("Élodie Girard", "Nord"),
    ]
    week = week_by_rep(database)
    assert set(week) == {"François Dubois", "Élodie Girard"}
    francois = week["François Dubois"]
    assert francois["team"] == "Nord"
    assert francois["calls"] == 4
    assert francois["open_pipeline"] == 132500
    assert francois["opportunities_over_100k"] == 1  # the €120k deal, owner written with his e-mail
    assert francois["open_deals"] == 2
    assert week["Élodie Girard"]["calls"] == 1
    table = team_view.team_overview(database, WEEK).table
    assert sorted(table["rep"]) == ["François Dubois", "Élodie Girard"]
    on_team = database.run("leader_rep_weeks", from_week=WEEK, to_week=WEEK, teams=None)
    assert sorted(on_team["rep"]) == ["François Dubois", "Élodie Girard"]


def test_an_owner_written_with_the_roster_email_is_that_rep(database: Database, write) -> None:
    results = load_files(
        database, write, [("utilisateurs.csv", USERS), ("appels.csv", CALLS), ("transactions.csv", DEALS)]
    )
    assert [r.kind for r in results] == ["roster", "activities", "opportunities"]
    assert not any("not on the roster" in note for r in results for note in r.notes)
    _assert_one_francois(database)


def test_a_roster_loaded_after_the_data_moves_the_facts_to_the_rep(database: Database, write) -> None:
    """Before the roster, 'François Dubois (…)' and 'François Dubois' are one rep under the name before
    the e-mail; the roster then gives him his team, his deal facts refreshed under the same name."""
    load_files(database, write, [("appels.csv", CALLS), ("transactions.csv", DEALS)])
    week = week_by_rep(database)
    assert set(week) == {"François Dubois", "F. Dubois", "Élodie Girard"}  # no roster: no e-mail to read
    assert (week["François Dubois"]["calls"], week["François Dubois"]["open_pipeline"]) == (3, 132500)
    load_files(database, write, [("utilisateurs.csv", USERS)])
    _assert_one_francois(database)


def test_an_email_of_no_roster_entry_is_named_off_the_roster(database: Database, write) -> None:
    calls = _calls(
        "Loïc Bernard (loic.bernard@exemple.fr)",
        "Loic Bernard (loic.bernard@exemple.fr)",
        "Élodie Girard (elodie.girard@exemple.fr)",
    )
    results = load_files(database, write, [("utilisateurs.csv", USERS), ("appels.csv", calls)])
    assert (
        "1 name in this file is not on the roster: Loïc Bernard (loic.bernard@exemple.fr) (2 rows)."
        in results[1].message
    )
    reps = roster.list_reps(database)
    assert list(zip(reps["rep"], reps["team"].fillna("–"), strict=True)) == [
        ("François Dubois", "Nord"),
        ("Élodie Girard", "Nord"),
        ("Loïc Bernard", "–"),
    ]
    assert {rep: row["calls"] for rep, row in week_by_rep(database).items() if row["calls"]} == {
        "Loïc Bernard": 2,
        "Élodie Girard": 1,
    }


def test_a_near_spelling_of_a_roster_name_is_named_in_the_note(database: Database, write) -> None:
    """'Maëlle Chevallier' (one letter doubled) is on no roster; the note asks whether she is the roster's
    Maëlle Chevalier, and names no one for a name like no roster name."""
    users = USERS + "51234569,Maëlle,Chevalier,maelle.chevalier@exemple.fr,Ouest\n"
    calls = _calls("Maëlle Chevallier", "Maelle Chevallier", "Maëlle Chevalier", "Paul Henry")
    results = load_files(database, write, [("utilisateurs.csv", users), ("appels.csv", calls)])
    assert (
        "2 names in this file are not on the roster: Maëlle Chevallier (2 rows, perhaps Maëlle Chevalier "
        "of the roster?), Paul Henry (1 row)." in results[1].message
    ), results[1].message
