"""Reads the Team page's scorecard grid (HTML) back into cells, as a browser shows them."""

from __future__ import annotations

from html.parser import HTMLParser


class _Grid(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict]] = []
        self._cell: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = {"text": "", **{k: v or "" for k, v in attrs}}
        elif tag == "a" and self._cell is not None:
            self._cell.update({f"a_{k}": v or "" for k, v in attrs})

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(self._cell)
            self._cell = None


def read_grid(html: str) -> dict[str, dict[str, dict]]:
    """Per rep (the first column), per column heading: the cell (text, title, style, link …)."""
    parser = _Grid()
    parser.feed(html)
    head, *body = parser.rows
    names = [c["text"] for c in head]
    return {row[0]["text"]: dict(zip(names, row, strict=True)) for row in body}
