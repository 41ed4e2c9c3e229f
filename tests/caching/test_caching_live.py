"""st.cache_data and st.cache_resource over a real server and real websockets.

Two AppClients are two browser tabs: two sessions of one process, which share the
caches (runtime/caching/). The script counts its computations in a module the app
imports (``counter.py``), which lives once per process while ``__main__`` is new each run.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest

from minilit.proto import BackMsg_pb2
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.trace import events
from minilit.trace.bus import BUS


def _write(folder: Path, source: str) -> Path:
    """The app, and its counter module under a name of its own.

    (Modules live once per process, and every test's server is in this process.)
    """
    module = f"counter_{uuid.uuid4().hex}"
    (folder / f"{module}.py").write_text("calls: dict[str, int] = {}\n", encoding="utf-8")
    script = folder / "app.py"
    source = dedent(source).replace("import counter\n", f"import {module} as counter\n")
    script.write_text(source, encoding="utf-8")
    return script


@pytest.fixture
def server_for(tmp_path: Path) -> Iterator[object]:
    servers: list[ServerThread] = []

    def start(source: str) -> ServerThread:
        # Each test's app gets its own folder and module name for its counter.
        folder = tmp_path / f"app{len(servers)}"
        folder.mkdir()
        server = ServerThread(str(_write(folder, source)), options={"server.port": 0})
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def _markdowns(app: AppClient) -> list[str]:
    return [m.value for m in app.markdown]


SHARED = """
    import minilit as st
    import counter

    @st.cache_data
    def load(n):
        counter.calls["load"] = counter.calls.get("load", 0) + 1
        return {"rows": list(range(n)), "owner": None}

    @st.cache_resource
    def connection():
        counter.calls["conn"] = counter.calls.get("conn", 0) + 1
        return object()

    data = load(3)
    st.markdown(f"first owner {data['owner']}")
    data["owner"] = st.session_state.get("me", "?")
    st.session_state.me = st.session_state.get("me") or str(id(st.session_state))
    st.markdown(f"calls {counter.calls['load']}")
    st.markdown(f"conn {id(connection())} made {counter.calls['conn']}")
"""


def test_two_sessions_share_a_cache_data_entry_and_each_gets_its_own_copy(server_for) -> None:  # type: ignore[no-untyped-def]
    server = server_for(SHARED)
    with AppClient.connect(server.url) as a, AppClient.connect(server.url) as b:
        a.run()
        b.run()
        # Computed once for both sessions: b's run was a hit.
        assert _markdowns(a)[1] == "calls 1"
        assert _markdowns(b)[1] == "calls 1"
        # a mutated its dict after the call; b's copy came from the pickled bytes.
        assert _markdowns(b)[0] == "first owner None"
        a.run()
        assert _markdowns(a)[0] == "first owner None"
        # cache_resource: one object for both sessions, made once.
        conn_a, conn_b = _markdowns(a)[2], _markdowns(b)[2]
        assert conn_a == conn_b
        assert conn_a.endswith("made 1")


def test_ttl_expires_and_max_entries_evicts(tmp_path: Path) -> None:
    source = """
        import time
        import minilit as st
        import counter

        @st.cache_data(ttl=0.3)
        def short(x):
            counter.calls["short"] = counter.calls.get("short", 0) + 1
            return x

        @st.cache_data(max_entries=2)
        def small(x):
            counter.calls[f"small{x}"] = counter.calls.get(f"small{x}", 0) + 1
            return x

        short(1)
        for x in st.session_state.get("xs", [1]):
            small(x)
        st.markdown(repr(sorted(counter.calls.items())))
        """
    with AppClient.from_file(_write(tmp_path, source)) as app:
        app.run()
        assert "('short', 1)" in _markdowns(app)[0]
        app.run()
        assert "('short', 1)" in _markdowns(app)[0]  # still fresh
        time.sleep(0.35)  # not a race: the ttl is a span of time, and it must pass
        app.run()
        assert "('short', 2)" in _markdowns(app)[0]
        # max_entries=2: 1 and 2 stored, 3 evicts 1 (least recently used), 1 recomputes.
        app.session_state["xs"] = [1, 2, 3, 2, 1]
        app.run()
        text = _markdowns(app)[0]
        assert "('small1', 2)" in text
        assert "('small2', 1)" in text
        assert "('small3', 1)" in text


def test_clear_cache_backmsg_clears_for_every_session(server_for) -> None:  # type: ignore[no-untyped-def]
    server = server_for(
        """
        import minilit as st
        import counter

        @st.cache_data
        def load():
            counter.calls["load"] = counter.calls.get("load", 0) + 1
            return 1

        @st.cache_resource
        def conn():
            counter.calls["conn"] = counter.calls.get("conn", 0) + 1
            return object()

        load(); conn()
        st.markdown(f"{counter.calls['load']} {counter.calls['conn']}")
        """
    )
    witness = BUS.subscribe()
    try:
        with AppClient.connect(server.url) as a, AppClient.connect(server.url) as b:
            a.run()
            b.run()
            assert _markdowns(b) == ["1 1"]
            msg = BackMsg_pb2.BackMsg(clear_cache=True)
            a.send(msg)
            # The clear is handled before a's next rerun_script (one socket, in order).
            a.run()
            assert _markdowns(a) == ["2 2"]
            b.run()  # b never asked, but its next run is a hit on a's new values
            assert _markdowns(b) == ["2 2"]
        sessions = {a.session_id, b.session_id}
    finally:
        BUS.unsubscribe(witness)
    seen = [e for e in witness.drain() if e.session_id in sessions]
    names = [e.name for e in seen if e.name.startswith("cache.")]
    # a: miss miss, b: hit hit, clear clear, a: miss miss, b: hit hit.
    assert (
        names
        == [events.CACHE_MISS] * 2
        + [events.CACHE_HIT] * 2
        + [events.CACHE_CLEARED] * 2
        + [events.CACHE_MISS] * 2
        + [events.CACHE_HIT] * 2
    )
    cleared = [e for e in seen if e.name == events.CACHE_CLEARED]
    assert [(e.session_id, e.fields["cache"], e.fields["cause"]) for e in cleared] == [
        (a.session_id, "cache_data", "clear_cache"),
        (a.session_id, "cache_resource", "clear_cache"),
    ]
    assert all(int(e.fields["entries"]) >= 1 for e in cleared)
    hits = [e for e in seen if e.name == events.CACHE_HIT]
    assert {e.fields["function"] for e in hits} == {"load", "conn"}


def test_unhashable_argument_names_it_in_the_page(tmp_path: Path) -> None:
    source = """
        import threading
        import minilit as st

        @st.cache_data
        def fetch(lock, _skipped, n=1):
            return n

        st.markdown(f"skipped ok {fetch.__wrapped__ is not None}")
        st.markdown(f"underscore {st.cache_resource(lambda _x: 5)(threading.Lock())}")
        fetch(threading.Lock(), threading.Lock())
        """
    with AppClient.from_file(_write(tmp_path, source)) as app:
        app.run()
        assert _markdowns(app)[1] == "underscore 5"  # _x is not hashed
        exc = app.exception[0]
        assert exc.proto.type == "streamlit.runtime.caching.cache_errors.UnhashableParamError"
        assert exc.proto.message.startswith(
            "Cannot hash argument 'lock' (of type `_thread.lock`) in 'fetch'."
        )
        assert "def fetch(_lock, ...):" in exc.proto.message
        assert "@st.cache_data" in exc.proto.message


def test_cache_resource_validate_and_function_clear(tmp_path: Path) -> None:
    source = """
        import minilit as st
        import counter

        @st.cache_resource(validate=lambda conn: conn["open"])
        def conn():
            counter.calls["conn"] = counter.calls.get("conn", 0) + 1
            return {"open": True}

        @st.cache_data
        def value(x):
            counter.calls["value"] = counter.calls.get("value", 0) + 1
            return x

        c = conn()
        value(1)
        if st.session_state.get("close"):
            c["open"] = False
            st.session_state.close = False
        if st.session_state.get("clear"):
            value.clear()
            st.session_state.clear = False
        st.markdown(f"{counter.calls['conn']} {counter.calls['value']}")
        """
    with AppClient.from_file(_write(tmp_path, source)) as app:
        app.run()
        assert _markdowns(app) == ["1 1"]
        app.session_state["close"] = True
        app.run()
        app.run()  # the closed connection fails validate: made again
        assert _markdowns(app) == ["2 1"]
        app.session_state["clear"] = True
        app.run()
        app.run()
        assert _markdowns(app) == ["2 2"]


def test_hash_funcs_make_an_unhashable_argument_hashable(tmp_path: Path) -> None:
    source = """
        import threading
        import minilit as st
        import counter

        class Conn:
            def __init__(self, name):
                self.name = name
                self.lock = threading.Lock()  # what makes it unhashable

        @st.cache_data(hash_funcs={Conn: lambda conn: conn.name})
        def query(conn, sql):
            counter.calls[conn.name] = counter.calls.get(conn.name, 0) + 1
            return f"{conn.name}: {sql}"

        for name in ("a", "a", "b"):
            query(Conn(name), "select 1")
        st.markdown(repr(sorted(counter.calls.items())))
        """
    with AppClient.from_file(_write(tmp_path, source)) as app:
        app.run()
        # Two Conn("a") objects hash alike by their name: one computation for both.
        assert _markdowns(app) == ["[('a', 1), ('b', 1)]"]
