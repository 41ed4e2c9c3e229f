"""The message flow of a run, over a real websocket to a real server."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from tests.wire import (
    ConnectionClosed,
    read_until_idle,
    recv,
    rerun_msg,
    run_once,
    serve,
    ws_connect,
)

TOUR = """
import minilit as st
st.title("Hello")
ph = st.empty()
ph.text("placeholder 1")
ph.text("placeholder 2")
st.sidebar.text("side")
left, right = st.columns(2)
left.write("left")
right.write("right")
"magic string"
st.write("x is", 3)
"""


def test_subprotocol_first_entry_is_echoed_and_nothing_runs_on_connect(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server, ws_connect(server) as ws:
        assert ws.subprotocol == "streamlit"
        with pytest.raises(TimeoutError):
            ws.recv(timeout=0.3)  # the browser must ask first


def test_a_run_is_bracketed_and_ends_with_one_script_finished(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server, ws_connect(server) as ws:
        run = run_once(ws)
    assert run.kinds[:2] == ["new_session", "session_status_changed"]
    assert run.messages[1].session_status_changed.script_is_running
    assert run.kinds[-2:] == ["script_finished", "session_status_changed"]
    assert not run.messages[-1].session_status_changed.script_is_running
    assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
    new_session = run.messages[0]
    assert new_session.new_session.initialize.session_id
    assert new_session.metadata.run.script_run_id == run.messages[-2].metadata.run.script_run_id


def test_delta_paths_follow_streamlit(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server, ws_connect(server) as ws:
        run = run_once(ws)
    assert run.elements() == [
        ([0, 0], "heading"),
        ([0, 1], "text"),  # the Empty, "placeholder 1", "placeholder 2": the last one stays
        ([1, 0], "text"),
        ([0, 2], "flex_container"),
        ([0, 2, 0], "column"),
        ([0, 2, 1], "column"),
        ([0, 2, 0, 0], "markdown"),
        ([0, 2, 1, 0], "markdown"),
        ([0, 3], "markdown"),
        ([0, 4], "markdown"),
    ]
    bodies = [
        m.delta.new_element.markdown.body
        for m in run.deltas
        if m.delta.new_element.HasField("markdown")
    ]
    assert bodies == ["left", "right", "magic string", "x is `3`"]
    assert run.deltas[1].delta.new_element.text.body == "placeholder 2"
    assert run.deltas[0].delta.new_element.heading.tag == "h1"


def test_every_run_gets_a_new_session_message_and_run_id(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server, ws_connect(server) as ws:
        first, second = run_once(ws), run_once(ws)
    ids = [r.messages[0].metadata.run.script_run_id for r in (first, second)]
    sessions = [r.messages[0].new_session.initialize.session_id for r in (first, second)]
    assert ids[0] != ids[1]
    assert sessions[0] == sessions[1]
    assert first.elements() == second.elements()  # unchanged elements are re-sent


def test_fresh_main_module_each_run_and_script_folder_on_sys_path(tmp_path: Path) -> None:
    (tmp_path / "helper_mod.py").write_text("VALUE = 'from a sibling module'\n")
    source = """
import minilit as st
import helper_mod
try:
    counter += 1
except NameError:
    counter = 1
st.text(f"counter={counter} name={__name__}")
st.text(helper_mod.VALUE)
"""
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        runs = [run_once(ws) for _ in range(2)]
    for run in runs:
        texts = [m.delta.new_element.text.body for m in run.deltas]
        assert texts == ["counter=1 name=__main__", "from a sibling module"]


def test_exception_becomes_an_element_and_the_session_survives(tmp_path: Path) -> None:
    source = """
import minilit as st
st.text("before")
def fail():
    return 1 / 0
