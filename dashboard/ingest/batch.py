"""What a batch of files tells the user once all of them are stored.

Each file is loaded on its own (`load.ingest_file`), and its notes are written in its own
transaction, before the next file of the batch is read. One note depends on the others: "no
first meetings recognized among these activities" for a calls export loaded with the meetings
export beside it (several files on the Upload page, `dashboard ingest calls.csv meetings.csv`).
`settle` reads the store after the whole batch and keeps such a note only where the file's
weeks still hold none.
"""

from __future__ import annotations

from collections.abc import Iterable

from dashboard import db
from dashboard.ingest.reports import empty_category_note, still_empty
from dashboard.ingest.result import IngestResult, summary


def settle(database: db.Database, results: Iterable[IngestResult]) -> None:
    """Drops, from each loaded activity file's notes, the empty-category notes that the store now
    answers (another file of the batch brought those activities for the same weeks)."""
    waiting = [r for r in results if r.status == "loaded" and r.empty_categories and r.upload_id is not None]
    if not waiting:
        return
    with database.cursor() as cur:
        for result in waiting:
            assert result.upload_id is not None
            remaining = still_empty(cur, result.upload_id, result.empty_categories)
            answered = [c for c in result.empty_categories if c not in remaining]
            if not answered:
                continue
            dropped = {empty_category_note(c, result.categories) for c in answered}
            result.notes = [n for n in result.notes if n not in dropped]
            result.empty_categories = remaining
            result.message = summary(result)
