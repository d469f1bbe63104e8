"""Reads the table of an Excel workbook: the sheet and header row that look most like the
kind's table, each cell as text (python-calamine), handed to DuckDB as one Arrow table.
A sheet spanning more cells than an export can is refused before it is read.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from dashboard import db
from dashboard.ingest import read


def open_excel(path: Path, score_header: read.HeaderScore) -> read.Table:
    from python_calamine import CalamineError, CalamineWorkbook

    _check_sheet_extent(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, ValueError, OSError) as exc:
        raise read.UnreadableFile(f"this Excel file cannot be opened: {exc}") from exc
    best: tuple[tuple[int, int], str, int, list[str], list[list[str]]] | None = None
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        rows = [[_cell_text(c) for c in row] for row in sheet.to_python(skip_empty_area=False)]
        for index, row in enumerate(rows[: read.HEAD_RECORDS]):
            cells = [c.strip() for c in row]
            width = sum(1 for c in cells if c)
            if width < 2 and not read.one_known_header(cells, score_header):
                continue
            rank = (score_header(cells) - read.data_cells(cells), width)
            if best is None or rank > best[0]:
                best = (rank, name, index, cells, rows[index + 1 :])
    if best is None:
        raise read.UnreadableFile("no table found in any sheet of this workbook")
    _, name, index, cells, body = best
    while cells and not cells[-1]:
        cells.pop()
    return read.Table(
        file_format="xlsx",
        headers=cells,
        header_row=index + 1,
        excel_rows=body,
        sheet_name=name,
        sample=[row for row in body[: read.SAMPLE_ROWS * 2] if any(c.strip() for c in row)][
            : read.SAMPLE_ROWS
        ],
    )


_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,7})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_sheet_extent(path: Path) -> None:
    """Refuses a workbook a sheet of which spans more cells than an export can (one cell at
    XFD1048576 would make the reader allocate the whole range), before any sheet is read:
    the cell references of each worksheet are scanned, streamed, in bounded memory."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # not an xlsx (an .xls): the reader says what it can
    with archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            rows = columns = 0
            carry = b""
            with archive.open(name) as sheet:
                for block in iter(lambda: sheet.read(1 << 20), b""):
                    text = carry + block
                    for letters, row in _CELL_REF.findall(text):
                        columns = max(columns, _column_number(letters))
                        rows = max(rows, int(row))
                    for row in _ROW_REF.findall(text):
                        rows = max(rows, int(row))
                    carry = text[-200:]
            sheet_name = name.removeprefix("xl/worksheets/")
            if columns > read.MAX_COLUMNS:
                raise read.UnreadableFile(
                    f"{sheet_name} has cells in {columns:,} columns, more than any export has "
                    f"({read.MAX_COLUMNS:,} at most): is it the right file?"
                )
            if rows * max(columns, 1) > read.MAX_SHEET_CELLS:
                raise read.UnreadableFile(
                    f"{sheet_name} spans {rows:,} rows x {columns:,} columns, more than an export can "
                    f"hold: a cell far from the data? Copy the table into a new sheet and upload that"
                )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        seconds = int(value.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def load_rows(cur: duckdb.DuckDBPyConnection, table: read.Table, names: list[str]) -> None:
    width = len(names)
    first = table.header_row + 1
    kept = [(first + i, row) for i, row in enumerate(table.excel_rows) if any(c.strip() for c in row)]
    columns: dict[str, Iterable[object]] = {"_row": [n for n, _ in kept]}
    for j, name in enumerate(names):
        columns[name] = [(row[j] if j < len(row) and row[j] != "" else None) for _, row in kept]
    arrow = pa.table(
        {k: pa.array(v, type=pa.int64() if k == "_row" else pa.string()) for k, v in columns.items()}
    )
    cur.register("excel_rows", arrow)
    try:
        db.execute(cur, "ingest_raw_from_excel")
    finally:
        cur.unregister("excel_rows")
    if width == 0:
        raise read.UnreadableFile("the header row has no columns")
