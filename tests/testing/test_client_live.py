"""AppClient against a real minilit server on 127.0.0.1 (a real websocket, real threads)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest

from minilit.proto import BackMsg_pb2, ForwardMsg_pb2
from minilit.server.background import ServerThread
from minilit.testing import (
    AppClient,
    ConnectionClosed,
    RunTimeout,
    SessionStateUnavailable,
)
from minilit.testing.golden import load_runs

GOLDEN = Path(__file__).parents[1] / "golden" / "data" / "tour.jsonl"
CLIENT_THREADS = ("minilit-testing-ws", "minilit.ServerThread")


def client_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name in CLIENT_THREADS]


@pytest.fixture
def script(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "app.py"


def write(path: Path, source: str) -> Path:
    path.write_text(dedent(source), encoding="utf-8")
    return path


PAGE = """
    import minilit as st
    st.title("Hello")
    st.header("Part 1")
    st.text("plain")
    st.markdown("**bold**")
    st.sidebar.text("in the sidebar")
    left, right = st.columns(2)
    left.write("left")
    right.write("right")
    with st.expander("More"):
        st.code("print(1)", language="python")
    st.error("bad")
    st.success("good")
    st.metric("Speed", 42, 3)
    st.progress(30, text="loading")
    st.json({"a": 1})
