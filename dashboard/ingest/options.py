"""What the user says about a file when loading it (kind, mapping, dates, stages): `IngestOptions`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class IngestOptions:
    kind: str | None = None  # force the kind (else detected)
    source: str | None = None  # force the source preset (else detected)
    mapping: dict[str, str] | None = None  # confirmed canonical field -> header ('A+B' joins two)
    partial_mapping: bool = False  # `mapping` names some fields only (--map): detect the rest
    snapshot_date: dt.date | None = None  # for pipeline files without their own date
    day_first: bool | None = None  # d/m/y dates (else decided from the file)
    display_name: str | None = None  # name to record (uploads arrive as temp files)
    known_metrics: tuple[str, ...] = ()  # target metric names accepted (empty: any)
    stage_statuses: dict[str, str] = field(default_factory=dict)  # stage -> won|lost|open, remembered
    upload_date: dt.date | None = None  # today unless told (tests): a file's dates after it are ignored
