"""What a script sees of the thread and module it runs in, and what the compile cache keeps.

Each fact is reported by the script itself (st.text) over a real websocket, or read
from the ScriptCache as a unit: the thread's name and daemon flag, the ScriptRunContext's
session and script, a fresh ``__main__`` that is the module the script runs in, no
``from __future__`` leaking in from minilit's own modules, the delta count in the trace,
sys.exit() as a premature stop, and the log line of an uncaught exception.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from minilit.scriptrunner.script_runner import ScriptCache
from minilit.trace import events
from minilit.trace.bus import BUS
from tests.wire import run_once, serve, ws_connect

FACTS = """
import sys, threading, minilit as st
from minilit.scriptrunner.script_run_context import get_script_run_ctx
def f(x: int) -> None: ...
ctx = get_script_run_ctx()
thread = threading.current_thread()
st.text(f"thread={thread.name},{thread.daemon}")
st.text(f"ctx={ctx.session_id},{ctx.main_script_path == __file__}")
st.text(f"main={sys.modules['__main__'].__dict__ is globals()},{__file__}")
st.text(f"annotations={f.__annotations__['x'] is int}")
"""


def facts(texts: list[str]) -> dict[str, str]:
    return dict(t.split("=", 1) for t in texts)


def test_what_the_script_sees_of_its_thread_and_module(tmp_path: Path) -> None:
    with serve(tmp_path, FACTS) as server, ws_connect(server) as ws:
        run = run_once(ws)
    session_id = run.messages[0].new_session.initialize.session_id
    seen = facts([m.delta.new_element.text.body for m in run.deltas])
    assert seen["thread"] == "ScriptRunner.scriptThread,True"
    assert seen["ctx"] == f"{session_id},True"
    assert seen["main"] == f"True,{tmp_path / 'app.py'}"
    assert seen["annotations"] == "True", "no __future__ import inherited from minilit"


def test_the_trace_counts_a_runs_deltas(tmp_path: Path) -> None:
    source = "import minilit as st\nfor i in range(3):\n    st.text(i)\n"
    sub = BUS.subscribe()
    try:
        with serve(tmp_path, source) as server, ws_connect(server) as ws:
            run_once(ws)
        finished = [e for e in sub.drain() if e.name == events.RUN_FINISHED]
    finally:
        BUS.unsubscribe(sub)
    assert [e.fields["deltas"] for e in finished] == [3]


def test_sys_exit_is_a_premature_stop_that_keeps_widgets_below_it(tmp_path: Path) -> None:
    """Like st.stop(): the widgets the script did not reach keep their state."""
    flag = tmp_path / "exit_early"
    source = f"""
import pathlib, sys, minilit as st
st.session_state.setdefault("seen", [])
if pathlib.Path({str(flag)!r}).exists():
    sys.exit()
st.text_input("Name", key="name")
"""
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        first = run_once(ws)
        session = server.runtime.session_mgr.get_session(
            first.messages[0].new_session.initialize.session_id
        )
        assert session is not None
        server.call(lambda: session.session_state.__setitem__("name", "Ada"))
        run_once(ws)  # the widget adopts the value
        flag.touch()
        run_once(ws)  # stops before the widget: not a completed run
        flag.unlink()
        assert server.call(lambda: session.session_state["name"]) == "Ada"


def test_an_uncaught_exception_is_logged_with_its_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="minilit.scriptrunner"),
        serve(tmp_path, "raise ValueError('boom')\n") as server,
        ws_connect(server) as ws,
    ):
        run_once(ws)
    (record,) = [r for r in caplog.records if r.name == "minilit.scriptrunner"]
    assert record.getMessage() == "Uncaught app exception"
    assert record.exc_info is not None and isinstance(record.exc_info[1], ValueError)


def test_the_compile_cache_keeps_code_until_the_file_changes(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("x = 1\n", encoding="utf-8")
    cache = ScriptCache()
    first = cache.get_bytecode(str(script), magic=False)
    assert cache.get_bytecode(str(script), magic=False) is first, "a hit: the same code"
    script.write_text("x = 22\n", encoding="utf-8")  # another size...
    later = time.time() + 5
    os.utime(script, (later, later))  # ...and another mtime
    second = cache.get_bytecode(str(script), magic=False)
    assert second is not first
    namespace: dict[str, object] = {}
    exec(second, namespace)
    assert namespace["x"] == 22
    assert cache.get_bytecode(str(script), magic=True) is not second, "magic is part of the key"


def test_a_bare_expression_is_shown_only_with_magic(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("'shown?'\n", encoding="utf-8")
    cache = ScriptCache()
    plain = cache.get_bytecode(str(script), magic=False)
    magic = cache.get_bytecode(str(script), magic=True)
    assert "st" not in plain.co_names
    assert plain.co_names != magic.co_names
