"""Agendas: drafted from the sample company, every figure from the data, tone, follow-through."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest, app_test

from dashboard import coaching, interventions, metrics, roster, targets
from dashboard.agenda import build, drafts, generator, markdown, tone
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard.rep_view import rep_weekly
from dashboard.trend import first_data_weeks, rep_trend

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
WEEK = dt.date(2026, 11, 16)  # the sample company's latest week
STRONG, SLIDING = "Priya Raman", "Tomasz Nowak"


@pytest.mark.parametrize("rep", [STRONG, SLIDING])
def test_golden_agenda(sample, rep):
    """The rendered agenda matches the reviewed file (UPDATE_GOLDEN=1 rewrites it)."""
    text = drafts.current(sample, rep, WEEK).body
    golden = GOLDEN / f"agenda_{rep.lower().replace(' ', '_')}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


DATE = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{2} [A-Z][a-z]{2} \d{4}\b|\bweek of \d{2} [A-Z][a-z]{2}\b"
)
WEEK_COUNT = re.compile(r"\b(\d+)(-week| weeks)\b")
HEADING_NUMBER = re.compile(r"^#+ \d+\. ", re.MULTILINE)
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
ABOVE_USUAL = re.compile(
    r"^- ([^:\n]+): [^\n]* this week, above your usual level of about ([^.\n]+(?:\.\d+)?)\.$", re.M
)


def allowed_numbers(database: Database, rep: str) -> set[str]:
    """Every number the data of that rep can show: values, targets, medians and pace, formatted."""
    first = WEEK - dt.timedelta(weeks=generator.HISTORY_WEEKS - 1)
    trend = rep_trend(database, rep, from_week=first, to_week=WEEK)
    shown: list[str] = []
    for row in trend.itertuples():
        entry = metrics.metric(row.metric)
        shown += [entry.format(row.value), entry.format(row.target)]
    values = metrics.weekly_metrics(database, first, WEEK, rep=rep)
    usual = rep_weekly(database, rep, WEEK, WEEK)  # the usual level the rep page shows
    for name in metrics.METRIC_NAMES:
        entry = metrics.metric(name)
        shown += [entry.format(v) for v in values[name].tolist()]
        shown += [entry.format(v) for v in usual.loc[usual["metric"] == name, "baseline"]]
    goals = targets.weekly_targets(database, first, WEEK, rep=rep)
    # a yearly count is paced from January, or from the rep's first week with data when later
    year = metrics.weekly_metrics(database, targets.period_bounds(WEEK, "year")[0], WEEK, rep=rep)
    for p in targets.pace(year, goals, WEEK, first_data_weeks(database, rep=rep).get(rep)):
        entry = metrics.metric(p.metric)
        shown += [entry.format(x) for x in (p.actual, p.target, p.expected, p.projected, p.needed_per_week)]
    for flag in interventions.evaluate(database, WEEK):  # evidence quoted from the rules (tested there)
        shown += [signal.detail for signal in flag.signals if flag.rep == rep]
    return {n for text in shown for n in NUMBER.findall(text)}


@pytest.mark.parametrize("rep", [STRONG, SLIDING, "Jamal Washington", "Chloe Dubois"])
def test_every_number_in_the_agenda_comes_from_the_data(sample, rep):
    text = drafts.current(sample, rep, WEEK).body
    text = HEADING_NUMBER.sub("", DATE.sub("", text))
    for count, _ in WEEK_COUNT.findall(text):
        assert 1 <= int(count) <= generator.HISTORY_WEEKS  # "last 4 weeks", streaks
    text = WEEK_COUNT.sub("", text)
    unexplained = set(NUMBER.findall(text)) - allowed_numbers(sample, rep)
    assert not unexplained, f"numbers not in {rep}'s data: {sorted(unexplained)}"


def test_sliding_rep_agenda_reads_as_coaching(sample):
    agenda = build(sample, SLIDING, WEEK)
    text = markdown(agenda)
    assert text.index("Recognition") < text.index("Results against") < text.index("Focus areas")
    assert 1 <= len(agenda.focus) <= generator.MAX_FOCUS
    assert all(f.due > agenda.meeting and f.expectation for f in agenda.focus)
    assert any(f.metric in ("prospecting_minutes", "first_meetings", "calls") for f in agenda.focus)
    assert tone.check(text, roster.list_reps(sample)["rep"]) == []


@pytest.mark.parametrize(
    ("meeting", "due"),
    [
        (dt.date(2026, 11, 2), dt.date(2026, 12, 4)),  # the Friday four weeks on
        (dt.date(2026, 11, 23), dt.date(2027, 1, 8)),  # not Christmas Day, nor New Year's Day after it
        (dt.date(2026, 11, 30), dt.date(2027, 1, 8)),  # not New Year's Day
        (dt.date(2027, 11, 22), dt.date(2027, 12, 24)),
    ],
)
def test_a_focus_area_is_due_on_a_working_friday(meeting, due):
    assert generator.due_date(meeting) == due and due.weekday() == 4


def test_no_sample_agenda_trips_the_tone_check(sample):
    names = roster.list_reps(sample)["rep"].tolist()
    for rep in names:
        text = markdown(build(sample, rep, WEEK))
        assert tone.check(text, [n for n in names if n != rep]) == [], rep


@pytest.mark.parametrize(
    "phrase",
    [
        "This is unacceptable.",
        "Consider this a warning.",
        "Final notice on prospecting.",
        "We will start a PIP.",
        "Your worst week this year.",
        "Another failure to hit target.",
        "You never call on Mondays.",
        "You are at the bottom of the team.",
        "You are behind Priya Raman on first meetings.",
        "Priya Raman did better than you.",
    ],
)
def test_tone_check_flags_punitive_phrases(phrase):
    text = f"## Recognition\n- Good week.\n## Focus areas\n- {phrase}\n"
    issues = tone.check(text, ["Priya Raman", "Marcus Bennett"])
    assert issues and all(i.suggestion for i in issues)


@pytest.mark.parametrize(
    "phrase",
    [
        "First meetings: 1, 0, 1 in the last 3 weeks vs expectation 3/week.",
        "Below your own 8-week median of 3; let's look at the calendar together.",
        "Pipeline coverage 1.8x against 3.0x: build two opportunities a week.",
        "The team's pipeline review moved to Tuesday.",
        "Priya Raman will share her call openers with the team.",
        "Mailing list and pipeline hygiene.",  # 'pip' only as a whole word
    ],
)
def test_tone_check_leaves_coaching_language_alone(phrase):
    text = f"## Recognition\n- Good week.\n## Focus areas\n- {phrase}\n"
    assert tone.check(text, ["Priya Raman"]) == []


def test_tone_check_wants_recognition_before_correction():
    issues = tone.check("## Focus areas\n- Calls\n## Recognition\n- Two wins\n")
    assert [i.suggestion for i in issues] == ["start with recognition, before focus areas"]


def test_commitments_carry_into_next_weeks_agenda(sample):
    earlier = WEEK - dt.timedelta(weeks=1)
    made = coaching.add_commitment(sample, SLIDING, earlier, "Block Monday 9-11 for calls", WEEK, "Denise")
    text = markdown(build(sample, SLIDING, WEEK))
    assert "[open] Block Monday 9-11 for calls" in text
    coaching.follow_up(sample, made, "partly", WEEK, "Denise")
    assert "[partly] Block Monday 9-11 for calls" in markdown(build(sample, SLIDING, WEEK))
    later = WEEK + dt.timedelta(weeks=1)
    coaching.add_commitment(sample, SLIDING, WEEK, "Book two first meetings", later, "Denise")
    text = markdown(build(sample, SLIDING, later))
    assert "[open] Book two first meetings" in text  # last time's commitment
    assert "Block Monday" not in text  # followed up and not from last time: done with it


def test_coaching_effect_is_shown_before_and_since(sample):
    agreed = dt.date(2026, 10, 19)
    coaching.add_focus_area(sample, SLIDING, agreed, "prospecting_minutes", "450 min a week", WEEK, "Denise")
    (check,) = build(sample, SLIDING, WEEK).coaching_checks
    values = metrics.weekly_metrics(sample, agreed - dt.timedelta(weeks=3), WEEK, rep=SLIDING)
    before = values[values["week"] <= agreed]["prospecting_minutes"].mean()
    since = values[values["week"] > agreed]["prospecting_minutes"].mean()
    assert (check.before, check.since, check.moved) == (
        f"{before:,.0f} min",
        f"{since:,.0f} min",
        since > before,
    )


def test_saved_agenda_is_what_the_cli_prints_and_keeps_history(sample):
    draft = drafts.current(sample, SLIDING, WEEK)
    assert draft.is_draft
    drafts.save(sample, draft, draft.body + "\n- Added by the manager\n", "Denise")
    saved = drafts.current(sample, SLIDING, WEEK)
    assert not saved.is_draft and saved.body.endswith("- Added by the manager\n")
    drafts.save(sample, saved, saved.body + "- second edit\n", "Denise")
    assert len(coaching.agenda_versions(sample, SLIDING, WEEK)) == 2
    agreed = coaching.focus_areas(sample, SLIDING, WEEK + dt.timedelta(weeks=1))
    assert sorted(agreed["metric"]) == sorted(f.metric for f in draft.agenda.focus)  # agreed once


@pytest.fixture
def app(sample, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(sample.path))
    sample.close()  # the app opens the file itself

    def _start(query: dict[str, str]) -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        at.run()
        at.switch_page("pages/agenda.py")
        at.query_params.update(query)
        at.run()
        assert not at.exception, at.exception
        return at

    return _start


def _document(at: AppTest) -> str:
    """The agenda as the page shows it, rendered (the one Markdown block with the title)."""
    (shown,) = [m.value for m in at.markdown if m.value.startswith("### One-on-one:")]
    return shown


def _download(at: AppTest, stores: list, label: str) -> str:
    """The text a download button serves (from the media store of the run that drew it)."""
    (button,) = [b for b in at.get("download_button") if b.label == label]
    return stores[-1].get_file(button.proto.url.rsplit("/", 1)[-1]).content.decode()


def test_agenda_page_edit_one_section_save_reload_and_print(app, monkeypatch):
    stores: list[MemoryMediaFileStorage] = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, endpoint: str) -> None:
            super().__init__(endpoint)
            stores.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)
    at = app({"rep": SLIDING, "week": WEEK.isoformat()})
    draft = _document(at)
    assert draft.startswith(f"### One-on-one: {SLIDING}") and "\n#### 1. Recognition\n" in draft
    at.selectbox(key="agenda_section").set_value(1).run()  # Recognition
    (area,) = at.text_area
    assert area.label == "Recognition (Markdown)" and area.value.startswith("## 1. Recognition\n")
    area.set_value(area.value.rstrip("\n") + "\n- Note from the manager\n\n").run()
    assert not at.exception, at.exception
    edited = _document(at)
    assert "- Note from the manager\n" in edited
    assert edited.replace("- Note from the manager\n", "") == draft  # the other sections untouched
    assert any("Unsaved changes" in c.value for c in at.caption)

    at.selectbox(key="agenda_section").set_value(4).run()  # unrelated reruns keep the edit ...
    at.text_input(key="agenda_commitment_text").set_value("Two call blocks on Monday")
    next(b for b in at.button if b.label == "Add commitment").click().run()
    assert "Commitment added." in [s.value for s in at.success]
    assert _document(at) == edited  # ... a commitment added (st.rerun) included

    printable = _download(at, stores, "Download printable HTML")
    assert "<h2>1. Recognition</h2>" in printable and "<li>Note from the manager</li>" in printable
    assert "@media print" in printable and "<pre>" not in printable

    at.button(key="agenda_save").click().run()
    assert not at.exception, at.exception
    assert "Agenda saved." in [s.value for s in at.success]
    again = app({"rep": SLIDING, "week": WEEK.isoformat()})
    assert _document(again) == edited
    assert any("Saved by local user" in c.value for c in again.caption)
    (history,) = [d.value for d in again.dataframe if "saved by" in d.value.columns]
    assert list(history.columns) == ["saved by", "saved at"] and history["saved by"].tolist() == [
        "local user"
    ]
    again.selectbox(key="agenda_section").set_value(1).run()
    assert again.text_area[0].value.endswith("- Note from the manager\n\n")


def test_agenda_page_flags_punitive_edits(app):
    at = app({"rep": SLIDING, "week": WEEK.isoformat()})
    at.text_area[0].set_value(at.text_area[0].value + "\nThis is unacceptable.\n")
    at.run()
    assert at.warning and any("unacceptable" in t.value for t in at.text)


def test_commitment_made_this_week_is_followed_up_next_week(app):
    earlier = WEEK - dt.timedelta(weeks=1)
    at = app({"rep": SLIDING, "week": earlier.isoformat()})
    at.text_input(key="agenda_commitment_text").set_value("Two call blocks on Monday")
    submit = [b for b in at.button if b.label == "Add commitment"]
    submit[0].click()
    at.run()
    assert not at.exception, at.exception
    assert "Commitment added." in [s.value for s in at.success]
    at = app({"rep": SLIDING, "week": WEEK.isoformat()})
    (follow,) = [s for s in at.selectbox if s.key.startswith("agenda_follow_")]
    assert "Two call blocks on Monday" in follow.label
    follow.set_value("done")
    at.button(key="agenda_follow_save").click()
    at.run()
    assert not at.exception, at.exception
    assert "Follow-up saved." in [s.value for s in at.success]
    assert "[done] Two call blocks on Monday" in _document(at)


def test_open_flags_lead_the_focus_areas(sample):
    found = drafts.current(sample, SLIDING, WEEK)
    assert found.agenda.focus, "a sliding rep gets a focus area"
    text = found.body
    assert "Where it stands:" in text and text.index("Recognition") < text.index("Focus areas")


def test_recognition_and_focus_read_the_rep_pages_usual_level(sample):
    """One baseline: a rise is recognised against the usual level the rep page draws, worded alike."""
    praised = 0
    for rep in roster.list_reps(sample)["rep"]:
        text = drafts.current(sample, rep, WEEK).body
        assert "median" not in text
        page = rep_weekly(sample, rep, WEEK, WEEK).set_index("metric")
        for label, level in ABOVE_USUAL.findall(text):
            name = next(m.name for m in metrics.METRICS if m.label == label)
            assert level == metrics.metric(name).format(page.loc[name, "baseline"]), (rep, label)
            praised += 1
    assert praised  # some rep rose above their usual level that week, or the test proves nothing
    sliding = drafts.current(sample, SLIDING, WEEK).body  # 270 min is well under the usual 450: no praise
    assert "Prospecting minutes: 270 min this week" not in sliding
    for rep in ("Mei Chen", SLIDING):  # the agenda's levels are the rep page's, metric for metric
        page = rep_weekly(sample, rep, WEEK, WEEK)
        shown = page.dropna(subset=["baseline"]).set_index("metric")["baseline"].to_dict()
        first = WEEK - dt.timedelta(weeks=generator.BASELINE_READ_WEEKS)
        read = metrics.weekly_metrics(sample, first, WEEK, rep=rep)
        off = interventions.time_off(sample)
        assert generator.usual_levels(read, off, WEEK, metrics.METRIC_NAMES) == pytest.approx(shown)
    assert "Prospecting minutes: 270 min this week" not in sliding


def test_a_yearly_count_is_paced_from_january_not_from_the_drafts_window(sample, tmp_path):
    """The sample's data begins in 2025: a yearly target read over the agenda's 26-week window would
    count half of Priya's year."""
    path = tmp_path / "yearly.csv"
    path.write_text(
        "metric,value,period,team,rep,effective_from\n"
        "opportunities_over_100k,40,year,,Priya Raman,2026-01-01\n"
    )
    assert ingest_file(sample, path).status == "loaded"
    year = metrics.weekly_metrics(sample, dt.date(2025, 12, 29), WEEK, rep=STRONG)
    since_january = year.loc[year["week"] >= dt.date(2026, 1, 1), "opportunities_over_100k"].sum()
    assert since_january > 30  # more than the 26-week window holds, or the test proves nothing
    body = drafts.current(sample, STRONG, WEEK).body
    assert f"{since_january:.0f} so far this year" in body


