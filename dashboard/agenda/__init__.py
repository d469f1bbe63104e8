"""One-on-one agendas: drafting (generator), tactics library, tone check and rendering."""

from dashboard.agenda.generator import Agenda, build
from dashboard.agenda.render import html, markdown

__all__ = ["Agenda", "build", "html", "markdown"]
