"""The canonical fields of each kind of file the product ingests.

This is the contract between detection (which header maps to which field),
staging (one VARCHAR column per field) and the per-kind SQL in `queries/`
(`ingest_clean_<kind>.sql` parses exactly these names).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldType = Literal["text", "number", "date", "duration", "bool"]


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    label: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    fields: tuple[Field, ...]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "activities",
            "Activity log",
            (
                Field("activity_id", "text", label="Activity ID"),
                Field("rep", "text", required=True, label="Rep (owner / assigned to)"),
                Field("date", "date", required=True, label="Date or date-time"),
                Field("time", "text", label="Time (when separate from the date)"),
                Field("type", "text", label="Activity type"),
                Field("subject", "text", label="Subject / title"),
                Field("duration", "duration", label="Duration"),
                Field("outcome", "text", label="Outcome / result"),
                Field("account", "text", label="Account / company"),
                Field("first_meeting", "bool", label="First-meeting flag"),
                Field("target_account", "bool", label="Target-account flag"),
            ),
        ),
        Kind(
            "opportunities",
            "Pipeline / opportunity list",
            (
                Field("opportunity_id", "text", label="Opportunity ID"),
                Field("opportunity_name", "text", label="Opportunity name"),
                Field("owner", "text", required=True, label="Owner (rep)"),
                Field("account", "text", label="Account / company"),
                Field("stage", "text", required=True, label="Stage"),
                Field("amount", "number", required=True, label="Amount"),
                Field("created_date", "date", label="Created date"),
                Field("close_date", "date", label="Close date"),
                Field("status", "text", label="Status (open / won / lost)"),
                Field("lead_source", "text", label="Lead source"),
                Field("snapshot_date", "date", label="Snapshot date (as of)"),
            ),
        ),
        Kind(
            "roster",
            "Team roster",
            (
                Field("rep", "text", required=True, label="Rep"),
                Field("email", "text", label="Email"),
                Field("team", "text", required=True, label="Team"),
                Field("manager", "text", label="Manager"),
                Field("start_date", "date", label="Start date"),
                Field("end_date", "date", label="End date"),
                Field("active", "bool", label="Active"),
            ),
        ),
        Kind(
            "targets",
            "Targets (expectations)",
            (
                Field("metric", "text", required=True, label="Metric"),
                Field("value", "number", required=True, label="Target value"),
                Field("period", "text", required=True, label="Period (day/week/month/quarter/year)"),
                Field("team", "text", label="Team (blank: everyone)"),
                Field("rep", "text", label="Rep (blank: team default)"),
                Field("effective_from", "date", label="Effective from"),
                Field("effective_to", "date", label="Effective to"),
            ),
        ),
        Kind(
            "target_accounts",
            "Target accounts",
            (
                Field("account", "text", required=True, label="Account"),
                Field("rep", "text", label="Rep"),
                Field("team", "text", label="Team"),
            ),
        ),
    )
}
