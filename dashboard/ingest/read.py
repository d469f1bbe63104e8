"""Opens an uploaded file and loads its table, as text, into a DuckDB temp table.

Owns everything about the file as bytes: CSV or Excel, encoding (UTF-8,
UTF-16, cp1252, with or without BOM), delimiter, and where the header row is
(formatted reports put a block of metadata above it). The body of a CSV is
read by DuckDB's `read_csv`, never row by row in Python (`lines` finds its line
structure first); a workbook is read by `excel`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dashboard import db
from dashboard.ingest.lines import HEAD_BYTES, even_lines

HEAD_RECORDS = 60  # header must start within the first rows
DELIMITERS = (",", ";", "\t", "|")
MAX_REPORTED_LINE = 200
MAX_COLUMNS = 1000  # a CRM export has tens of columns (a wide Salesforce report ~100)
MAX_SHEET_CELLS = 20_000_000  # rows x columns a sheet may span (Excel's 1M rows of 20 columns)
SAMPLE_ROWS = 200  # data rows handed to detection, to check that values fit the fields


class UnreadableFile(Exception):
    """The file cannot be read as a table; the message says why, for the user."""


@dataclass
class Table:
    """Where a file's table is and how to read it."""

    file_format: str  # csv | xlsx
    headers: list[str]  # header cells as written, in file order
    header_row: int  # spreadsheet row number of the header (1-based)
    encoding: str = "utf-8"
    delimiter: str = ","
    csv_path: Path | None = None  # UTF-8 text to hand to read_csv
    skip_lines: int = 0  # records (blank lines included) up to and including the header
    parallel: bool = False  # no quoted value spans lines: DuckDB may read the CSV in parallel
    empty_lines: list[int] = field(default_factory=list)  # body lines (0: first) DuckDB skips unseen
    unclosed_quote: bool = False  # a quote is never closed: DuckDB stops reading at it, silently
    excel_rows: list[list[str]] = field(default_factory=list)  # data rows as text
    sheet_name: str | None = None
    sample: list[list[str]] = field(default_factory=list)  # the first data rows, as text


@dataclass
class StructuralReject:
    row: int
    value: str
    reason: str


HeaderScore = Callable[[list[str]], int]


def open_table(path: Path, workdir: Path, score_header: HeaderScore) -> Table:
    """Finds the table in `path`; `score_header` rates a candidate header row."""
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    if not head.strip():
        raise UnreadableFile("the file is empty")
    if _is_workbook(head):
        from dashboard.ingest import excel  # it builds this module's Table

        return excel.open_excel(path, score_header)
    encoding = _detect_encoding(head)
    if encoding == "utf-8" and head.isascii() and not _is_utf8(path):
        encoding = "cp1252"  # the first accented letter comes after the sample
    text_path = path if encoding == "utf-8" else _transcode(path, encoding, workdir)
    return _open_csv(text_path, encoding, score_header, workdir)


def is_workbook(path: Path) -> bool:
    """True when the file starts as an Excel workbook does (xlsx or the older xls)."""
    with path.open("rb") as fh:
        return _is_workbook(fh.read(8))