"""


def test_run_builds_the_page() -> None:
    with AppClient.from_string(dedent(PAGE)) as app:
        app.run()
        assert app.title[0].value == "Hello"
        assert app.header[0].value == "Part 1"
        assert app.text.values == ["plain", "in the sidebar"]
        assert app.main.text.values == ["plain"]
        assert app.sidebar.text.values == ["in the sidebar"]
        assert app.markdown.values == ["**bold**", "left", "right"]
        assert [c.markdown[0].value for c in app.columns] == ["left", "right"]
        assert app.expander[0].label == "More"
        assert app.expander[0].code[0].value == "print(1)"
        assert app.code[0].language == "python"
        assert app.error[0].value == "bad"
        assert app.success[0].value == "good"
        assert app.warning.values == []
        assert (app.metric[0].label, app.metric[0].value, app.metric[0].delta) == (
            "Speed",
            "42",
            "3",
        )
        assert (app.progress[0].value, app.progress[0].text) == (30, "loading")
        assert app.json[0].parsed == {"a": 1}
        assert app.title[0].delta_path == (0, 0)
        assert app.sidebar.text[0].delta_path == (1, 0)
        assert not any(e.stale for e in app.elements)
        assert "[0, 0] heading 'Hello'" in app.describe()


def test_last_run_keeps_the_raw_messages() -> None:
    with AppClient.from_string("import minilit as st\nst.text('hi')\n") as app:
        app.run()
        run = app.last_run
        kinds = run.kinds()
        assert kinds[:2] == ["new_session", "session_status_changed"]
        assert kinds[-2:] == ["script_finished", "session_status_changed"]
        assert run.status_name == "FINISHED_SUCCESSFULLY"
        assert len(run.run_ids) == 1 and run.run_ids[0] == app.tree.run_id
        assert app.session_id
        assert [ForwardMsg_pb2.ForwardMsg.FromString(f) for f in run.frames] == run.messages
        assert run.duration > 0
        # The first rerun_script is byte-identical to the one Streamlit's browser sent.
        assert run.request_frame == load_runs(GOLDEN)[0].request.data


def test_elements_not_resent_disappear(script: Path) -> None:
    counter = script.with_name("count")
    write(
        script,
        f"""
        import minilit as st
        from pathlib import Path
        p = Path({str(counter)!r})
        n = int(p.read_text()) if p.exists() else 0
        p.write_text(str(n + 1))
        for i in range(3 - n):
            st.text(f"line {{i}}")
        st.sidebar.text("side") if n == 0 else None
        """,
    )
    with AppClient.from_file(script) as app:
        app.run()
        assert app.text.values == ["line 0", "line 1", "line 2", "side"]
        app.run()
        assert app.text.values == ["line 0", "line 1"]
        assert len(app.sidebar.text) == 0


def test_st_rerun_gives_two_runs_in_one_call(script: Path) -> None:
    flag = script.with_name("flag")
    write(
        script,
        f"""
        import minilit as st
        from pathlib import Path
        flag = Path({str(flag)!r})
        if not flag.exists():
            flag.write_text("1")
            st.text("first pass")
            st.rerun()
        st.text("second pass")
        """,
    )
    with AppClient.from_file(script) as app:
        app.run()
        statuses = [
            m.script_finished for m in app.last_run.messages if m.HasField("script_finished")
        ]
        assert statuses == [
            ForwardMsg_pb2.ForwardMsg.FINISHED_EARLY_FOR_RERUN,
            ForwardMsg_pb2.ForwardMsg.FINISHED_SUCCESSFULLY,
        ]
        assert len(set(app.last_run.run_ids)) == 2
        assert app.text.values == ["second pass"]


def test_compile_error_is_exposed() -> None:
    with AppClient.from_string("import minilit as st\nst.text('oops'\n") as app:
        app.run()
        assert app.last_run.status_name == "FINISHED_WITH_COMPILE_ERROR"
        error = app.compile_error
        assert error is not None and error.type == "SyntaxError"
        assert len(app.elements) == 0


def test_exception_is_an_element() -> None:
    with AppClient.from_string("import minilit as st\nst.text('before')\n1 / 0\n") as app:
        app.run()
        assert app.compile_error is None
        assert app.text.values == ["before"]
        (exc,) = app.exception
        assert exc.exception_type == "ZeroDivisionError"
        assert exc.value == "division by zero"
        assert exc.delta_path == (0, 1)


def test_timeout_raises_with_what_arrived() -> None:
    source = "import minilit as st\nimport time\nst.text('start')\ntime.sleep(3)\n"
    with AppClient.from_string(source) as app:
        with pytest.raises(RunTimeout) as info:
            app.run(timeout=0.5)
        kinds = [m.WhichOneof("type") for m in info.value.messages]
        assert kinds[0] == "new_session"
        assert "script_finished" not in kinds


def test_connect_to_a_running_server(script: Path) -> None:
    write(script, "import minilit as st\nst.text('remote')\n")
    with ServerThread(script) as server:
        with AppClient.connect(server.url) as app:
            app.run()
            assert app.text.values == ["remote"]
            with pytest.raises(SessionStateUnavailable, match="never crosses the wire"):
                _ = app.session_state
        app.close()  # closing a connected client leaves the server running
        with AppClient.connect(server.url) as again:
            assert again.run().text.values == ["remote"]


def test_connect_accepts_the_websocket_url(script: Path) -> None:
    write(script, "import minilit as st\nst.text('ws')\n")
    with ServerThread(script) as server, AppClient.connect(server.ws_url) as app:
        app.run()
        assert app.text.values == ["ws"]
        assert app.connection.selected_subprotocol == "streamlit"


def test_reconnect_resumes_the_session() -> None:
    with AppClient.from_string("import minilit as st\nst.text('x')\n") as app:
        app.run()
        session_id = app.session_id
        first_socket = app.connection
        app.reconnect()
        assert first_socket.closed and app.connection is not first_socket
        assert app.connection.subprotocols[2] == session_id
        assert app.text.values == ["x"]  # like a browser tab, the page stays
        app.run()
        assert app.session_id == session_id


def test_server_going_away_is_reported(script: Path) -> None:
    write(script, "import minilit as st\nst.text('x')\n")
    server = ServerThread(script).start()
    app = AppClient.connect(server.url)
    try:
        app.run()
        server.stop()
        with pytest.raises(ConnectionClosed):
            app.run(timeout=2)
    finally:
        app.close()
        server.stop()


def test_close_leaves_no_threads() -> None:
    before = set(client_threads())
    app = AppClient.from_string("import minilit as st\nst.text('x')\n")
    app.run()
    app.reconnect()
    app.run()
    assert len(set(client_threads()) - before) == 2
    app.close()
    app.close()  # idempotent
    deadline = time.monotonic() + 5
    while set(client_threads()) - before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert set(client_threads()) - before == set()


def test_from_string_removes_its_temporary_script() -> None:
    app = AppClient.from_string("import minilit as st\n")
    assert app.server is not None
    path = Path(app.server.server.main_script_path)
    assert path.read_text() == "import minilit as st\n"
    app.close()
    assert not path.exists()


def test_send_then_wait_for_run_and_stop() -> None:
    # Low level: a rerun_script sent by hand, collected with wait_for_run; the Stop button
    # (stop_script) ends the run early, and the page keeps what the run sent so far.
    source = dedent(
        """
        import minilit as st
        import time
        for i in range(500):
            st.text(str(i))
            time.sleep(0.01)
        """
    )
    with AppClient.from_string(source) as app:
        request = BackMsg_pb2.BackMsg()
        request.rerun_script.widget_states.SetInParent()
        app.send(request)
        time.sleep(0.2)
        app.stop_script()
        app.wait_for_run(timeout=5)
        assert app.last_run.request is None
        assert app.last_run.kinds()[0] == "new_session"
        assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
        shown = app.text.values
        assert 0 < len(shown) < 500
        assert shown == [str(i) for i in range(len(shown))]
