"""Link parameters: any value a hand-made or stale link holds gives a value and, if unused, a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.url_params import read_choice, read_week, read_weeks, shown

LATEST = dt.date(2026, 11, 16)
FIRST = dt.date(2025, 11, 17)
REPS = ["Ada Park", "Ben Ruiz"]


def test_absent_means_default_without_a_word() -> None:
    assert read_week("week", [], LATEST, latest=LATEST).problem is None
    assert read_week("week", [], LATEST, latest=LATEST).value == LATEST
    assert read_choice("rep", [], REPS, "Ada Park", instead="Ada Park", among="your reps").problem is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-11-16", LATEST),
        ("2026-11-18", LATEST),
        ("2026-11-22", LATEST),
        (" 2026-06-03 ", dt.date(2026, 6, 1)),
    ],
)
def test_a_date_is_the_monday_of_its_week(given: str, expected: dt.date) -> None:
    assert read_week("week", [given], LATEST, earliest=FIRST, latest=LATEST) == (
        read_week("week", [expected.isoformat()], LATEST)
    )
    assert read_week("week", [given], LATEST, earliest=FIRST, latest=LATEST).value == expected


@pytest.mark.parametrize(
    ("values", "says"),
    [
        (["banana"], "The link's week “banana” is not a date like 2026-03-02"),
        (["99999-01-01"], "The link's week “99999-01-01” is not a date"),
        (["2026-13-45"], "The link's week “2026-13-45” is not a date"),
        ([""], "The link's week is empty"),
        (["  "], "The link's week is empty"),
        (["2026-11-09", "2026-11-16"], "The link gives week 2 times (“2026-11-09”, “2026-11-16”)"),
        (["2026-11-23"], "The link's week “2026-11-23” is after the latest data (the week of 16 Nov 2026)"),
        (["9999-12-31"], "The link's week “9999-12-31” is after the latest data"),
        (["2025-11-16"], "The link's week “2025-11-16” is before the first data (the week of 17 Nov 2025)"),
        (["0001-01-01"], "The link's week “0001-01-01” is before the first data"),
    ],
)
def test_a_bad_week_falls_back_and_says_so(values: list[str], says: str) -> None:
    reading = read_week("week", values, LATEST, earliest=FIRST, latest=LATEST)
    assert reading.value == LATEST
    assert reading.problem is not None
    assert reading.problem.startswith(says)
    assert reading.problem.endswith("showing the week of 16 Nov 2026 instead.")


@pytest.mark.parametrize(
    ("values", "says"),
    [
        (["<script>alert(1)</script>"], "The link's rep “<script>alert(1)</script>” is not one of your reps"),
        ([""], "The link's rep is empty"),
        (["Ada Park", "Ben Ruiz"], "The link gives rep 2 times (“Ada Park”, “Ben Ruiz”)"),
        (["Nobody"], "The link's rep “Nobody” is not one of your reps"),
    ],
)
def test_an_unknown_rep_falls_back_and_says_so(values: list[str], says: str) -> None:
    reading = read_choice("rep", values, REPS, "Ada Park", instead="Ada Park", among="your reps")
    assert reading.value == "Ada Park"
    assert reading.problem is not None and reading.problem.startswith(says)
    assert reading.problem.endswith("showing Ada Park instead.")


def test_a_rep_is_matched_ignoring_case_and_spaces() -> None:
    reading = read_choice("rep", ["  ben RUIZ "], REPS, "Ada Park", instead="Ada Park", among="your reps")
    assert reading == (read_choice("rep", ["Ben Ruiz"], REPS, "Ada Park", instead="x", among="y"))
    assert reading.value == "Ben Ruiz" and reading.problem is None


def test_weeks_from_and_to() -> None:
    default = (dt.date(2026, 6, 1), LATEST)
    first, last, problems = read_weeks(["2026-07-01"], ["2026-08-05"], default, earliest=FIRST, latest=LATEST)
    assert (first, last, problems) == (dt.date(2026, 6, 29), dt.date(2026, 8, 3), [])
    first, last, problems = read_weeks(["2026-13-45"], [], default, earliest=FIRST, latest=LATEST)
    assert (first, last) == default
    assert problems == [
        "The link's from “2026-13-45” is not a date like 2026-03-02; showing the week of 01 Jun 2026 instead."
    ]
    first, last, problems = read_weeks(["2026-09-07"], ["2026-07-06"], default, earliest=FIRST, latest=LATEST)
    assert (first, last) == default
    assert problems == [
        "The link's weeks run backwards (from 07 Sep 2026 to 06 Jul 2026); "
        "showing the week of 01 Jun 2026 to the week of 16 Nov 2026 instead."
    ]


def test_a_long_or_multiline_value_is_quoted_short_and_flat() -> None:
    assert shown("a\nb\tc\x00d") == "a b c d"
    assert len(shown("x" * 10_000)) == 60
    assert shown("x" * 10_000).endswith("…")
