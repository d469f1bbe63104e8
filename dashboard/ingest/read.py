"""Opens an uploaded file and loads its table, as text, into a DuckDB temp table.

Owns everything about the file as bytes: CSV or Excel, encoding (UTF-8,
UTF-16, cp1252, with or without BOM), delimiter, and where the header row is
(formatted reports put a block of metadata above it). The body of a CSV is
read by DuckDB's `read_csv`, never row by row in Python; Excel cells come
from python-calamine and are handed over as one Arrow table.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from dashboard import db

HEAD_BYTES = 256 * 1024  # enough to find the header under any report preamble
HEAD_RECORDS = 60  # header must start within the first rows
DELIMITERS = (",", ";", "\t", "|")
MAX_REPORTED_LINE = 200
MAX_LISTED_EMPTY_LINES = 32  # more empty lines than this: the file is copied with them filled
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
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return _open_excel(path, score_header)
    encoding = _detect_encoding(head)
    if encoding == "utf-8" and head.isascii() and not _is_utf8(path):
        encoding = "cp1252"  # the first accented letter comes after the sample
    text_path = path if encoding == "utf-8" else _transcode(path, encoding, workdir)
    return _open_csv(text_path, encoding, score_header, workdir)


def load_raw(cur: duckdb.DuckDBPyConnection, table: Table, names: list[str]) -> list[StructuralReject]:
    """Creates temp view or table `raw` (`_row`, `_footer`, one VARCHAR column per name; no blank rows).

    Call it outside a transaction: it must be able to retry a failed parallel read.
    """
    if table.file_format == "xlsx":
        _load_excel_rows(cur, table, names)
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
            if width < 2 and not _one_known_header(cells, score_header):
                continue
            following = [r for _, r in records[index + 1 : index + 6]]
            consistent = sum(1 for r in following if len(r) == len(record))
            rank = (score_header(cells) - _data_cells(cells), consistent, width)
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
    body = _even_lines(text_path, line_num, delimiter, workdir)
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


_NEWLINE = re.compile(rb"\r\n|\n|\r")
_EMPTY_LINE = re.compile(rb"(\r\n|\n|\r(?!\n))(?=\r\n|\n|\r)")  # a line end, then nothing


@dataclass
class _Body:
    """What the scan of a CSV's body found (see _even_lines)."""

    path: Path  # the file for DuckDB: the original, or a mended copy
    quoted_line_break: bool = False  # a quoted value spans lines
    empty_lines: list[int] = field(default_factory=list)  # body lines DuckDB will skip (0: the first)
    unclosed_quote: bool = False  # an odd number of quote characters: one is never closed


def _even_lines(path: Path, header_lines: int, delimiter: str, workdir: Path) -> _Body:
    """Makes DuckDB number the records as a spreadsheet would, copying the file only when needed.

    Two things DuckDB's reader gets wrong are mended, in one streamed pass:
    * mixed line ends (a `\n` header over `\r\n` rows, a stray `\r`) stop it
      ("state machine reached an invalid state"): every line end becomes `\n`;
    * it skips empty lines yet counts them in its reject line numbers, so the
      records after one would be numbered a row too low. A few empty lines in a file
      where no quoted value spans lines (each line a record) are listed, to be counted
      in like rejected lines (load_raw); else each empty body line gets one delimiter,
      a record of empty cells, numbered and then dropped. Lines inside a quoted value
      are left alone (an odd quote count so far).
    Files with neither (the usual case) are read once here and not copied.
    """
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
        ends = [m.start() for _, m in zip(range(header_lines), _NEWLINE.finditer(head), strict=False)]
        if not ends or len(ends) < header_lines:
            return _Body(path)  # the header is the last line: no body
        body_start = ends[-1]  # from the header's own line end, so a first empty line shows
        fh.seek(0)
        styles: set[str] = set()
        quoted_break = False  # a line end inside quotes, so far
        odd_quotes = False  # an odd number of quotes since the body start
        lf = cr = 0  # line ends (\n, \r) since the body start
        body_quotes = 0  # quote characters since the body start (odd: one is never closed)
        empty: list[tuple[int, int]] = []  # (\n, \r) counts up to each empty line's start
        offset = 0
        for piece in _pieces(fh):
            body = piece[max(0, body_start - offset) :] if offset < body_start else piece
            offset += len(piece)
            if not body:
                continue
            if not quoted_break:
                quoted_break, odd_quotes = _quoted_line_break(body, odd_quotes)
            body_quotes += body.count(b'"')
            piece_cr = body.count(b"\r")
            if piece_cr:
                crlf = body.count(b"\r\n")
                piece_lf = body.count(b"\n")
                styles |= {
                    n for n, c in (("crlf", crlf), ("cr", piece_cr - crlf), ("lf", piece_lf - crlf)) if c
                }
            else:
                piece_lf = body.count(b"\n")
                styles |= {"lf"} if piece_lf else set()
            if len(empty) <= MAX_LISTED_EMPTY_LINES and _has_empty_line(body):
                for match in _EMPTY_LINE.finditer(body):
                    end = match.end(1)
                    empty.append((lf + body.count(b"\n", 0, end), cr + body.count(b"\r", 0, end)))
            lf += piece_lf
            cr += piece_cr
        mixed = len(styles) > 1
        unclosed = body_quotes % 2 == 1
        if not mixed and not empty:
            return _Body(path, quoted_break, unclosed_quote=unclosed)
        if not mixed and not quoted_break and len(empty) <= MAX_LISTED_EMPTY_LINES:
            by_cr = styles == {"cr"}
            return _Body(path, False, [(c if by_cr else n) - 1 for n, c in empty], unclosed)
        target = workdir / (path.name + ".lines.csv")
        fill = delimiter.encode()
        quotes = 0
        with target.open("wb") as out:
            fh.seek(0)
            preamble = fh.read(body_start)
            out.write(_one_line_end(preamble) if mixed else preamble)
            for raw_piece in _pieces(fh):
                piece = _one_line_end(raw_piece) if mixed else raw_piece
                if not _has_empty_line(piece):
                    quotes += piece.count(b'"')
                    out.write(piece)
                    continue
                done = 0
                for match in _EMPTY_LINE.finditer(piece):
                    quotes += piece.count(b'"', done, match.end(1))
                    out.write(piece[done : match.end(1)])
                    if quotes % 2 == 0:
                        out.write(fill)
                    done = match.end(1)
                quotes += piece.count(b'"', done)
                out.write(piece[done:])
    return _Body(target, quoted_break, unclosed_quote=unclosed)


