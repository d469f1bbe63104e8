"""An agenda's Markdown as sections the manager edits one at a time, and the unsaved working copy.

A section runs from one level-2 heading (`## 4. Focus areas`) to the next; the
text before the first is the heading section (title, team, dates). Sections keep
their text byte for byte, so joining them gives back the document, and editing
one leaves the others as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

HEADING = "Heading"  # the title of the text before the first section
_SECTION = re.compile(r"^## +(?:\d+\.\s*)?(.*?)\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")  # a code block opens or closes


@dataclass(frozen=True)
class Section:
    """One section: its title (without the number) and its full text, heading line included."""

    title: str
    text: str


def split(body: str) -> list[Section]:
    """The sections of `body`, in order; `join` of them gives `body` back."""
    sections: list[Section] = []
    title, lines, fenced = HEADING, [], False
    for line in body.splitlines(keepends=True):
        if FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _SECTION.match(line)
        if match and (lines or title != HEADING):
            sections.append(Section(title, "".join(lines)))
            lines = []
        if match:
            title = match.group(1) or "Untitled"
        lines.append(line)
    if lines or not sections:
        sections.append(Section(title, "".join(lines)))
    return sections


def join(sections: Sequence[Section]) -> str:
    """The document the sections make."""
    return "".join(s.text for s in sections)


def replace(body: str, index: int, text: str) -> str:
    """`body` with the `index`-th section's text replaced by `text`; the others unchanged.

    A section followed by another keeps a final line break, so the next heading stays a heading."""
    parts = split(body)
    if not 0 <= index < len(parts):
        raise IndexError(f"the agenda has {len(parts)} sections, not a section {index + 1}")
    if index < len(parts) - 1 and not text.endswith("\n"):
        text += "\n"
    parts[index] = Section(parts[index].title, text)
    return join(parts)


@dataclass(frozen=True)
class Working:
    """The agenda being edited: the text it started from (saved version or draft) and the edits."""

    base: str
    body: str

    @property
    def edited(self) -> bool:
        return self.body != self.base


def working(previous: Working | None, base: str) -> Working:
    """The working copy after a rerun whose agenda text is `base`: unsaved edits are kept; without
    edits (or once saved as `base`), the copy follows `base` (a draft redrawn from new data, say
    after a follow-up). With edits, the sections the manager left alone follow `base` when both
    have the same sections; the edited ones stay as edited."""
    if previous is None or not previous.edited or previous.body == base:
        return Working(base, base)
    if previous.base == base:
        return previous
    old, new, mine = split(previous.base), split(base), split(previous.body)
    if [s.title for s in old] != [s.title for s in new] or [s.title for s in mine] != [s.title for s in new]:
        return Working(base, previous.body)
    merged = [n if m.text == o.text else m for o, n, m in zip(old, new, mine, strict=True)]
    return Working(base, join(merged))


def edit(work: Working, index: int | None, text: str) -> Working:
    """The working copy with section `index` (None: the whole document) set to `text`."""
    return Working(work.base, text if index is None else replace(work.body, index, text))
