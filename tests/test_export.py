"""Formula-like text from uploaded files reaches a spreadsheet as text: downloads and shown tables."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.export import neutralize, neutralized, restore, restored, safe_csv

LINK = '=HYPERLINK("http://x","click")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (LINK, "'" + LINK),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("Ada Park", "Ada Park"),
        ("", ""),
        # Text that is only a number is read as that number and runs nothing: shown as written.
        ("-5.0", "-5.0"),
        ("+3", "+3"),
        ("-12%", "-12%"),
        ("-1,250.50", "-1,250.50"),
        ("-1e5", "-1e5"),
        (-5, -5),
        (None, None),
    ],
)
def test_neutralize(value: object, expected: object) -> None:
    assert neutralize(value) == expected
    assert restore(neutralize(value)) == value


def test_neutralized_frame_keeps_numbers_and_dates() -> None:
    frame = pd.DataFrame(
        {
            "rep": ["Ada Park", LINK],
            "amount": [-1200.5, 300.0],
            "count": [-3, 4],
            "when": pd.to_datetime(["2026-11-16", "2026-11-17"]),
            "stage": pd.Categorical(["=open", "won"]),
            LINK: ["x", "y"],
        }
    )
    shown = neutralized(frame)
    assert shown["rep"].tolist() == ["Ada Park", "'" + LINK]
    assert shown["stage"].tolist() == ["'=open", "won"]
    assert shown.columns[-1] == "'" + LINK
    for column in ("amount", "count", "when"):
        assert shown[column].dtype == frame[column].dtype
        assert shown[column].tolist() == frame[column].tolist()
    assert frame["rep"].tolist() == ["Ada Park", LINK]  # the input is not changed
    back = restored(shown)
    assert back.columns.tolist() == frame.columns.tolist()
    assert back["rep"].tolist() == frame["rep"].tolist()


def test_safe_csv_opens_as_text() -> None:
    frame = pd.DataFrame({"rep": [LINK, "Ben"], "value": [-5, 7]})
    read = pd.read_csv(io.BytesIO(safe_csv(frame)), encoding="utf-8-sig")
    assert read["rep"].tolist() == ["'" + LINK, "Ben"]
    assert read["value"].tolist() == [-5, 7]
