"""Checks over the header presets: they must agree with the schema and stay unambiguous."""

from __future__ import annotations

from collections import defaultdict

import pytest

from dashboard.ingest.presets import (
    DURATION_UNITS,
    LANGUAGES,
    PRESETS,
    SYNONYMS,
    Preset,
    normalise_header,
    presets_for,
)
from dashboard.ingest.schema import KINDS

SOURCES = {
    "salesforce",
    "hubspot",
    "pipedrive",
    "dynamics",
    "zoho",
    "freshsales",
    "close",
    "copper",
    "odoo",
    "generic",
}


def _id(p: Preset) -> str:
    return f"{p.source}-{p.kind}-{p.lang}"


def _preset(source: str, kind: str, lang: str = "en") -> Preset:
    matches = [p for p in PRESETS if p.source == source and p.kind == kind and p.lang == lang]
    assert len(matches) == 1, f"expected exactly one {source}/{kind} preset, got {len(matches)}"
    return matches[0]


def _spellings(preset: Preset) -> dict[str, str]:
    """normalised spelling -> field, for one preset."""
    return {normalise_header(h): f for f, hs in preset.headers.items() for h in hs}


def test_normalise_header() -> None:
    assert normalise_header("  Deal - Expected   close_date ") == "deal expected close date"
    assert normalise_header("Activity assigned to") == normalise_header("ACTIVITY_ASSIGNED-TO")
    assert normalise_header("Company / Account") == "company account"
    assert normalise_header("Est. Revenue") == normalise_header("est revenue")
    assert normalise_header("Fecha de creación") == "fecha de creacion"
    assert normalise_header("Associated Companies") == normalise_header("Associated Company")
    assert normalise_header("Status") == "status"


@pytest.mark.parametrize("preset", PRESETS, ids=_id)
def test_preset_fields_exist_in_schema(preset: Preset) -> None:
    assert preset.source in SOURCES
    assert preset.lang in LANGUAGES
    assert preset.kind in KINDS
    unknown = set(preset.headers) - set(KINDS[preset.kind].field_names)
    assert not unknown, f"{preset.source}/{preset.kind}: unknown fields {unknown}"
    assert all(preset.headers.values()), "every listed field needs at least one spelling"


