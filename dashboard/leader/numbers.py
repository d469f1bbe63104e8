"""How the leader view writes numbers: shares as percentages, ratios as 'r : 1', counts with separators."""

from __future__ import annotations

import pandas as pd


def percent(value: float) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:.0%}"


def ratio(value: float) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:.1f} : 1"


def number(value: float) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
