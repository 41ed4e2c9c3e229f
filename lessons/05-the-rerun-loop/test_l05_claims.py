"""Lesson 05's claims: runs, fresh modules, script threads, checkpoints, interruption."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, server_session_state
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.scriptrunner.script_runner import ScriptRunner
from minilit.server.background import ServerThread
from minilit.testing import AppClient, WireConnection

EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN
SUCCESS = ForwardMsg.FINISHED_SUCCESSFULLY


RERUN = BackMsg(rerun_script=ClientState())


def _read_until(
    conn: WireConnection, done: Callable[[ForwardMsg], bool], timeout: float = 5
) -> list[ForwardMsg]:
    """Messages from the socket up to and including the first one ``done`` accepts."""
    deadline = time.monotonic() + timeout
    out = []
    while True:
        out.append(conn.recv(max(0.01, deadline - time.monotonic())))
        if done(out[-1]):
            return out


def _text(prefix: str) -> Callable[[ForwardMsg], bool]:
    return lambda m: m.delta.new_element.text.body.startswith(prefix)


def _kind(msg: ForwardMsg) -> str:
    return msg.WhichOneof("type") or ""


def _body(msg: ForwardMsg) -> str:
    return msg.delta.new_element.text.body


def _run_id(msg: ForwardMsg) -> str:
    """A new_session's run id: in metadata.run on 1.67 and minilit."""
    return msg.metadata.run.script_run_id


def _idle(msg: ForwardMsg) -> bool:
    return (
        msg.HasField("session_status_changed") and not msg.session_status_changed.script_is_running
    )


def _runner_of(server: ServerThread, messages: list[ForwardMsg]) -> ScriptRunner:
    """The ScriptRunner of the run that ``messages`` (starting with new_session) belong to."""
    session_id = messages[0].new_session.initialize.session_id
    mgr = server.runtime.session_mgr
    session = server.call(lambda: mgr.get_session(session_id))
    runner = server.call(session.runner)
    assert runner is not None
    return runner


def _statuses(messages: list[ForwardMsg]) -> list[int]:
    return [m.script_finished for m in messages if m.HasField("script_finished")]


@claim("L05.C1")
@against("minilit", "1.67")
def test_every_run_opens_with_new_session_and_a_new_run_id(app: AppClient) -> None:
    first = app.run().last_run
    second = app.run().last_run
    for run in (first, second):
        assert run.kinds()[0] == "new_session" and len(run.run_ids) == 1
    assert first.run_ids != second.run_ids
    sessions = {r.messages[0].new_session.initialize.session_id for r in (first, second)}
    assert sessions == {app.session_id}


@claim("L05.C2")
@against("minilit", "1.67", "1.56")
def test_a_run_is_bracketed_by_status_messages(app: AppClient) -> None:
    kinds = app.run().last_run.kinds()
    assert kinds[:2] == ["new_session", "session_status_changed"]
    assert kinds[-2:] == ["script_finished", "session_status_changed"]
    assert kinds.count("script_finished") == 1
    statuses = [
        m.session_status_changed.script_is_running
        for m in app.last_run.messages
        if m.HasField("session_status_changed")
    ]
    assert statuses == [True, False]


@claim("L05.C3")
@against("minilit", "1.67", "1.56")
def test_the_whole_script_is_sent_again(app: AppClient) -> None:
    paths = []
    for _ in range(2):
        run = app.run().last_run
        sent = [tuple(m.metadata.delta_path) for m in run.messages if m.HasField("delta")]
        paths.append(list(dict.fromkeys(sent)))  # a placeholder may travel once or twice
    assert paths[0] == paths[1] and (0, 0) in paths[1]  # the unchanged title is re-sent


@claim("L05.C4")
@against("minilit", "1.67", "1.56")
def test_globals_start_fresh_every_run(app: AppClient) -> None:
    for expected_run in (1, 2, 3):
        app.run()
        assert (
            app.text[0].value
            == f"run {expected_run} of this session; a global of this run: counter = 1"
        )