def test_one_preset_per_source_kind_and_language() -> None:
    keys = [(p.source, p.kind, p.lang) for p in PRESETS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("preset", PRESETS, ids=_id)
def test_every_field_cites_its_source(preset: Preset) -> None:
    uncited = [f for f in preset.headers if not preset.cites.get(f, "").strip()]
    assert not uncited, f"{_id(preset)}: no source cited for {uncited}"
    assert set(preset.cites) <= set(preset.headers), f"{_id(preset)}: cites for unlisted fields"


@pytest.mark.parametrize("preset", PRESETS, ids=_id)
def test_no_spelling_shared_between_fields(preset: Preset) -> None:
    seen: dict[str, str] = {}
    for f, spellings in preset.headers.items():
        for h in spellings:
            key = normalise_header(h)
            assert seen.setdefault(key, f) == f, (
                f"{preset.source}/{preset.kind}: {h!r} maps to both {seen[key]} and {f}"
            )
    # Each distinct wording is listed once.
    flat = [normalise_header(h) for hs in preset.headers.values() for h in hs]
    assert len(flat) == len(set(flat)), f"{preset.source}/{preset.kind}: duplicate spellings"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_spellings_agree_across_presets_and_synonyms(kind: str) -> None:
    """A normalised wording means the same field in every preset and synonym list of a kind."""
    meaning: dict[str, set[str]] = defaultdict(set)
    for preset in presets_for(kind):
        for key, f in _spellings(preset).items():
            meaning[key].add(f)
    for f, words in SYNONYMS[kind].items():
        for w in words:
            meaning[normalise_header(w)].add(f)
    clashes = {k: v for k, v in meaning.items() if len(v) > 1}
    assert not clashes, f"{kind}: ambiguous spellings {clashes}"


@pytest.mark.parametrize("preset", PRESETS, ids=_id)
def test_duration_units(preset: Preset) -> None:
    duration_fields = [f for f in preset.headers if KINDS[preset.kind].field(f).type == "duration"]
    listed = {normalise_header(h) for f in duration_fields for h in preset.headers[f]}
    for header, unit in preset.duration_units.items():
        assert unit in DURATION_UNITS, f"{header!r}: unknown unit {unit!r}"
        assert normalise_header(header) in listed, f"{header!r} is not a duration spelling"


def test_synonyms_reference_schema() -> None:
    assert set(SYNONYMS) == set(KINDS)
    for kind, fields in SYNONYMS.items():
        assert set(fields) <= set(KINDS[kind].field_names), kind
        for f, words in fields.items():
            norm = [normalise_header(w) for w in words]
            assert len(norm) == len(set(norm)), f"{kind}.{f}: duplicate synonyms"


def test_synonyms_avoid_known_traps() -> None:
    # Salesforce Task "Status" (Completed / Not Started) is not an outcome.
    assert "status" not in {normalise_header(w) for w in SYNONYMS["activities"]["outcome"]}
    # A plain "name" column is a rep in a roster (a user list) or a time-off sheet (an HR list, read as
    # one only when every column is a time-off field), and nowhere else.
    for kind, fields in SYNONYMS.items():
        for f in ("rep", "owner"):
            names = {normalise_header(w) for w in fields.get(f, ())}
            assert ("name" in names) == (kind in ("roster", "time_off") and f == "rep"), kind


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_generic_preset(kind: str) -> None:
    generic = _preset("generic", kind)
    # The generic preset spells every canonical field in snake_case.
    for f in KINDS[kind].field_names:
        if f == "duration":
            continue  # spelled with its unit: duration_minutes, ...
        assert f in generic.headers, f"generic/{kind} lacks {f}"


def test_generic_spellings_from_the_brief() -> None:
    act = _spellings(_preset("generic", "activities"))
    assert act[normalise_header("duration_minutes")] == "duration"
    assert _preset("generic", "activities").duration_units["duration_minutes"] == "minutes"
    opp = _spellings(_preset("generic", "opportunities"))
    assert opp["source"] == "lead_source"
    for word in ("owner", "status", "snapshot date", "opportunity name"):
        assert word in opp


MUST_HAVE: dict[tuple[str, str], dict[str, str]] = {
    ("salesforce", "activities"): {
        "Activity ID": "activity_id",
        "Assigned": "rep",
        "Date": "date",
        "Type": "type",
        "Subject": "subject",
        "Company / Account": "account",
        "Call Result": "outcome",
        "Duration": "duration",
        "Call Duration": "duration",
    },
    ("salesforce", "opportunities"): {
        "Opportunity ID": "opportunity_id",
        "Opportunity Owner": "owner",
        "Account Name": "account",
        "Opportunity Name": "opportunity_name",
        "Stage": "stage",
        "Amount": "amount",
        "Created Date": "created_date",
        "Close Date": "close_date",
        "Lead Source": "lead_source",
        "As of Date": "snapshot_date",
    },
    ("hubspot", "activities"): {
        "Record ID": "activity_id",
        "Activity type": "type",
        "Activity date": "date",
        "Activity assigned to": "rep",
        "Title": "subject",
        "Call duration": "duration",
        "Call outcome": "outcome",
        "Associated Company": "account",
    },
    ("hubspot", "opportunities"): {
        "Record ID": "opportunity_id",
        "Deal Name": "opportunity_name",
        "Deal Stage": "stage",
        "Amount": "amount",
        "Close Date": "close_date",
        "Create Date": "created_date",
        "Deal owner": "owner",
        "Associated Company": "account",
        "Original Traffic Source": "lead_source",
        "Snapshot Date": "snapshot_date",
    },
    ("pipedrive", "activities"): {
        "Activity - Subject": "subject",
        "Activity - Due date": "date",
        "Activity - Assigned to user": "rep",
    },
    ("pipedrive", "opportunities"): {
        "Deal - Title": "opportunity_name",
        "Deal - Owner": "owner",
        "Deal - Value": "amount",
        "Deal - Status": "status",
        "Deal - Deal created": "created_date",
        "Deal - Expected close date": "close_date",
    },
}


@pytest.mark.parametrize("key", sorted(MUST_HAVE), ids="-".join)
def test_must_have_spellings(key: tuple[str, str]) -> None:
    preset = _preset(*key)
    literal = {h: f for f, hs in preset.headers.items() for h in hs}
    for header, f in MUST_HAVE[key].items():
        assert literal.get(header) == f, f"{key}: {header!r} should map to {f}"


def test_duration_units_of_must_haves() -> None:
    sf = _preset("salesforce", "activities").duration_units
    assert sf["Duration"] == "minutes"
    assert sf["Call Duration"] == "seconds"
    assert _preset("hubspot", "activities").duration_units["Call duration"] == "milliseconds"


def test_salesforce_task_status_is_a_status_not_an_outcome() -> None:
    sf = _spellings(_preset("salesforce", "activities"))
    assert sf["status"] == "status"  # Completed / Not Started: open tasks are left out, not outcomes
