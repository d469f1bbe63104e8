"""The sessions benchmark's reading of Streamlit's messages and its per-page summary (no server)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sessions():
    path = list(sys.path)  # the benchmark puts the repository root first on sys.path: put it back
    spec = importlib.util.spec_from_file_location("bench_sessions", ROOT / "benchmarks" / "sessions.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    sys.path[:] = path
    return module


def _bytes(msg: ForwardMsg) -> bytes:
    return msg.SerializeToString()


def test_a_run_ends_at_script_finished_but_not_when_it_reruns(sessions) -> None:
    done = ForwardMsg(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY)
    again = ForwardMsg(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN)
    broken = ForwardMsg(script_finished=ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
    assert sessions.read_message(_bytes(done)) == (True, "", "")
    assert sessions.read_message(_bytes(again)) == (False, "", "")
    assert sessions.read_message(_bytes(broken))[:2] == (True, "script finished with a compile error")


def test_exceptions_and_st_error_are_errors_and_the_title_is_read(sessions) -> None:
    failed = ForwardMsg()
    failed.delta.new_element.exception.type = "ValueError"
    failed.delta.new_element.exception.message = "bad"
    said = ForwardMsg()
    said.delta.new_element.alert.format = Alert.ERROR
    said.delta.new_element.alert.body = "The store is busy"
    warned = ForwardMsg()
    warned.delta.new_element.alert.format = Alert.WARNING
    warned.delta.new_element.alert.body = "repaired"
    title = ForwardMsg()
    title.delta.new_element.heading.tag = "h1"
    title.delta.new_element.heading.body = "Rep"
    assert sessions.read_message(_bytes(failed)) == (False, "ValueError: bad", "")
    assert sessions.read_message(_bytes(said)) == (False, "st.error: The store is busy", "")
    assert sessions.read_message(_bytes(warned)) == (False, "", "")
    assert sessions.read_message(_bytes(title)) == (False, "", "Rep")


def test_summary_per_page_counts_failures_and_times_only_answers(sessions) -> None:
    Load = sessions.Load
    loads = [Load("Rep", 1.0), Load("Rep", 3.0, "st.error: busy"), Load("Rep", 2.0),
             Load("Rep", None, "not loaded"), Load("Team", None, "no script_finished")]  # fmt: skip
    team, rep = sessions.summarize(loads)  # PAGES order: Team first
    assert (rep.page, rep.median, rep.max, rep.loads, rep.errors) == ("Rep", 2.0, 3.0, 4, 2)
    assert team.loads == team.errors == 1 and math.isnan(team.median)
