"""The jinja2 set-up every rendered document shares (agenda, digest): strict, whitespace-trimmed
templates from one folder, escaped for HTML, the `day` filter ('Mon 16 Nov 2026', '–' for none) and the
`listing` filter ('Calls, Win rate and Pipeline coverage')."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2


def day(value: object) -> str:
    """A date as a person reads it in a document: 'Mon 16 Nov 2026'; '–' where there is none."""
    return f"{value:%a %d %b %Y}" if isinstance(value, dt.date) else "–"


def listing(items: object) -> str:
    """Names as a sentence lists them: 'A', 'A and B', 'A, B and C'."""
    names = [str(item) for item in items]  # type: ignore[attr-defined]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def environment(
    folder: Path, autoescape: bool, filters: Mapping[str, Callable[[object], str]] = {}
) -> jinja2.Environment:
    """Templates from `folder` (escaped when `autoescape`), with `day`, `listing` and the given filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update({"day": day, "listing": listing, **filters})
    return env
