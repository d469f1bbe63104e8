"""Who the reps are (team, manager) and which week the data reaches."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import db


def list_reps(database: db.Database) -> pd.DataFrame:
    """Roster reps, plus reps seen in the data without a roster entry (team unknown)."""
    return database.run("reps_list")


def latest_week(database: db.Database) -> dt.date | None:
    """Monday of the latest week with any data, or None for an empty database."""
    week = database.run("latest_week").iloc[0, 0]
    return None if pd.isna(week) else pd.Timestamp(week).date()
