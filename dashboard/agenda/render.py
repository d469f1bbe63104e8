"""Renders an agenda as Markdown (editable, the stored form) or as a printable HTML document."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from dashboard import templating
from dashboard.agenda import sections
from dashboard.agenda.generator import Agenda
from dashboard.coaching import FOLLOW_UP_LABELS

TEMPLATES = Path(__file__).resolve().parent / "templates"
BOX = "☐"  # an open item ("- [ ] …") on paper
_OPEN_ITEM = re.compile(r"<li>(\s*<p>)?\[ \] ")
_HEADING = re.compile(r"^(#{1,6}) ")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    return templating.environment(TEMPLATES, autoescape, {"status": lambda s: FOLLOW_UP_LABELS.get(s, s)})


@cache
def _parser() -> MarkdownIt:
    """CommonMark with tables; raw HTML in the text is shown as text, and images (which would
    load from elsewhere) are left as their words."""
    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def markdown(agenda: Agenda) -> str:
    """The agenda as Markdown."""
    return _environment(False).get_template("agenda.md.j2").render(a=agenda)


def on_screen(body_markdown: str, levels: int = 2) -> str:
    """The agenda's Markdown for reading inside a page: headings `levels` smaller (the page has its
    own title), up to level 6; code blocks left as they are."""
    lines, fenced = [], False
    for line in body_markdown.splitlines(keepends=True):
        if sections.FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            line = "#" * min(6, len(heading.group(1)) + levels) + line[len(heading.group(1)) :]
        lines.append(line)
    return "".join(lines)


def section_html(text: str) -> Markup:
    """One section's Markdown as HTML; whatever the manager typed is escaped, never markup."""
    rendered = _OPEN_ITEM.sub(lambda m: f'<li class="box">{m.group(1) or ""}{BOX} ', _parser().render(text))
    return Markup(rendered)


def html(body_markdown: str, rep: str, week: dt.date) -> str:
    """A printable HTML document of an agenda's Markdown: one <section> per agenda section,
    styled for screen and paper (one page per one-on-one where it fits); no scripts, nothing
    loaded from elsewhere."""
    parts = [(s.title, section_html(s.text)) for s in sections.split(body_markdown)]
    return _environment(True).get_template("agenda.html.j2").render(parts=parts, rep=rep, week=week)
