"""The line structure of a CSV's body, found in one streamed scan: line ends, empty lines
and line breaks inside quoted values, so that DuckDB numbers the records as a spreadsheet
would (the file is copied, mended, only when it must be).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HEAD_BYTES = 256 * 1024  # enough to find the header under any report preamble
MAX_LISTED_EMPTY_LINES = 32  # more empty lines than this: the file is copied with them filled


_NEWLINE = re.compile(rb"\r\n|\n|\r")
_TWO_LF = re.compile(rb"\n\n")
_EMPTY_LINE = re.compile(rb"(\r\n|\n|\r(?!\n))(?=\r\n|\n|\r)")  # a line end, then nothing


@dataclass
class Body:
    """What the scan of a CSV's body found (see even_lines)."""

    path: Path  # the file for DuckDB: the original, or a mended copy
    quoted_line_break: bool = False  # a quoted value spans lines
    empty_lines: list[int] = field(default_factory=list)  # body lines DuckDB will skip (0: the first)
    unclosed_quote: bool = False  # an odd number of quote characters: one is never closed


def even_lines(path: Path, header_lines: int, delimiter: str, workdir: Path) -> Body:
    """Makes DuckDB number the records as a spreadsheet would, copying the file only when needed.

    Two things DuckDB's reader gets wrong are mended, in one streamed pass:
    * mixed line ends (a `\n` header over `\r\n` rows, a stray `\r`) stop it
      ("state machine reached an invalid state"): every line end becomes `\n`;
    * it skips empty lines yet counts them in its reject line numbers, so the
      records after one would be numbered a row too low. A few empty lines in a file
      where no quoted value spans lines (each line a record) are listed, to be counted
      in like rejected lines (read.load_raw); else each empty body line gets one delimiter,
      a record of empty cells, numbered and then dropped. Lines inside a quoted value
      are left alone (an odd quote count so far).
    Files with neither (the usual case) are read once here and not copied.
    """
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
        ends = [m.start() for _, m in zip(range(header_lines), _NEWLINE.finditer(head), strict=False)]
        if not ends or len(ends) < header_lines:
            return Body(path)  # the header is the last line: no body
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
                quoted_break, odd_quotes = quoted_line_break(body, odd_quotes)
            # `in` first: a byte the piece lacks is found missing far quicker than counted
            body_quotes += body.count(b'"') if b'"' in body else 0
            piece_cr = body.count(b"\r") if b"\r" in body else 0
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
            return Body(path, quoted_break, unclosed_quote=unclosed)
        if not mixed and not quoted_break and len(empty) <= MAX_LISTED_EMPTY_LINES:
            by_cr = styles == {"cr"}
            return Body(path, False, [(c if by_cr else n) - 1 for n, c in empty], unclosed)
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
    return Body(target, quoted_break, unclosed_quote=unclosed)


def quoted_line_break(data: bytes, odd: bool) -> tuple[bool, bool]:
    """Whether `data` has a line end inside quotes, given whether an odd number of quotes
    came before it; and whether the count is odd after it. A line end is inside a quoted
    value exactly when the quotes before it are odd, in a file whose quotes all open or
    close values. A stray quote inside an unquoted value (`5" screen`) can fool the count;
    DuckDB then stops the parallel read, and read.load_raw reads the file again in order.
    """
    if b'"' not in data:
        return odd and (b"\n" in data or b"\r" in data), odd
    parts = data.split(b'"')
    inside = b"".join(parts[0::2] if odd else parts[1::2])
    return b"\n" in inside or b"\r" in inside, odd != (len(parts) % 2 == 0)


def _has_empty_line(data: bytes) -> bool:
    """A line end right after a line end (a two-byte search: far quicker than _EMPTY_LINE's scan;
    the compiled search for `\n\n`, the common test, quicker still than `in`)."""
    return _TWO_LF.search(data) is not None or (b"\r" in data and (b"\n\r" in data or b"\r\r" in data))


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