@claim("L05.C5")
@against("minilit", "1.67", "1.56")
def test_the_script_runs_on_a_script_thread(app: AppClient) -> None:
    app.run()
    assert app.text[1].value == "this run executes on the thread 'ScriptRunner.scriptThread'"


@claim("L05.C5")
def test_the_event_loop_thread_is_another(server: ServerThread) -> None:
    assert server.call(lambda: threading.current_thread().name) != "ScriptRunner.scriptThread"


@claim("L05.C6")
@against("minilit", "1.67", "1.56")
def test_each_rerun_gets_a_new_thread(target: Target) -> None:
    with target.connect("thread_app.py") as app:
        for _ in range(3):
            app.run()
        assert app.text[0].value == "3 runs so far, on 3 different threads"


@claim("L05.C6")
def test_the_three_threads_are_script_threads(start_server: ServerPool) -> None:
    server = start_server.start("thread_app.py")
    with AppClient.connect(server.url) as app:
        for _ in range(3):
            app.run()
        threads = server_session_state(server, app.session_id, "threads")
        assert {t.name for t in threads} == {"ScriptRunner.scriptThread"}


@claim("L05.C7")
@against("minilit", "1.67")
def test_a_superseded_run_ends_without_a_word(target: Target) -> None:
    conn = WireConnection(target.url("loop_app.py"))
    conn.send(RERUN)
    first = _read_until(conn, _text("tick 3"))
    conn.send(RERUN)  # a second request while the first run is in its loop
    rest = _read_until(conn, _text("tick 1"))
    conn.close()
    kinds = [_kind(m) for m in first + rest]
    # new_session, running, tick 0..k (timing decides k), new_session, tick 0, tick 1
    cut = kinds.index("new_session", 1)
    assert kinds[:2] == ["new_session", "session_status_changed"], kinds
    assert set(kinds[2:cut]) == {"delta"} and kinds[cut:] == ["new_session", "delta", "delta"]
    assert [_body(m) for m in rest[-2:]] == ["tick 0", "tick 1"]
    old_run, new_run = (first + rest)[0], (first + rest)[cut]
    assert _run_id(old_run) != _run_id(new_run)


@claim("L05.C14")
def test_the_superseded_thread_ends_at_its_next_st_call(start_server: ServerPool) -> None:
    server = start_server.start("loop_app.py")
    conn = WireConnection(server.url)
    conn.send(RERUN)
    first = _read_until(conn, _text("tick 3"))
    old = _runner_of(server, first)
    asked = time.monotonic()
    conn.send(RERUN)
    _read_until(conn, _text("tick 1"))
    old.join(timeout=1)
    assert not old.is_alive() and time.monotonic() - asked < 1
    conn.close()


@claim("L05.C8")
@against("minilit", "1.67", "1.56")
def test_a_pure_python_loop_cannot_be_interrupted(target: Target) -> None:
    conn = WireConnection(target.url("busy_app.py"))
    conn.send(RERUN)
    _read_until(conn, _text("before the busy loop"))
    asked = time.monotonic()
    conn.send(BackMsg(stop_script=True))  # the Stop button, during the 1.2 s spin
    rest = _read_until(conn, _idle, timeout=5)
    # A checkpointed script stops within milliseconds; this one ends only after its
    # spin (a lower bound: the spin cannot end early), and its next st.text raised.
    assert time.monotonic() - asked > 0.7
    assert not any(_text("after the busy loop")(m) for m in rest)
    conn.close()


@claim("L05.C8")
def test_the_busy_thread_stays_alive_after_stop(start_server: ServerPool) -> None:
    server = start_server.start("busy_app.py")
    conn = WireConnection(server.url)
    conn.send(RERUN)
    first = _read_until(conn, _text("before the busy loop"))
    busy = _runner_of(server, first)
    conn.send(BackMsg(stop_script=True))  # the Stop button
    time.sleep(0.25)  # a checkpointed script would have stopped within milliseconds
    assert busy.is_alive()  # still spinning: no st.* call, no checkpoint
    rest = _read_until(conn, _idle, timeout=3)
    busy.join(timeout=1)
    assert not busy.is_alive()
    assert not any(_text("after the busy loop")(m) for m in rest)  # that st.text raised
    conn.close()


