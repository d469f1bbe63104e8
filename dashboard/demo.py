"""The bundled sample company, loaded through the normal ingest path.

The default (52 weeks, seed 7) loads the committed files in `sample_data/`;
other weeks or seeds regenerate the exports with `sample_data/generator.py`
into a temporary folder first. Loading twice is harmless: the second time
every file is a duplicate.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from types import ModuleType

from dashboard import db
from dashboard.ingest import IngestOptions, IngestResult, ingest_file

SAMPLE_DIR = db.ROOT / "sample_data"
DEFAULT_WEEKS = 52
DEFAULT_SEED = 7
# Ingest order: who the reps are and what is expected first, then the activity.
SAMPLE_FILES = (
    "roster.csv",
    "targets.csv",
    "target_accounts.csv",
    "salesforce_activities.csv",
    "hubspot_activities.csv",
    "salesforce_opportunities.csv",
    "hubspot_deals.csv",
)


def generator() -> ModuleType:
    """The sample generator module (it lives beside the data, not in the package)."""
    spec = importlib.util.spec_from_file_location("sample_generator", SAMPLE_DIR / "generator.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(
    database: db.Database,
    weeks: int = DEFAULT_WEEKS,
    seed: int = DEFAULT_SEED,
    uploaded_by: str | None = "demo",
) -> list[IngestResult]:
    """Ingests the sample exports, one upload per file."""
    if (weeks, seed) == (DEFAULT_WEEKS, DEFAULT_SEED):
        return _ingest_all(database, [SAMPLE_DIR / name for name in SAMPLE_FILES], uploaded_by)
    with tempfile.TemporaryDirectory(prefix="sample-") as folder:
        paths = generator().generate(Path(folder), weeks=weeks, seed=seed)
        return _ingest_all(database, paths, uploaded_by)


def _ingest_all(database: db.Database, paths: list[Path], uploaded_by: str | None) -> list[IngestResult]:
    options = IngestOptions(uploaded_by=uploaded_by)
    return [ingest_file(database, path, options) for path in paths]
