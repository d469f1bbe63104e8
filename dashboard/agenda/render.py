"""Renders an agenda as Markdown (editable, the stored form) or printable HTML."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import jinja2

from dashboard import templating
from dashboard.agenda.generator import Agenda
from dashboard.coaching import FOLLOW_UP_LABELS

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    return templating.environment(TEMPLATES, autoescape, {"status": lambda s: FOLLOW_UP_LABELS.get(s, s)})


def markdown(agenda: Agenda) -> str:
    """The agenda as Markdown."""
    return _environment(False).get_template("agenda.md.j2").render(a=agenda)


def html(body_markdown: str, rep: str, week: dt.date) -> str:
    """A printable HTML page of an agenda's Markdown (escaped: user text is never markup)."""
    return _environment(True).get_template("agenda.html.j2").render(body=body_markdown, rep=rep, week=week)
