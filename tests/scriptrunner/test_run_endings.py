"""Every run that ends on its own sends exactly one script_finished (issue 17, defect 4).

Streamlit 1.67 catches only ``Exception`` around the script: a run ended by
sys.exit(), KeyboardInterrupt, GeneratorExit or another BaseException kills
its thread silently and the session stays "running". minilit shows such an
exception like any other, and lets SystemExit stop the run quietly.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from minilit.proto.BackMsg_pb2 import WidgetStates
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from tests.wire import Run, run_once, serve, ws_connect

HEADER = "import sys\nimport minilit as st\nst.text('before')\n"


def texts(run: Run) -> list[str]:
    return [
        m.delta.new_element.text.body for m in run.deltas if m.delta.new_element.HasField("text")
    ]


def exceptions(run: Run) -> list[str]:
    return [
        m.delta.new_element.exception.type
        for m in run.deltas
        if m.delta.new_element.HasField("exception")
    ]


@pytest.mark.parametrize("call", ["sys.exit()", "sys.exit(3)", "raise SystemExit('bye')"])
def test_sys_exit_stops_the_run_cleanly(
    tmp_path: Path, call: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="minilit.scriptrunner")
    source = f"{HEADER}{call}\nst.text('after')\n"
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        for _ in range(2):  # and the session is not stuck: it runs again
            run = run_once(ws)
            assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
            assert texts(run) == ["before"]
            assert exceptions(run) == []
    assert any("sys.exit" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "raise_line",
    [
        "raise KeyboardInterrupt",
        "raise GeneratorExit",
        "class Odd(BaseException): pass\nraise Odd('odd')",
    ],
)
def test_a_base_exception_is_shown_logged_and_ends_the_run(
    tmp_path: Path, raise_line: str, caplog: pytest.LogCaptureFixture
) -> None:
    source = f"{HEADER}{raise_line}\nst.text('after')\n"
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        for _ in range(2):
            run = run_once(ws)
            assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
            assert texts(run) == ["before"]
            assert len(exceptions(run)) == 1
    assert exceptions(run)[0] in {"KeyboardInterrupt", "GeneratorExit", "Odd"}
    logged = [r for r in caplog.records if r.name == "minilit.scriptrunner"]
    assert logged and logged[0].levelno == logging.WARNING and logged[0].exc_info


def test_a_base_exception_in_a_widget_callback_also_ends_the_run(tmp_path: Path) -> None:
    source = (
        "import sys\nimport minilit as st\n"
        "def quit():\n    sys.exit()\n"
        "st.button('quit', key='q', on_click=quit)\nst.text('drawn')\n"
    )
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        first = run_once(ws)
        button = next(m for m in first.deltas if m.delta.new_element.HasField("button"))
        states = WidgetStates()
        state = states.widgets.add()
        state.id = button.delta.new_element.button.id
        state.trigger_value = True
        run = run_once(ws, states)
        assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
        assert texts(run) == []  # the callback's sys.exit() stopped the run before the body
