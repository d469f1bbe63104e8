"""How the rules write numbers in their evidence: a metric's label and values in its own unit."""

from __future__ import annotations

import numpy as np

from dashboard.metrics import BY_NAME


def label(metric: str) -> str:
    """The metric's label in lower case, as it reads inside a sentence."""
    return BY_NAME[metric].label.lower() if metric in BY_NAME else metric.replace("_", " ")


def fmt(metric: str, value: float | None) -> str:
    """One value in the metric's unit ("–" for none)."""
    if value is None or np.isnan(value):
        return "–"
    if metric in BY_NAME:
        unit = BY_NAME[metric].unit
        if unit == "count":
            return f"{value:,.1f}".removesuffix(".0")
        return BY_NAME[metric].format(value)
    return f"{value:,.1f}"


def series(metric: str, values: np.ndarray) -> str:
    """Values of consecutive weeks, oldest first."""
    return ", ".join(fmt(metric, v) for v in values)


SURE_Z = 4.0  # this far from the rep's usual (in their own expected swings): "very unlikely"


def how_unlikely(z: float) -> str:
    """How sure a rule is that a stretch is not ordinary, in plain words: 'very unlikely' or 'unlikely'."""
    return "very unlikely" if abs(z) >= SURE_Z else "unlikely"


def usual(metric: str, level: float) -> str:
    """The claim "usual level …", worded the same by every rule so a flag says it once."""
    return f"usual level {fmt(metric, level)}"
