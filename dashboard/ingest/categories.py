"""The user's own activity categories: 'in our HubSpot, a task titled "Power hour" is prospecting'.

An assignment is a rule in `activity_category_rules` for one source (CRM), tried before
everyone's rules, and applied at once to the activities already stored from that source
(so this week's upload is right without loading it again). Remembered for later files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard import db, facts

CATEGORIES = ("call", "email", "meeting", "first_meeting", "prospecting", "other")
FIELDS = {"type": "Activity type", "subtype": "Subtype / meeting type", "subject": "Subject / title"}
MATCHES = ("is", "contains")
_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


class BadAssignment(ValueError):
    """An assignment the app cannot store (unknown field, category or empty text)."""


@dataclass(frozen=True)
class Assignment:
    source: str
    field: str  # type | subtype | subject
    text: str
    category: str
    match: str = "is"  # is: the whole value (any case); contains: anywhere in it

    @property
    def pattern(self) -> str:
        """The rule's regular expression (RE2, matched ignoring case)."""
        escaped = _SPECIAL.sub(r"\\\1", self.text.strip())
        return f"^{escaped}$" if self.match == "is" else escaped


def assign(database: db.Database, assignment: Assignment, by: str | None = None) -> int:
    """Stores the rule and recategorizes stored activities of that source; returns how many changed.
    `by`: who said so (`Viewer.by`), for the change log."""
    if (
        assignment.field not in FIELDS
        or assignment.category not in CATEGORIES
        or assignment.match not in MATCHES
    ):
        raise BadAssignment(
            f"cannot assign {assignment.field!r} to {assignment.category!r} ({assignment.match})"
        )
    if not assignment.text.strip():
        raise BadAssignment("say which value to assign")
    with database.transaction() as cur:
        params = {"source": assignment.source, "field": assignment.field, "pattern": assignment.pattern}
        db.execute(cur, "category_rule_forget", **params)
        db.execute(cur, "category_rule_add", category=assignment.category, **params)
        changed = db.execute(
            cur,
            "activities_recategorize",
            category=assignment.category,
            **params,
        ).fetchone()[0]
        if changed:
            facts.mark_source(cur, assignment.source)
            facts.refresh(cur)
        db.execute(cur, "change_log_add", what="activity category rule", upload_id=None, by=by)
    return int(changed)