fail()
st.text("never")
"""
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        run = run_once(ws)
        again = run_once(ws)
    assert run.elements() == [([0, 0], "text"), ([0, 1], "exception")]
    exc = run.deltas[1].delta.new_element.exception
    assert exc.type == "ZeroDivisionError"
    assert exc.message == "division by zero"
    assert any("return 1 / 0" in line for line in exc.stack_trace)
    assert not any("minilit/" in line for line in exc.stack_trace), "only the user's frames"
    assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
    assert again.elements() == run.elements()


@pytest.mark.parametrize(
    ("detail", "has_message", "has_trace"),
    [
        ("full", True, True),
        ("stacktrace", False, True),
        ("type", False, False),
        ("none", False, False),
    ],
)
def test_error_detail_level_is_configurable(
    tmp_path: Path, detail: str, has_message: bool, has_trace: bool
) -> None:
    source = "raise ValueError('secret detail')\n"
    options = {"client.showErrorDetails": detail}
    with serve(tmp_path, source, **options) as server, ws_connect(server) as ws:
        run = run_once(ws)
    exc = run.deltas[0].delta.new_element.exception
    assert ("secret detail" in exc.message) is has_message
    assert bool(exc.stack_trace) is has_trace
    assert (exc.type == "ValueError") is (detail != "none")


def test_compile_error_sends_session_event_and_status(tmp_path: Path) -> None:
    with serve(tmp_path, "import minilit as st\nst.text('x'\n") as server, ws_connect(server) as ws:
        run = run_once(ws)
    assert run.kinds == [
        "new_session",
        "session_status_changed",
        "session_event",
        "script_finished",
        "session_status_changed",
    ]
    event = run.messages[2].session_event
    assert event.script_compilation_exception.type == "SyntaxError"
    assert run.finished == [ForwardMsg.FINISHED_WITH_COMPILE_ERROR]


def test_st_stop_ends_the_run_successfully(tmp_path: Path) -> None:
    source = "import minilit as st\nst.text('a')\nst.stop()\nst.text('b')\n"
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        run = run_once(ws)
    assert run.elements() == [([0, 0], "text")]
    assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_st_rerun_finishes_early_and_runs_again(tmp_path: Path) -> None:
    marker = tmp_path / "ran_once"
    source = f"""
import pathlib, minilit as st
marker = pathlib.Path({str(marker)!r})
st.text("top")
if not marker.exists():
    marker.write_text("x")
    st.rerun()
st.text("second run")
"""
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        ws.send(rerun_msg())
        messages = []
        while True:
            msg = recv(ws)
            messages.append(msg)
            if (
                msg.WhichOneof("type") == "script_finished"
                and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
            ):
                break
    finishes = [m.script_finished for m in messages if m.WhichOneof("type") == "script_finished"]
    assert finishes == [ForwardMsg.FINISHED_EARLY_FOR_RERUN, ForwardMsg.FINISHED_SUCCESSFULLY]
    assert [m.WhichOneof("type") for m in messages].count("new_session") == 2


GATED = """
import pathlib, time, minilit as st
from minilit.scriptrunner.script_run_context import get_script_run_ctx
run_id = get_script_run_ctx().script_run_id
log = pathlib.Path({log!r})
st.text("before the gate")
with log.open("a") as f:
    f.write(f"waiting {{run_id}}\\n")
while not pathlib.Path({gate!r}).exists():
    time.sleep(0.005)          # no st.* call: no checkpoint in here
st.text("after the gate")      # the next checkpoint: a stopped run ends here
with log.open("a") as f:
    f.write(f"passed {{run_id}}\\n")
"""


def wait_for_line(path: Path, line: str, timeout: float = 10.0) -> None:
    """Wait until the script has written ``line`` (an event from the script thread)."""
    deadline = time.monotonic() + timeout
    while not (path.exists() and line in path.read_text().splitlines()):
        assert time.monotonic() < deadline, f"the script never wrote {line!r}"
        time.sleep(0.005)


def test_rerun_request_interrupts_a_running_script_at_its_next_checkpoint(tmp_path: Path) -> None:
    """The old run's thread stops at its next st.* call and does nothing after it.

    The script waits at a gate (a file) with no checkpoint inside. The rerun is requested
    while the old run waits there, and the gate opens only once the new run has been
    announced, so the stop request is in the old runner's mailbox before it reaches
    ``st.text("after the gate")``: that call must end it. The new run passes the same
    line and finishes; the old thread ends without writing its "passed" line.
    """
    log, gate = tmp_path / "log.txt", tmp_path / "gate"
    with (
        serve(tmp_path, GATED.format(log=str(log), gate=str(gate))) as server,
        ws_connect(server) as ws,
    ):
        ws.send(rerun_msg())
        first = recv(ws)
        assert first.WhichOneof("type") == "new_session"
        old_id = first.metadata.run.script_run_id
        session = server.runtime.session_mgr.get_session(first.new_session.initialize.session_id)
        assert session is not None
        old_runner = server.call(session.runner)
        assert old_runner is not None
        wait_for_line(log, f"waiting {old_id}")  # the old run is at the gate
        ws.send(rerun_msg())  # interrupt
        while True:
            msg = recv(ws)
            if msg.WhichOneof("type") == "new_session":
                new_id = msg.metadata.run.script_run_id
                if new_id != old_id:
                    break
        assert server.call(session.runner) is not old_runner
        gate.touch()
        run = read_until_idle(ws)
        old_runner.join(timeout=10)
        assert not old_runner.is_alive(), "the old thread ended at its checkpoint"
    assert run.finished[-1] == ForwardMsg.FINISHED_SUCCESSFULLY
    assert [m.delta.new_element.text.body for m in run.deltas][-1] == "after the gate"
    lines = log.read_text().splitlines()
    assert f"passed {new_id}" in lines
    assert f"passed {old_id}" not in lines, "the old run went on past its checkpoint"


def test_pure_python_loop_is_not_interrupted(tmp_path: Path) -> None:
    """With no st.* call there is no checkpoint: the old thread runs on (Streamlit too)."""
    side_effect = tmp_path / "side_effect.txt"
    source = f"""
