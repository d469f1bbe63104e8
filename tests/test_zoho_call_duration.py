"""A Zoho CRM call's duration is minutes and seconds: 'Call Duration' 05:32 is 5 min 32 s.

Zoho writes a call's duration as 'MM:SS' text (and, in some exports, the same in seconds beside it,
'Call Duration (in seconds)'). Read as other CRMs' 'HH:MM', the 05:32 call was stored as 332 minutes,
60 times its length, and a week of calls as days of talk time. Loaded through the real ingest.
"""

from __future__ import annotations

import pytest

from dashboard.db import Database
from tests.one_week import load_files
from tests.stored import fetch

HEADER = "Record Id,Call Owner,Subject,Call Type,Call Start Time,{durations},Call Result\n"


def _stored_minutes(database: Database) -> dict[str, float]:
    rows = fetch(database, "SELECT subject, duration_minutes FROM activities")
    return {subject: round(minutes, 2) for subject, minutes in rows}


@pytest.mark.parametrize(
    ("durations", "cells"),
    [
        ("Call Duration", ("05:32", "00:45", "72:10")),
        ("Call Duration,Call Duration (in seconds)", ("05:32,332", "00:45,45", "72:10,4330")),
    ],
    ids=["mm:ss only", "mm:ss and seconds"],
)
def test_zoho_call_duration_is_minutes_and_seconds(database: Database, write, durations, cells) -> None:
    calls = HEADER.format(durations=durations) + "".join(
        f"zcrm_58061240000025001{i},Ben Ode,Call {i},Outbound,2026-11-1{7 + i} 09:30:00,{cell},Interested\n"
        for i, cell in enumerate(cells)
    )
    [result] = load_files(database, write, [("Calls.csv", calls)])
    assert (result.kind, result.source) == ("activities", "zoho")
    assert _stored_minutes(database) == {"Call 0": 5.53, "Call 1": 0.75, "Call 2": 72.17}
