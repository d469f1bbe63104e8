"""Queries beyond the process's slots wait their turn instead of running (and failing) at once."""

from __future__ import annotations

import threading

import pytest

from dashboard import query_slots
from dashboard.db import Database


@pytest.fixture
def one_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query_slots, "_slots", threading.BoundedSemaphore(1))


def test_a_second_query_waits_for_the_first(database: Database, one_slot) -> None:
    inside, let_go, second_done = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with database.cursor() as cur:
            cur.execute("SELECT 1")
            inside.set()
            let_go.wait(10)

    def second() -> None:
        assert int(database.version()) >= 0
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert inside.wait(10)
    threads[1].start()
    assert not second_done.wait(0.5)  # queued behind the first
    let_go.set()
    assert second_done.wait(10)
    for thread in threads:
        thread.join(10)


def test_queries_nested_in_one_thread_share_its_slot(database: Database, one_slot) -> None:
    with database.cursor() as outer:
        outer.execute("SELECT 1")
        assert int(database.version()) >= 0  # would wait forever for a second slot


def test_the_slot_count_follows_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_QUERY_SLOTS", "3")
    assert query_slots.slot_count() == 3
    monkeypatch.setenv("DASHBOARD_QUERY_SLOTS", "lots")
    assert query_slots.slot_count() >= 2
