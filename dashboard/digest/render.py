"""Writes a Monday digest as Markdown (the terminal) or as HTML that reads well in an e-mail client.

The HTML has inline styles only, a plain table layout, no scripts and nothing
fetched from elsewhere; every text is escaped (names and commitments are user text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import jinja2

from dashboard import db, templating
from dashboard.digest import Digest, build

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("md", "html")


def _cell(value: object) -> str:
    """Text for a Markdown table cell: a pipe or a line break would split the row."""
    return " ".join(str(value).split()).replace("|", "\\|")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    return templating.environment(TEMPLATES, autoescape, {"cell": _cell})


def markdown(digest: Digest) -> str:
    """The digest as Markdown."""
    return _environment(False).get_template("digest.md.j2").render(d=digest)


def html(digest: Digest) -> str:
    """The digest as a self-contained HTML e-mail (inline styles, tables, no scripts)."""
    return _environment(True).get_template("digest.html.j2").render(d=digest)


def render(digest: Digest, output: str = "md") -> str:
    """The digest in one of `FORMATS`."""
    if output not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {output!r}")
    return html(digest) if output == "html" else markdown(digest)


def email(
    database: db.Database,
    week: dt.date | None = None,
    *,
    manager: str | None = None,
    teams: Sequence[str] | None = None,
) -> str:
    """The digest of `build` (same arguments) as e-mail HTML: the Team page's download."""
    return html(build(database, week, manager=manager, teams=teams))