def _is_workbook(head: bytes) -> bool:
    return head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def load_raw(cur: duckdb.DuckDBPyConnection, table: Table, names: list[str]) -> list[StructuralReject]:
    """Creates temp view or table `raw` (`_row`, `_footer`, one VARCHAR column per name; no blank rows).

    Call it outside a transaction: it must be able to retry a failed parallel read.
    """
    if table.file_format == "xlsx":
        from dashboard.ingest import excel

        excel.load_rows(cur, table, names)
        return []
    columns = dict.fromkeys(names, "VARCHAR")
    params = {
        "path": str(table.csv_path),
        "skip": table.skip_lines,
        "delim": table.delimiter,
        "columns": columns,
    }
    try:
        try:
            db.execute(cur, "ingest_read_csv", parallel=table.parallel, **params)
        except duckdb.Error:
            if not table.parallel:
                raise
            # DuckDB stops a parallel read that meets a line it cannot place; the
            # sequential reader has the last word (on a good file, or with the error).
            db.execute(cur, "ingest_read_csv", parallel=False, **params)
    except duckdb.InvalidInputException as exc:
        raise UnreadableFile(_first_line(str(exc))) from exc
    rejects = [
        (int(line), str(csv_line or ""), str(message or ""))
        for line, csv_line, message in db.execute(cur, "ingest_csv_rejects").fetchall()
    ]
    # DuckDB keeps good records in file order but skips the rejected ones and empty
    # lines, so good record k sits at record k plus the skipped ones before it.
    skipped = sorted([line - table.skip_lines - 1 for line, _, _ in rejects] + table.empty_lines)
    db.execute(
        cur,
        "ingest_raw_layout",
        first_data_row=table.header_row + 1,
        reject_shift=[r - i for i, r in enumerate(skipped)],
    )
    db.execute(cur, "ingest_raw_view")
    structural = [
        StructuralReject(
            row=table.header_row + 1 + (line - table.skip_lines - 1),
            # after a skipped empty line DuckDB's line starts with that line's end
            value=csv_line.lstrip("\r\n")[:MAX_REPORTED_LINE],
            reason=_first_line(message).lower() or "malformed line",
        )
        for line, csv_line, message in rejects
    ]
    if not table.parallel:  # a quoted value spans lines: did one take in whole rows?
        structural += _swallowed(cur, table, len(names))
    if table.unclosed_quote:
        structural += _cut_short(cur, table)
    return structural


def _cut_short(cur: duckdb.DuckDBPyConnection, table: Table) -> list[StructuralReject]:
    """A quote never closed: DuckDB reads up to the row that opens it and drops the rest of the
    file without a word. That row is taken out and reported, with the lines after it."""
    last = db.execute(cur, "ingest_last_record").fetchone()
    if last is None:
        return []
    rowid, cells = last
    row = dict(db.execute(cur, "ingest_raw_row_numbers", rowids=[rowid]).fetchall())[rowid]
    db.execute(cur, "ingest_drop_records", rowids=[rowid])
    return [
        StructuralReject(
            row=row,
            value=(cells or "").replace("\x1f", table.delimiter)[:MAX_REPORTED_LINE],
            reason="a quote opened on this row is never closed, so this row and every line after it "
            "were not read: close the quote (or remove it) and upload again",
        )
    ]


def _swallowed(cur: duckdb.DuckDBPyConnection, table: Table, width: int) -> list[StructuralReject]:
    """Rows whose cell took in whole following lines (an unclosed quote), taken out and reported."""
    if width < 2:
        return []
    delimiter = re.escape(table.delimiter)
    field = f"[^\\r\\n{delimiter}]*"
    # a line inside the cell with exactly a row's number of delimiters
    pattern = f"[\\r\\n]({field}{delimiter}){{{width - 1}}}{field}([\\r\\n]|$)"
    found = db.execute(cur, "ingest_swallowed_lines", pattern=pattern).fetchall()
    if not found:
        return []
    rowids = [r for r, _ in found]
    rows = dict(db.execute(cur, "ingest_raw_row_numbers", rowids=rowids).fetchall())
    db.execute(cur, "ingest_drop_records", rowids=rowids)
    return [
        StructuralReject(
            row=rows[rowid],
            value=cells.replace("\x1f", table.delimiter)[:MAX_REPORTED_LINE],
            reason=f"a quote opened on this row is not closed where the cell ends, so the {lines} line(s) "
            "after it were read into one cell: fix the quote (or remove it) and upload again",
        )
        for rowid, cells in found
        for lines in [cells.count("\n")]
    ]


# --- CSV -----------------------------------------------------------------


def _detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if b"\x00" in sample:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        if odd_nuls > len(sample) // 4 and even_nuls < len(sample) // 20:
            return "utf-16-le"
        if even_nuls > len(sample) // 4 and odd_nuls < len(sample) // 20:
            return "utf-16-be"
        raise UnreadableFile("this is not a CSV or Excel file (it contains binary data)")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            return "cp1252"
    return "utf-8"


