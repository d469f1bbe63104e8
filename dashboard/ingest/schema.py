"""The canonical fields of each kind of file the product ingests.

This is the contract between detection (which header maps to which field),
staging (one VARCHAR column per field) and the per-kind SQL in `queries/`
(`ingest_clean_<kind>.sql` parses exactly these names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

FieldType = Literal["text", "number", "date", "duration", "bool"]
# What a column's values must look like to be taken for a field (see ingest.values).
ValueShape = Literal["any", "number", "date", "duration", "bool", "person", "email", "currency", "time"]


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    label: str = ""
    shape: ValueShape = "any"


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

    # A required field that other fields can stand in for, all together
    # (a roster's rep from first name + last name).
    stand_ins: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # A kind whose files hold its own columns only: one with a column it does not recognise is
    # another kind's file (a roster with start and end dates is not time off), never its rival.
    own_columns_only: bool = False

    def canonical(self, name: str) -> str:
        """A field's name in this kind, for a name of the same field in another kind
        ('rep' for a pipeline's 'owner', 'owner' for an activity's 'rep')."""
        if name in self.field_names:
            return name
        return next((f for f in ("rep", "owner") if name in ("rep", "owner") and f in self.field_names), name)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def missing(self, mapped: Iterable[str]) -> list[str]:
        """Required fields neither mapped nor stood in for by all of their stand-ins."""
        present = set(mapped)
        stand_ins = dict(self.stand_ins)
        return [
            f
            for f in self.required
            if f not in present and not (f in stand_ins and set(stand_ins[f]) <= present)
        ]


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "activities",
            "Activity log",
            (
                Field("activity_id", "text", label="Activity ID"),
                Field("rep", "text", required=True, label="Rep (owner / assigned to)", shape="person"),
                Field("date", "date", required=True, label="Date or date-time", shape="date"),
                Field("time", "text", label="Time (when separate from the date)", shape="time"),
                Field("type", "text", label="Activity type"),
                Field("subtype", "text", label="Activity subtype / meeting type"),
                Field("subject", "text", label="Subject / title"),
                Field("duration", "duration", label="Duration", shape="duration"),
                Field("outcome", "text", label="Outcome / result"),
                # a task's or activity's state: rows not done yet (ingest.task_status) are left out
                Field("status", "text", label="Status (completed / open)"),
                Field("account", "text", label="Account / company"),
                Field("first_meeting", "bool", label="First-meeting flag", shape="bool"),
                Field("target_account", "bool", label="Target-account flag", shape="bool"),
            ),
        ),
        Kind(
            "opportunities",
            "Pipeline / opportunity list",
            (
                Field("opportunity_id", "text", label="Opportunity ID"),
                Field("opportunity_name", "text", label="Opportunity name"),
                Field("owner", "text", required=True, label="Owner (rep)", shape="person"),
                Field("account", "text", label="Account / company"),
                Field("stage", "text", required=True, label="Stage"),
                Field("amount", "number", required=True, label="Amount (estimated)", shape="number"),
                Field("actual_amount", "number", label="Actual amount (won)", shape="number"),
                Field("currency", "text", label="Currency", shape="currency"),
                Field("created_date", "date", label="Created date", shape="date"),
                Field("close_date", "date", label="Close date (expected)", shape="date"),
                Field("closed_date", "date", label="Closed on (actual)", shape="date"),
                Field("status", "text", label="Status (open / won / lost)"),
                Field("is_won", "bool", label="Won (yes/no)", shape="bool"),
                Field("is_closed", "bool", label="Closed (yes/no)", shape="bool"),
                Field("active", "bool", label="Active (no: lost, archived)", shape="bool"),
                Field("lead_source", "text", label="Lead source"),
                Field("modified_date", "date", label="Last modified", shape="date"),
                Field("snapshot_date", "date", label="Snapshot date (as of)", shape="date"),
            ),
            # an export with a status column (open / won / lost) but no stage: the status is the stage
            stand_ins=(("stage", ("status",)),),
        ),
        Kind(
            "roster",
            "Team roster",
            (
                Field("rep", "text", required=True, label="Rep (full name)", shape="person"),
                Field("first_name", "text", label="First name"),
                Field("last_name", "text", label="Last name"),
                Field("user_id", "text", label="User ID (as activities and deals name the owner)"),
                Field("email", "text", label="Email", shape="email"),
                Field("team", "text", label="Team"),
                Field("manager", "text", label="Manager", shape="person"),
                Field("start_date", "date", label="Start date", shape="date"),
                Field("end_date", "date", label="End date", shape="date"),
                Field("active", "bool", label="Active", shape="bool"),
            ),
            stand_ins=(("rep", ("first_name", "last_name")),),
        ),
        Kind(
            "targets",
            "Targets (expectations)",
            (
                Field("metric", "text", required=True, label="Metric"),
                Field("value", "number", required=True, label="Target value", shape="number"),
                Field("period", "text", required=True, label="Period (day/week/month/quarter/year)"),
                Field("team", "text", label="Team (blank: everyone)"),
                Field("rep", "text", label="Rep (blank: team default)", shape="person"),
                Field("effective_from", "date", label="Effective from", shape="date"),
                Field("effective_to", "date", label="Effective to", shape="date"),
            ),
        ),
        Kind(
            "target_accounts",
            "Target accounts",
            (
                Field("account", "text", required=True, label="Account"),
                Field("rep", "text", label="Rep", shape="person"),
                Field("team", "text", label="Team"),
            ),
        ),
        Kind(
            "time_off",
            "Time off",
            (
                Field("rep", "text", required=True, label="Rep", shape="person"),
                Field("date_from", "date", required=True, label="From (first day)", shape="date"),
                Field("date_to", "date", required=True, label="To (last day)", shape="date"),
                Field("reason", "text", label="Reason"),
            ),
            own_columns_only=True,
        ),
    )
}
