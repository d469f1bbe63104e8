"""Saved mapping profiles: a header mapping the user confirmed once, reused after.

Keyed by the header row's signature, so next week's export with the same
columns loads without asking again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from dashboard import db
from dashboard.ingest.detect import Detection, signature


@dataclass(frozen=True)
class Profile:
    kind: str
    source: str
    mapping: dict[str, str]  # canonical field -> header text


def find(database: db.Database, headers: list[str]) -> Profile | None:
    """The saved profile for this header row, if the user confirmed one."""
    found = database.run("mapping_profile_find", signature=signature(headers))
    if found.empty:
        return None
    row = found.iloc[0]
    return Profile(row["kind"], row["source"], json.loads(row["mapping"]))


def signatures(database: db.Database) -> frozenset[str]:
    """Signatures of every saved header row (to recognise a header under a preamble)."""
    return frozenset(database.run("ingest_profile_signatures")["signature"])


def remember(database: db.Database, detection: Detection, by: str | None = None) -> None:
    """Saves the mapping a file was loaded with, for every later file with the same headers."""
    assert detection.kind is not None and detection.source is not None
    profile = Profile(detection.kind, detection.source, detection.mapping_by_header)
    save(database, detection.headers, profile, by=by)


def save(database: db.Database, headers: list[str], profile: Profile, by: str | None = None) -> None:
    """Remembers a confirmed mapping for every later file with the same headers (`by`: who said so)."""
    with database.transaction() as cur:
        db.execute(
            cur,
            "mapping_profile_save",
            signature=signature(headers),
            kind=profile.kind,
            source=profile.source,
            mapping=json.dumps(profile.mapping),
            headers=json.dumps(headers),
        )
        db.execute(cur, "change_log_add", what="mapping profile", upload_id=None, by=by)