def test_a_draft_that_reads_less_says_what_one_reading_every_metric_says(sample, tmp_path, monkeypatch):
    """The metrics a draft leaves out (`generator._read`) are ones it says nothing of: it drafts the
    same agenda as one reading every metric, with and without an expectation of target-account
    coverage in force (coverage is read only with one)."""
    flag = {"metric": "calls", "detail": "fewer calls than usual", "severity": "medium"}

    def drafted() -> list:
        return [build(sample, r, WEEK, flags=f) for r in (STRONG, SLIDING, "Mei Chen") for f in ((), [flag])]

    def lean_and_full() -> tuple[list, list]:
        lean = drafted()
        with monkeypatch.context() as every:
            every.setattr(generator, "_read", lambda *_: metrics.METRIC_NAMES)
            return lean, drafted()

    goals = targets.weekly_targets(sample, WEEK, WEEK, rep=STRONG)
    agreed = coaching.focus_areas(sample, STRONG, WEEK)
    assert "target_account_coverage" not in generator._read([], agreed, goals, WEEK)
    lean, full = lean_and_full()
    assert lean == full
    path = tmp_path / "coverage.csv"
    path.write_text(
        "metric,value,period,team,rep,effective_from\n"
        "target_account_coverage,0.9,week,,Priya Raman,2025-11-24\n"
    )
    assert ingest_file(sample, path).status == "loaded"
    goals = targets.weekly_targets(sample, WEEK, WEEK, rep=STRONG)
    assert "target_account_coverage" in generator._read([], agreed, goals, WEEK)
    lean, full = lean_and_full()
    assert lean == full
    assert "target_account_coverage" in {e.metric for e in lean[0].expectations}