import pathlib, time, minilit as st
st.text("start")
deadline = time.monotonic() + 0.6
while time.monotonic() < deadline:
    pass                      # no st.* call: no checkpoint
pathlib.Path({str(side_effect)!r}).open("a").write("old run finished its loop\\n")
"""
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        ws.send(rerun_msg())
        while recv(ws).WhichOneof("type") != "delta":
            pass
        ws.send(rerun_msg())  # the old thread is stopped... at a checkpoint it never reaches
        deadline = time.monotonic() + 10
        while len(lines := read_lines(side_effect)) < 2:  # (a stopped loop never writes)
            assert time.monotonic() < deadline, f"only {len(lines)} loop(s) finished"
            time.sleep(0.01)
    assert len(read_lines(side_effect)) == 2, "both runs finished their loops, no more"


def read_lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def test_set_page_config_and_page_title(tmp_path: Path) -> None:
    source = "import minilit as st\nst.set_page_config(page_title='T', layout='wide')\n"
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        run = run_once(ws)
    config = [m for m in run.messages if m.WhichOneof("type") == "page_config_changed"]
    assert len(config) == 1
    assert config[0].page_config_changed.title == "T"


def test_heartbeat_is_acknowledged(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server, ws_connect(server) as ws:
        ws.send(BackMsg(app_heartbeat=True).SerializeToString())
        assert recv(ws).heartbeat_ack is True


def test_closing_the_socket_keeps_the_session_for_a_reconnect(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server:
        with ws_connect(server) as ws:
            run = run_once(ws)
        session_id = run.messages[0].new_session.initialize.session_id
        with ws_connect(server, session_id) as ws:
            with pytest.raises(TimeoutError):
                ws.recv(timeout=0.3)  # a resumed session waits for the browser too
            again = run_once(ws)
        assert again.messages[0].new_session.initialize.session_id == session_id
        with ws_connect(server, "no-such-session") as ws:
            fresh = run_once(ws)
        assert fresh.messages[0].new_session.initialize.session_id != session_id


def test_server_stops_cleanly_with_a_client_connected(tmp_path: Path) -> None:
    with ExitStack() as stack:
        with serve(tmp_path, TOUR) as server:
            ws = stack.enter_context(ws_connect(server))
            run_once(ws)
        # The server is gone: the socket is closed (a timeout would mean it was left open).
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=5)


def test_clear_cache_also_clears_session_state(tmp_path: Path) -> None:
    source = (
        "import minilit as st\n"
        "st.session_state.n = st.session_state.get('n', 0) + 1\n"
        "st.text(f'n={st.session_state.n}')\n"
    )
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        bodies = [run_once(ws).deltas[0].delta.new_element.text.body for _ in range(2)]
        ws.send(BackMsg(clear_cache=True).SerializeToString())
        bodies.append(run_once(ws).deltas[0].delta.new_element.text.body)
    assert bodies == ["n=1", "n=2", "n=1"]


def test_set_run_on_save_is_echoed_in_the_session_status(tmp_path: Path) -> None:
    with serve(tmp_path, TOUR) as server, ws_connect(server) as ws:
        run_once(ws)
        ws.send(BackMsg(set_run_on_save=True).SerializeToString())
        status = recv(ws)
        assert status.WhichOneof("type") == "session_status_changed"
        assert status.session_status_changed.run_on_save is True
        assert status.session_status_changed.script_is_running is False
        again = run_once(ws)
    assert again.messages[0].new_session.initialize.session_status.run_on_save is True
    assert again.messages[1].session_status_changed.run_on_save is True
