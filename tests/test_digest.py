"""The Monday digest on the sample company: its content per manager, the leader edition, the two
formats, the `dashboard digest` command and the Team page's download."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import markupsafe
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard import coaching, digest, interventions
from dashboard.agenda import tone
from dashboard.cli import app
from dashboard.db import Database
from dashboard.digest import render
from dashboard.rules import TooNew, history

ROOT = Path(__file__).resolve().parent.parent
WEEK = dt.date(2026, 11, 16)  # the sample company's latest week
MANAGER = "Denise Okafor"  # Enterprise East
DUE_SOON = "Book two first meetings with <b>target</b> accounts"
DUE_EARLIER = "Block 90 minutes of prospecting every morning"
DONE = "Send the Q4 proposal to Globex"


@dataclass(frozen=True)
class Built:
    path: Path
    manager: digest.Digest
    leader: digest.Digest


@pytest.fixture(scope="module")
def built(sample_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The sample company with three commitments of Priya Raman and Jamal Washington's flag
    acknowledged, and both editions of the digest."""
    path = tmp_path_factory.mktemp("digest") / "sample.duckdb"
    shutil.copyfile(sample_template, path)
    database = Database(path)
    earlier = WEEK - dt.timedelta(weeks=3)
    coaching.add_commitment(database, "Priya Raman", WEEK, DUE_SOON, WEEK + dt.timedelta(days=9), MANAGER)
    coaching.add_commitment(
        database, "Priya Raman", earlier, DUE_EARLIER, earlier + dt.timedelta(days=7), MANAGER
    )
    done = coaching.add_commitment(database, "Priya Raman", earlier, DONE, WEEK, MANAGER)
    coaching.follow_up(database, done, "done", WEEK - dt.timedelta(weeks=1), MANAGER)
    interventions.acknowledge(database, "Jamal Washington", "Discussed in our 1:1", week=WEEK)
    yield Built(
        path,
        digest.build(database, WEEK, manager=MANAGER.lower()),
        digest.build(database, WEEK),
    )
    database.close()


def _section(found: digest.Digest, manager: str) -> digest.Section:
    return next(s for s in found.sections if s.manager == manager)