@pytest.mark.parametrize("costly", generator.COSTLY_METRICS)
def test_a_flag_or_focus_area_on_a_costly_metric_is_read_like_any_other(sample, costly):
    """A draft leaves open deals worked and open deals stalled (the costliest metrics to read) out
    unless it is about them."""
    assert (
        "open_deals_worked" in generator.COSTLY_METRICS and "open_deals_stalled" in generator.COSTLY_METRICS
    )
    read = metrics.weekly_metrics(sample, WEEK - dt.timedelta(weeks=8), WEEK, rep=SLIDING)
    read = read.set_index("week")[costly]
    assert read.notna().any()
    flag = {"metric": costly, "detail": "a flag about it", "severity": "medium"}
    drafted = build(sample, SLIDING, WEEK, flags=[flag])
    assert drafted.focus[0].metric == costly and drafted.focus[0].evidence == flag["detail"]
    agreed = WEEK - dt.timedelta(weeks=4)
    coaching.add_focus_area(sample, SLIDING, agreed, costly, "a level", WEEK, "Denise")
    (check,) = build(sample, SLIDING, WEEK).coaching_checks
    entry = metrics.metric(costly)
    since = read[(read.index > agreed) & (read.index <= WEEK)].mean()
    assert (check.metric, check.since) == (costly, entry.format(since))