def _is_utf8(path: Path) -> bool:
    """True when the whole file decodes as UTF-8 (checked in blocks, never held at once)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                if block.isascii() and not decoder.getstate()[0]:
                    continue  # ASCII is UTF-8, and no character was left open before it (a quick test)
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _transcode(path: Path, encoding: str, workdir: Path) -> Path:
    """Streams a non-UTF-8 file into a UTF-8 copy for DuckDB.

    cp1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); one of them
    becomes U+FFFD instead of failing the whole file. A UTF-16 file cut in the
    middle of a character still fails: it is not the file the user meant.
    """
    target = workdir / (path.name + ".utf8.csv")
    errors = "replace" if encoding == "cp1252" else "strict"
    try:
        with (
            path.open("r", encoding=encoding, errors=errors, newline="") as src,
            target.open("w", encoding="utf-8", newline="") as dst,
        ):
            shutil.copyfileobj(src, dst, 1 << 20)
    except (UnicodeDecodeError, UnicodeError) as exc:
        raise UnreadableFile(f"the text is not valid {encoding}: {exc.reason}") from exc
    return target


def _open_csv(text_path: Path, encoding: str, score_header: HeaderScore, workdir: Path) -> Table:
    with text_path.open("rb") as fh:
        raw_head = fh.read(HEAD_BYTES)
    head = raw_head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    if len(raw_head) == HEAD_BYTES:  # drop a last line that may be cut
        head = head[: head.rfind("\n") + 1] or head
    best: tuple[tuple[int, int, int], str, int, int, list[str]] | None = None
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
        records: list[tuple[int, list[str]]] = []
        try:
            for record in reader:
                records.append((reader.line_num, record))
                if len(records) >= HEAD_RECORDS:
                    break
        except csv.Error:
            continue
        for index, (line_num, record) in enumerate(records):
            cells = [c.strip() for c in record]
            width = sum(1 for c in cells if c)
            if width < 2 and not one_known_header(cells, score_header):
                continue
            following = [r for _, r in records[index + 1 : index + 6]]
            consistent = sum(1 for r in following if len(r) == len(record))
            rank = (score_header(cells) - data_cells(cells), consistent, width)
            if best is None or rank > best[0]:
                best = (rank, delimiter, index, line_num, cells)
    if best is None:
        raise UnreadableFile("no table found: no row of the file looks like a header")
    _, delimiter, index, line_num, cells = best
    if len(cells) > MAX_COLUMNS:
        raise UnreadableFile(
            f"the header row has {len(cells):,} columns, more than any export has ({MAX_COLUMNS:,} at most): "
            "is it the right file?"
        )
    body = even_lines(text_path, line_num, delimiter, workdir)
    return Table(
        sample=_sample(head, delimiter, index),
        file_format="csv",
        headers=cells,
        header_row=index + 1,
        encoding=encoding,
        delimiter=delimiter,
        csv_path=body.path,
        # DuckDB's `skip` counts records (a quoted multi-line header is one) and blank lines.
        skip_lines=index + 1,
        parallel=not body.quoted_line_break,
        empty_lines=body.empty_lines,
        unclosed_quote=body.unclosed_quote,
    )


def _sample(head: str, delimiter: str, header_index: int) -> list[list[str]]:
    """The first data rows under the header (from the head of the file), as text cells."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    try:
        for index, record in enumerate(reader):
            if index > header_index and any(c.strip() for c in record):
                rows.append(record)
                if len(rows) >= SAMPLE_ROWS:
                    break
    except csv.Error:
        pass  # a malformed line: the rows read so far are sample enough
    return rows


def one_known_header(cells: list[str], score_header: HeaderScore) -> bool:
    """A one-column table's header ('Name' over a list of names): a single known spelling."""
    return len([c for c in cells if c]) == 1 and score_header(cells) > 0


def data_cells(cells: list[str]) -> int:
    """Cells that are numbers or dates ('45', '2026-01-05', '$1,200'): never a header's."""
    return sum(1 for c in cells if any(ch.isdigit() for ch in c) and not any(ch.isalpha() for ch in c))


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""