def _quoted_line_break(data: bytes, odd: bool) -> tuple[bool, bool]:
    """Whether `data` has a line end inside quotes, given whether an odd number of quotes
    came before it; and whether the count is odd after it. A line end is inside a quoted
    value exactly when the quotes before it are odd, in a file whose quotes all open or
    close values. A stray quote inside an unquoted value (`5" screen`) can fool the count;
    DuckDB then stops the parallel read, and load_raw reads the file again in order.
    """
    if b'"' not in data:
        return odd and (b"\n" in data or b"\r" in data), odd
    parts = data.split(b'"')
    inside = b"".join(parts[0::2] if odd else parts[1::2])
    return b"\n" in inside or b"\r" in inside, odd != (len(parts) % 2 == 0)


def _has_empty_line(data: bytes) -> bool:
    """A line end right after a line end (bytes.find: far quicker than a regex scan)."""
    return b"\n\n" in data or (b"\r" in data and (b"\n\r" in data or b"\r\r" in data))


def _one_line_end(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _pieces(fh: io.BufferedReader, size: int = 1 << 20) -> Iterable[bytes]:
    """The rest of a file in blocks that never split a run of line ends."""
    carry = b""
    for block in iter(lambda: fh.read(size), b""):
        block = carry + block
        kept = block.rstrip(b"\r\n")
        carry = block[len(kept) :]
        if kept:
            yield kept
    if carry:
        yield carry


# --- Excel ---------------------------------------------------------------


def _open_excel(path: Path, score_header: HeaderScore) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook

    _check_sheet_extent(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, ValueError, OSError) as exc:
        raise UnreadableFile(f"this Excel file cannot be opened: {exc}") from exc
    best: tuple[tuple[int, int], str, int, list[str], list[list[str]]] | None = None
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        rows = [[_cell_text(c) for c in row] for row in sheet.to_python(skip_empty_area=False)]
        for index, row in enumerate(rows[:HEAD_RECORDS]):
            cells = [c.strip() for c in row]
            width = sum(1 for c in cells if c)
            if width < 2 and not _one_known_header(cells, score_header):
                continue
            rank = (score_header(cells) - _data_cells(cells), width)
            if best is None or rank > best[0]:
                best = (rank, name, index, cells, rows[index + 1 :])
    if best is None:
        raise UnreadableFile("no table found in any sheet of this workbook")
    _, name, index, cells, body = best
    while cells and not cells[-1]:
        cells.pop()
    return Table(
        file_format="xlsx",
        headers=cells,
        header_row=index + 1,
        excel_rows=body,
        sheet_name=name,
        sample=[row for row in body[: SAMPLE_ROWS * 2] if any(c.strip() for c in row)][:SAMPLE_ROWS],
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
            if columns > MAX_COLUMNS:
                raise UnreadableFile(
                    f"{sheet_name} has cells in {columns:,} columns, more than any export has "
                    f"({MAX_COLUMNS:,} at most): is it the right file?"
                )
            if rows * max(columns, 1) > MAX_SHEET_CELLS:
                raise UnreadableFile(
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


def _load_excel_rows(cur: duckdb.DuckDBPyConnection, table: Table, names: list[str]) -> None:
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
        raise UnreadableFile("the header row has no columns")


def _one_known_header(cells: list[str], score_header: HeaderScore) -> bool:
    """A one-column table's header ('Name' over a list of names): a single known spelling."""
    return len([c for c in cells if c]) == 1 and score_header(cells) > 0


def _data_cells(cells: list[str]) -> int:
    """Cells that are numbers or dates ('45', '2026-01-05', '$1,200'): never a header's."""
    return sum(1 for c in cells if any(ch.isdigit() for ch in c) and not any(ch.isalpha() for ch in c))


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""
