"""Small helpers the leader modules share for reading frames: dates, managers, shares, team scope."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from dashboard.access import teams_param
from dashboard.leader.measures import NO_MANAGER


def teams_scope(teams: Sequence[str] | None) -> list[str] | None:
    return teams_param(teams)


def dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def is_date(value: object) -> bool:
    """A real date (not None, NaN or NaT)."""
    return isinstance(value, dt.date) and not pd.isna(value)


def share(part: float, whole: float) -> float:
    return float(part) / float(whole) if whole else float("nan")


def managers(frame: pd.DataFrame) -> pd.DataFrame:
    if "manager" in frame:
        frame["manager"] = frame["manager"].fillna(NO_MANAGER)
    return frame