@claim("L05.C9")
@against("minilit", "1.67", "1.56")
def test_stop_ends_the_run_as_a_success(target: Target) -> None:
    conn = WireConnection(target.url("loop_app.py"))
    conn.send(RERUN)
    _read_until(conn, _text("tick 2"))
    conn.send(BackMsg(stop_script=True))
    rest = _read_until(conn, _idle, timeout=3)
    assert _statuses(rest) == [SUCCESS]
    assert not any(_text("finished all")(m) for m in rest)
    conn.close()


@claim("L05.C10")
@against("minilit", "1.67")
def test_st_rerun_and_st_stop(target: Target) -> None:
    with target.connect("control_app.py") as app:
        run = app.run().last_run
        assert _statuses(run.messages) == [EARLY, SUCCESS] and len(run.run_ids) == 2
        kinds = run.kinds()
        early = kinds.index("script_finished")
        assert kinds[early + 1 : early + 3] == ["session_status_changed", "new_session"]
        assert not run.messages[early + 1].session_status_changed.script_is_running
        assert [t.value for t in app.text] == ["run 2", "about to stop"]


@claim("L05.C11")
@against("minilit", "1.67", "1.56")
def test_st_calls_from_your_own_thread_go_nowhere(target: Target) -> None:
    with target.connect("own_thread_app.py") as app:
        app.run()
        assert [t.value for t in app.text] == ["from the script thread", "done"]


@claim("L05.C12")
@against("minilit", "1.67", "1.56")
def test_except_exception_lets_rerun_and_stop_through(target: Target) -> None:
    with target.connect("except_app.py") as app:
        run = app.run().last_run
        assert _statuses(run.messages) == [EARLY, SUCCESS], target.name
        assert [t.value for t in app.text] == ["run 2"]


@claim("L05.C15")
@against("minilit", "1.67", "1.56")
def test_a_bare_except_swallows_the_rerun_but_not_the_stop(target: Target) -> None:
    with target.connect("trap_app.py") as app:
        run = app.run().last_run
        assert _statuses(run.messages) == [SUCCESS] and len(run.run_ids) == 1, target.name
        assert [t.value for t in app.text] == ["run 1", "swallowed the rerun"]


def _payload(frame: Any) -> bytes:
    body = frame if isinstance(frame, bytes | str) else frame["payload"]
    return body.encode("latin-1") if isinstance(body, str) else bytes(body)


@claim("L05.C13")
@against("minilit", "1.67")
def test_r_waits_but_a_click_interrupts(target: Target, page: Any) -> None:
    sent: list[Any] = []
    got: list[ForwardMsg] = []

    def watch(ws: Any) -> None:
        ws.on("framesent", lambda frame: sent.append(frame))
        ws.on("framereceived", lambda f: got.append(ForwardMsg.FromString(_payload(f))))

    page.on("websocket", watch)
    page.goto(target.url() + "/")
    page.get_by_text("done: 5 of 5 steps").wait_for()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Count slowly").click()
    page.get_by_text("working... step 1 of 5").wait_for()
    before, slow_from = len(sent), len(got)
    page.keyboard.press("r")
    page.wait_for_timeout(300)
    assert len(sent) == before  # R is ignored while the run is going
    page.get_by_role("button", name="Start over").click()
    page.get_by_text("done: 5 of 5 steps").wait_for()
    # The page knows the new run is over although no status said it had begun.
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for()
    assert len(sent) == before + 1
    # The slow run (its steps take 0.6 s each) is cut short: between its messages and
    # the next run's new_session there is no step 5 and no "done".
    slow_run = got[slow_from:]
    cut = next(i for i, m in enumerate(slow_run) if m.HasField("new_session"))
    bodies = [m.delta.new_element.text.body for m in slow_run[:cut]]
    assert "working... step 5 of 5" not in bodies and "done: 5 of 5 steps" not in bodies
