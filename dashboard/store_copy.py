"""A whole company moved from one store to another: a DuckDB file into a DuckLake, or back.

`copy_store(source, target)` reads every table of the source in one snapshot
and writes it into the target in one transaction, in the target's writer turn:
the target ends up holding exactly what the source holds (its seeded rules
replaced by the source's), or, if anything fails, what it held before. The
target must hold no uploads yet, so nothing stored there is lost. Rows stream
across as Arrow record batches: a large company never sits in memory whole.
Both stores are migrated by this version of the app first, so their tables
and columns match; columns are matched by name.
"""

from __future__ import annotations

import re

from dashboard import db
from dashboard.db import Database, DatabaseError

BATCH_ROWS = 100_000
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


class CopyRefused(DatabaseError):
    """The target store already holds a company: nothing was copied."""


def copy_store(source: Database, target: Database) -> dict[str, int]:
    """Copies every table of `source` into `target` (which must hold no uploads); rows by table."""
    with target.writing():
        if target.records("store_upload_count")[0]["uploads"]:
            raise CopyRefused(
                f"{target.path.name} already holds uploads: export only into a new, empty store "
                "(nothing was copied)."
            )
        copied: dict[str, int] = {}
        with source.cursor() as reading, target.transaction() as writing:
            reading.execute("BEGIN TRANSACTION")  # one snapshot of the source throughout
            tables = [name for (name,) in db.execute(reading, "store_tables").fetchall()]
            for table in tables:
                if not _NAME.fullmatch(table):
                    raise DatabaseError(f"unexpected table name {table!r} in {source.path.name}")
                rows = reading.execute(f'SELECT * FROM "{table}"').to_arrow_reader(BATCH_ROWS)
                writing.execute(f'DELETE FROM "{table}"')  # seeded rules and migration records
                writing.register("incoming", rows)
                try:
                    writing.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM incoming')
                finally:
                    writing.unregister("incoming")
                copied[table] = int(writing.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0])
            reading.execute("COMMIT")
    return copied
