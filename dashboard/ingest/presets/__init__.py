"""Header presets: the literal column names CRMs put in their exports, by CRM, kind and language.

Data only, one module per CRM (`salesforce`, `hubspot`, ...), each citing where its
spellings come from; `localized` holds the same CRMs' labels in other languages (Dynamics 365's
German ones in `localized_dynamics`, Zoho CRM's Spanish ones in `localized_zoho`) and
`generic` the snake_case presets and plain wordings (`SYNONYMS`) of any spreadsheet.
Registering a new CRM = a module with a `PRESETS` tuple, listed in `_MODULES`.
"""

from __future__ import annotations

from dashboard.ingest.presets import (
    close,
    copper,
    dynamics,
    freshsales,
    generic,
    hubspot,
    localized,
    localized_dynamics,
    localized_zoho,
    odoo,
    pipedrive,
    salesforce,
    zoho,
)
from dashboard.ingest.presets.base import (
    DAY_FIRST_LANGUAGES,
    DURATION_UNITS,
    LANGUAGES,
    Preset,
    normalise_header,
)

_MODULES = (
    salesforce,
    hubspot,
    pipedrive,
    dynamics,
    zoho,
    freshsales,
    close,
    copper,
    odoo,
    localized,
    localized_dynamics,
    localized_zoho,
    generic,
)

PRESETS: tuple[Preset, ...] = tuple(p for module in _MODULES for p in module.PRESETS)
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = generic.SYNONYMS
SOURCES: tuple[str, ...] = tuple(dict.fromkeys(p.source for p in PRESETS))  # the CRMs, in order


def presets_for(kind: str) -> tuple[Preset, ...]:
    """The presets registered for one kind, in registration order."""
    return tuple(p for p in PRESETS if p.kind == kind)


__all__ = [
    "DAY_FIRST_LANGUAGES",
    "DURATION_UNITS",
    "LANGUAGES",
    "PRESETS",
    "SOURCES",
    "SYNONYMS",
    "Preset",
    "normalise_header",
    "presets_for",
]