def _markdown_section(text: str, manager: str) -> str:
    """The Markdown from the manager's heading to the next manager's."""
    start = text.index(f"\n## {manager}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_a_flagged_rep_appears_under_their_manager_with_the_evidence(built: Built) -> None:
    section = _section(built.manager, MANAGER)
    assert section.teams == ("Enterprise East",)
    tomasz = next(s for s in section.support if s.rep == "Tomasz Nowak")
    assert tomasz.severity == "high"
    assert "Prospecting minutes 180 min, 90 min, 0 min, 270 min in the last 4 weeks" in " ".join(
        tomasz.evidence
    )
    text = _markdown_section(render.markdown(built.manager), MANAGER)
    assert "**Tomasz Nowak** (Enterprise East, high)" in text
    assert "Prospecting minutes 180 min, 90 min, 0 min, 270 min in the last 4 weeks" in text
    leader_text = render.markdown(built.leader)
    assert "Tomasz Nowak" not in _markdown_section(leader_text, "Grace Liu")  # only under his manager
    grace = _section(built.leader, "Grace Liu")
    assert "Jamal Washington" not in {s.rep for s in grace.support}  # discussed this week: resting
    assert grace.resting == ["Jamal Washington"]
    assert "Resting after a one-on-one: Jamal Washington" in _markdown_section(leader_text, "Grace Liu")
    assert [h.rep for h in grace.hygiene] == ["Brittany Morales"]  # a logging note, not a slump


def test_an_earlier_week_reads_that_week_s_flags(sample: Database) -> None:
    earlier = digest.build(sample, WEEK - dt.timedelta(days=5), manager=MANAGER)  # a day of the week before
    assert earlier.week == dt.date(2026, 11, 9)
    assert "Tomasz Nowak" in {s.rep for s in earlier.sections[0].support}


def test_recognition_comes_first_and_names_who_met_every_expectation(built: Built) -> None:
    section = _section(built.manager, MANAGER)
    sofia = next(r for r in section.recognition if r.rep == "Sofia Alvarez")
    assert sofia.all_met and sofia.judged == 5  # weekly expectations; the year count is a pace
    assert sofia.on_pace == ("Opportunities over $100k",)
    text = render.markdown(built.manager)
    assert "- Sofia Alvarez: met every weekly expectation this week (5); on pace for Opportunities" in text
    # what was met, never a count of what was missed (that is the next section's job)
    assert "- Priya Raman: met Prospecting minutes, Calls, First meetings and Win rate this week;" in text
    assert "- Marcus Bennett: met Pipeline coverage and Win rate this week; on pace for Opportunities" in text
    assert text.index("### Recognition") < text.index("### May need support early")
    assert tone.check(text) == []
    assert tone.check(render.markdown(built.leader)) == []


def test_recognition_adds_up_to_the_leader_headline(built: Built) -> None:
    """Met weekly expectations counted per rep sum to the leader edition's 'expectations met' count."""
    headline = next(k for k in built.leader.kpis if k.name == "expectations_met")
    met = sum(len(r.met) for s in built.leader.sections for r in s.recognition)
    assert headline.detail.startswith(f"{met} of ")


def test_expectations_under_and_since_when(built: Built) -> None:
    section = _section(built.manager, MANAGER)
    first_meetings = next(
        u for u in section.under if u.rep == "Tomasz Nowak" and u.expectation == "First meetings"
    )
    assert first_meetings.standing == "1 of 3 · ○ below since 2026-07-13 (19 wks)"  # the team page's cell
    assert first_meetings.since == dt.date(2026, 7, 13)
    assert (
        "| Tomasz Nowak | First meetings | 1 of 3 · ○ below since 2026-07-13 (19 wks) |"
        in render.markdown(built.manager)
    )
    assert not any(u.rep == "Sofia Alvarez" for u in section.under)


def test_commitments_due_and_one_on_ones_to_prepare(built: Built) -> None:
    section = _section(built.manager, MANAGER)
    assert [(c.rep, c.text, c.due_date) for c in section.due] == [
        ("Priya Raman", DUE_SOON, dt.date(2026, 11, 25))
    ]
    assert [(w.rep, w.count, w.since) for w in section.waiting] == [("Priya Raman", 1, dt.date(2026, 11, 2))]
    text = render.markdown(built.manager)
    assert f"- Priya Raman: {DUE_SOON} (due Wed 25 Nov 2026, agreed in the week of Mon 16 Nov 2026)" in text
    assert "- Priya Raman: 1 earlier commitment waiting for a follow-up (due since Mon 02 Nov 2026)" in text
    assert DONE not in text  # followed up: nothing to chase
    prepare = {p.rep: p.bring for p in section.prepare}
    assert len(prepare) == 8  # no agenda saved yet for the week
    assert "2 commitments to follow up" in prepare["Priya Raman"]
    assert "Sofia Alvarez" in prepare


def test_leader_edition_has_the_accountability_measures_and_every_manager(built: Built) -> None:
    assert built.leader.edition == "leader"
    assert [s.manager for s in built.leader.sections] == ["Denise Okafor", "Grace Liu", "Robert Fitzgerald"]
    text = render.markdown(built.leader)
    assert "## Accountability across the teams" in text
    assert re.search(r"\| Expectations met \| \d+% \| \d+ of \d+ this week \|", text)
    assert "| Denise Okafor | 8 |" in text  # the coaching rhythm per manager
    assert "## Accountability" not in render.markdown(built.manager)


def test_html_reads_in_an_email_client(built: Built) -> None:
    for found in (built.manager, built.leader):
        page = render.html(found)
        lowered = page.lower()
        for forbidden in ("<script", "<style", "<link", " class=", "src=", "http", "@import", "javascript:"):
            assert forbidden not in lowered, forbidden
        assert "<table" in page and 'style="' in page
        assert "Tomasz Nowak" in page
    page = render.html(built.manager)
    assert "&lt;b&gt;target&lt;/b&gt;" in page and "<b>target</b>" not in page  # user text escaped


def test_unknown_manager_names_the_known_ones(sample: Database) -> None:
    with pytest.raises(digest.UnknownManager, match="Denise Okafor, Grace Liu, Robert Fitzgerald"):
        digest.build(sample, WEEK, manager="Nobody Here")


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(
    ("output", "expected"),
    [("md", "# Monday digest for Denise Okafor"), ("html", "<!doctype html>")],
)
def test_cli_digest_both_formats(built: Built, output: str, expected: str) -> None:
    result = _invoke("--db", str(built.path), "digest", "--manager", MANAGER, "--format", output)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(expected)
    assert "Tomasz Nowak" in result.stdout
    assert "Monday digest for Denise Okafor, week of 2026-11-16" in result.stderr


def test_cli_digest_unknown_manager_and_week_without_data(built: Built) -> None:
    result = _invoke("--db", str(built.path), "digest", "--manager", "Nobody Here")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Managers: Denise Okafor, Grace Liu, Robert Fitzgerald" in result.stderr
    result = _invoke("--db", str(built.path), "digest", "--week", "2019-01-07")
    assert result.exit_code == 1
    assert "no data for the week of 07 Jan 2019" in result.stderr
    assert _invoke("--db", str(built.path), "digest", "--format", "pdf").exit_code == 2


def test_team_page_offers_the_digest_download(
    sample_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(sample_template, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.query_params.update(week="2026-11-16", team="Enterprise East")
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Team"
    buttons = {b.label: b for b in at.get("download_button")}
    assert "Download the Monday digest (HTML for e-mail)" in buttons


EARLY = dt.date(2025, 12, 22)  # the sample company's sixth week: every rep has 5 weeks of activity


def test_reps_too_new_to_judge_are_named_not_given_an_all_clear(sample: Database) -> None:
    """A week without flags whose reps the rules could not judge yet says so, with the sentence the
    Interventions page and `dashboard interventions` use, in both formats; no all-clear."""
    found = digest.build(sample, EARLY)
    text, page = render.markdown(found), render.html(found)
    assert "No one needs an early conversation this week." not in text + page
    for section in found.sections:
        assert not section.support and section.too_new
        assert all(t.weeks < t.needed for t in section.too_new)
        names = [t.rep for t in section.too_new]
        assert names == sorted(names, key=str.lower)  # alphabetical, as every list of the digest
        assert section.too_new_note == history.note(section.too_new)
        assert f"\n- No flags this week. {section.too_new_note}\n" in _markdown_section(text, section.manager)
        assert f"<li>No flags this week. {markupsafe.escape(section.too_new_note)}</li>" in page
    denise = _section(found, MANAGER)
    assert "Tomasz Nowak" in {t.rep for t in denise.too_new}
    assert "Jamal Washington" not in {t.rep for t in denise.too_new}  # Grace Liu's rep: her section
    assert tone.check(text) == []
    assert "Kevin O&#39;Brien (5 weeks)" in page  # escaped as every text of the HTML


def test_latest_week_keeps_its_text_and_adds_the_note_beside_flags(built: Built) -> None:
    """In the latest week only Chloe Dubois (9 weeks of activity) is too new: the sections without a
    rep too new read as before, and her manager's flags get the note as one more line."""
    text, page = render.markdown(built.leader), render.html(built.leader)
    judged = [s for s in built.leader.sections if not s.too_new]
    assert [s.manager for s in judged] == ["Denise Okafor", "Grace Liu"]
    for section in judged:
        assert "too few to judge" not in _markdown_section(text, section.manager)
    robert = _section(built.leader, "Robert Fitzgerald")
    assert [(t.rep, t.weeks) for t in robert.too_new] == [("Chloe Dubois", 9)]
    assert robert.support  # flags and the note together
    note = (
        "1 rep has under 16 weeks of activity history, too few to judge a slide against their usual level yet"
    )
    assert robert.too_new_note == f"{note}: Chloe Dubois (9 weeks)."
    part = _markdown_section(text, "Robert Fitzgerald")
    assert f"\n- {robert.too_new_note}\n" in part and "No flags this week" not in part
    assert part.index("**Tyler Nguyen**") < part.index(note) < part.index("### Under an expectation")
    assert f"<li>{robert.too_new_note}</li>" in page
    assert "too few to judge" not in render.markdown(built.manager)  # Denise Okafor's reps are all judged


def test_the_note_is_escaped_in_the_html(built: Built) -> None:
    new = TooNew("<b>Ann</b> O'Hara", "Enterprise East", 2, 16)
    section = dataclasses.replace(built.manager.sections[0], support=[], resting=[], too_new=[new])
    page = render.html(dataclasses.replace(built.manager, sections=[section]))
    assert "&lt;b&gt;Ann&lt;/b&gt; O&#39;Hara (2 weeks)" in page and "<b>Ann</b>" not in page
    assert "No one needs an early conversation this week." not in page
