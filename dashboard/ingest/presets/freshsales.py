"""freshsales: export headers (to be researched and cited)."""

from __future__ import annotations

from dashboard.ingest.presets.base import Preset

PRESETS: tuple[Preset, ...] = ()
