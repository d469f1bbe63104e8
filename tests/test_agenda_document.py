"""The agenda as a document: sections edited one at a time, commitments listed once with their
history, and the printable HTML."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest

from dashboard import coaching
from dashboard.agenda import carried, drafts, render, sections

WEEK = dt.date(2026, 11, 16)  # the sample company's latest week
REP = "Tomasz Nowak"
DOCUMENT = (
    "# One-on-one: Ana · week of Mon 16 Nov 2026\n\nTeam East · meeting Mon 23 Nov 2026\n\n"
    "## 1. Recognition\n- Two first meetings booked.\n\n"
    "## 2. Results against our expectations\n| expectation | this week |\n|---|---|\n| Calls | 26 |\n\n"
    "## 3. Last time's commitments\n- [open] Block Monday\n\n### Did the coaching work?\n- Calls moved.\n\n"
    "## 4. Focus areas\n```\n## not a heading inside a fence\n```\n"
    "## 7. Commitments\n- [ ] Next review: Mon 30 Nov 2026"
)


def test_split_names_each_section_and_join_gives_the_document_back():
    parts = sections.split(DOCUMENT)
    assert [p.title for p in parts] == [
        sections.HEADING,
        "Recognition",
        "Results against our expectations",
        "Last time's commitments",
        "Focus areas",
        "Commitments",
    ]
    assert parts[3].text.count("###") == 1  # a sub-heading stays in its section
    assert sections.join(parts) == DOCUMENT
    for body in ("", "no heading at all\n", "## Only\n", "## A\n## B\r\n- b\r\n", "\n\n## A\n"):
        assert sections.join(sections.split(body)) == body


def test_editing_one_section_leaves_the_others_byte_identical():
    before = sections.split(DOCUMENT)
    edited = sections.replace(DOCUMENT, 1, "## 1. Recognition\n- Two first meetings booked.\n- A new win")
    after = sections.split(edited)
    assert after[1].text == "## 1. Recognition\n- Two first meetings booked.\n- A new win\n"
    assert [p.text for i, p in enumerate(after) if i != 1] == [p.text for i, p in enumerate(before) if i != 1]
    last = len(before) - 1
    assert sections.replace(DOCUMENT, last, "## 7. Commitments\n- [ ] x").endswith("- [ ] x")
    with pytest.raises(IndexError, match="6 sections"):
        sections.replace(DOCUMENT, 6, "")


def test_working_copy_keeps_unsaved_edits_and_follows_an_untouched_draft():
    fresh = sections.working(None, "draft v1")
    assert not fresh.edited and sections.working(fresh, "draft v2").body == "draft v2"
    edited = sections.Working("draft v1", "draft v1 + edit")
    assert sections.working(edited, "draft v1") == edited  # a rerun never drops the edits ...
    assert sections.working(edited, "draft v2").body == "draft v1 + edit"  # ... nor a redrawn draft
    saved = sections.working(edited, "draft v1 + edit")  # saved: the saved text is the new base
    assert saved == sections.Working("draft v1 + edit", "draft v1 + edit") and not saved.edited


def test_a_commitment_carried_across_one_on_ones_is_listed_once_with_its_history(sample):
    text = "Block Monday 9-11 for calls"
    weeks = [WEEK - dt.timedelta(weeks=n) for n in (3, 2, 1)]
    first = coaching.add_commitment(sample, REP, weeks[0], text, weeks[1], "Denise")
    coaching.follow_up(sample, first, "not_yet", weeks[1], "Denise")
    second = coaching.add_commitment(sample, REP, weeks[1], f"{text}.", weeks[2], "Denise")
    coaching.follow_up(sample, second, "partly", weeks[2], "Denise")
    coaching.add_commitment(sample, REP, weeks[2], text, WEEK, "Denise")
    other = coaching.add_commitment(sample, REP, weeks[2], "Book two first meetings", WEEK, "Denise")

    (block, book) = carried.to_review(sample, REP, WEEK)
    assert block.made == tuple(weeks) and block.status == "open" and block.due == WEEK
    assert block.follow_ups == ((weeks[1], "not_yet"), (weeks[2], "partly"))
    assert book.ids == (other,) and book.again == ()
    body = drafts.current(sample, REP, WEEK).body
    assert body.count(text) == 1
    assert (
        f"- [open] {text} (agreed in the week of Mon 26 Oct 2026, again in the weeks of "
        "Mon 02 Nov 2026, Mon 09 Nov 2026; due Mon 16 Nov 2026; "
        "followed up: Mon 02 Nov 2026 not yet, Mon 09 Nov 2026 partly)"
    ) in body
    assert "- [open] Book two first meetings (agreed in the week of Mon 09 Nov 2026; due" in body


class _Outline(HTMLParser):
    """Tags, heading texts and list items of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[str] = []
        self.items: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._open.append(tag)
        if tag in ("h2", "li"):
            (self.headings if tag == "h2" else self.items).append("")

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data):
        if "h2" in self._open:
            self.headings[-1] += data
        elif "li" in self._open:
            self.items[-1] += data


def test_printable_html_is_a_styled_document_with_user_text_escaped(sample):
    body = drafts.current(sample, REP, WEEK).body
    note = "## 8. Notes\n- Rep said <script>alert('x')</script> & <b>more</b> ![logo](http://example.com/x.png)\n"
    page = render.html(body + "\n" + note, "Tomasz <i>Nowak</i>", WEEK)
    outline = _Outline()
    outline.feed(page)
    assert outline.headings[:4] == [
        "1. Recognition",
        "2. Results against our expectations",
        "3. Last time's commitments",
        "4. Focus areas",
    ]
    assert outline.headings[-1] == "8. Notes"
    assert {"h1", "section", "table", "th", "td", "ul", "li", "style"} <= set(outline.tags)
    assert not {"script", "img", "link", "pre", "iframe", "i", "b"} & set(outline.tags)
    assert "Rep said <script>alert('x')</script> & <b>more</b> !logo" in outline.items
    assert "&lt;script&gt;" in page and "&lt;i&gt;Nowak&lt;/i&gt;" in page
    assert any(i.startswith(f"{render.BOX} Next review: ") for i in outline.items)
    for rule in ("@media print", "@page", "break-inside: avoid", "break-after: page"):
        assert rule in page
    assert "http://" not in page.replace('href="http://example.com/x.png"', "")  # nothing loaded


def test_sections_left_alone_follow_a_redrawn_draft_while_edits_stay():
    old = "# T\n## 1. Recognition\n- a\n## 3. Last time's commitments\n- [open] x\n"
    new = old.replace("[open] x", "[done] x")
    mine = sections.edit(sections.working(None, old), 1, "## 1. Recognition\n- a\n- my note\n")
    kept = sections.working(mine, new)
    assert kept.body == "# T\n## 1. Recognition\n- a\n- my note\n## 3. Last time's commitments\n- [done] x\n"
    assert kept.base == new and kept.edited
    whole = sections.edit(kept, None, "# T\n## Something else\n")
    assert sections.working(whole, old).body == "# T\n## Something else\n"  # other sections: kept as is


def test_on_screen_headings_sit_under_the_pages_title():
    shown = render.on_screen(DOCUMENT)
    assert shown.startswith("### One-on-one: Ana") and "\n#### 1. Recognition\n" in shown
    assert "\n##### Did the coaching work?\n" in shown and "\n## not a heading inside a fence\n" in shown
    assert render.on_screen("###### deep\n") == "###### deep\n"
