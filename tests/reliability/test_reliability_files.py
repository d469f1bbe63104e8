"""Hostile and broken files: each is refused or loaded with its problems named, in bounded time,
and a refused file leaves the store exactly as it was.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from dashboard.db import Database
from dashboard.ingest import ingest_file
from tests.reliability.conftest import activities_csv, assert_promises_hold
from tests.stored import table_contents

HEADER = "Activity ID,Assigned,Date,Type,Subject,Duration\n"


def csv(body: str, header: str = HEADER) -> Callable[[], bytes]:
    return lambda: (header + body).encode()


def xlsx_with_far_cell(cell: str) -> Callable[[], bytes]:
    def build() -> bytes:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Activity ID", "Assigned", "Date", "Type"])
        sheet.append(["A1", "Ada Park", "2026-03-02", "Call"])
        sheet[cell] = "x"
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    return build


def zip_of(name: str, content: bytes) -> Callable[[], bytes]:
    def build() -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(name, content)
        return out.getvalue()

    return build


@dataclass(frozen=True)
class FileCase:
    suffix: str
    content: Callable[[], bytes]
    status: str  # failed: store unchanged | loaded: the good rows, problems named
    says: str  # a fragment of the message or of one error


GOOD = "A1,Ada Park,2026-03-02,Call,Intro,10\n"
CASES = {
    "empty file": FileCase(".csv", lambda: b"", "failed", "empty"),
    "header only": FileCase(".csv", csv(""), "failed", "no data rows"),
    "random bytes": FileCase(".csv", lambda: bytes(range(256)) * 40, "failed", "binary data"),
    "a PNG renamed to .csv": FileCase(".csv", lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "failed", ""),
    "text renamed to .xlsx (read as the text it is)": FileCase(".xlsx", csv(GOOD), "loaded", ""),
    "zip without a workbook renamed to .xlsx": FileCase(".xlsx", zip_of("a.txt", b"hi"), "failed", ""),
    "sheet with a cell at XFD1048576": FileCase(".xlsx", xlsx_with_far_cell("XFD1048576"), "failed", "cell"),
    "sheet with a cell at GR200000": FileCase(".xlsx", xlsx_with_far_cell("GR200000"), "failed", "cell"),
    "5,000 columns": FileCase(
        ".csv", lambda: (",".join(f"c{i}" for i in range(5000)) + "\n1\n").encode(), "failed", "columns"
    ),
    "unbalanced quote in the last row": FileCase(
        ".csv", csv(GOOD + 'A2,Ada Park,2026-03-03,Call,"Open quote,10\n'), "loaded", "quote"
    ),
    "a duration of 99,999 hours": FileCase(
        ".csv", csv(GOOD + "A2,Ada Park,2026-03-03,Call,Long,5999940\n"), "loaded", "longer than a day"
    ),
    "an activity dated 2099": FileCase(
        ".csv", csv(GOOD + "A2,Ada Park,2099-03-03,Call,Later,10\n"), "loaded", "date after the upload"
    ),
    "a number with trailing text": FileCase(
        ".csv", csv(GOOD + "A2,Ada Park,2026-03-03,Call,X,12abc\n"), "loaded", "12abc"
    ),
    "a date that is not one": FileCase(
        ".csv", csv(GOOD + "A2,Ada Park,2026-02-30,Call,X,10\n"), "loaded", "2026-02-30"
    ),
    "a formula in a cell": FileCase(
        ".csv", csv(GOOD + 'A2,Ada Park,2026-03-03,Call,"=HYPERLINK(""http://x"",""y"")",10\n'), "loaded", ""
    ),
    "a NUL byte in a name": FileCase(
        ".csv", csv(GOOD + "A2,Ada\0 Park,2026-03-03,Call,X,10\n"), "failed", "binary data"
    ),
    "UTF-16 with a BOM": FileCase(".csv", lambda: (HEADER + GOOD).encode("utf-16"), "loaded", ""),
    "Windows-1252 accents": FileCase(
        ".csv", lambda: (HEADER + "A1,José Núñez,2026-03-02,Call,Intro,10\n").encode("cp1252"), "loaded", ""
    ),
    "a 50,000-character cell": FileCase(
        ".csv", csv(GOOD + f"A2,Ada Park,2026-03-03,Call,{'x' * 50000},10\n"), "loaded", ""
    ),
    "only blank lines under the header": FileCase(".csv", csv("\n\n\n,,,,,\n"), "failed", ""),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_file(case: str, tmp_path: Path, database: Database) -> None:
    assert ingest_file(database, activities_csv(tmp_path / "before.csv", 50)).status == "loaded"
    before = table_contents(database)
    spec = CASES[case]
    path = tmp_path / f"hostile{spec.suffix}"
    path.write_bytes(spec.content())
    result = ingest_file(database, path)
    assert result.status == spec.status, result.message
    said = " ".join([result.message, *(str(e) for e in result.errors)])
    assert spec.says.lower() in said.lower(), said
    assert path.name in result.message or result.file == path.name
    if spec.status == "failed":
        assert table_contents(database) == before  # nothing stored, nothing lost
    assert_promises_hold(database)
