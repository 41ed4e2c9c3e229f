"""st.fragment over a real server and websocket: what a fragment run sends and what the
page keeps (the headless client applies the browser's rules, minilit/testing/tree.py)."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path
from textwrap import dedent

from minilit.proto import BackMsg_pb2, ForwardMsg_pb2
from minilit.testing import AppClient
from minilit.trace import events
from minilit.trace.bus import BUS

ForwardMsg = ForwardMsg_pb2.ForwardMsg

APP = """
    import minilit as st

    if "full" not in st.session_state:
        st.session_state.full = 0
        st.session_state.frag = 0
    st.session_state.full += 1
    st.text(f"full runs: {st.session_state.full}")

    @st.fragment
    def counter():
        st.session_state.frag += 1
        st.text(f"fragment runs: {st.session_state.frag}")
        if st.button("Again"):
            st.text("clicked")

    counter()
    st.text("after the fragment")
    st.checkbox("outside")
"""


def _client(tmp_path: Path, source: str) -> AppClient:
    script = tmp_path / "app.py"
    script.write_text(dedent(source), encoding="utf-8")
    return AppClient.from_file(script)


def _texts(app: AppClient) -> list[str]:
    return [t.value for t in app.text]


def _statuses(app: AppClient) -> list[int]:
    return [m.script_finished for m in app.last_run.messages if m.HasField("script_finished")]


def test_a_widget_in_a_fragment_reruns_only_the_fragment(tmp_path: Path) -> None:
    with _client(tmp_path, APP) as app:
        app.run()
        first = app.last_run.messages
        fragment_ids = {m.delta.fragment_id for m in first if m.delta.fragment_id}
        assert len(fragment_ids) == 1
        (fragment_id,) = fragment_ids
        # The fragment's container and everything in it carry its id; nothing else does.
        paths = {
            tuple(m.metadata.delta_path): m.delta.fragment_id for m in first if m.HasField("delta")
        }
        assert paths[(0, 1)] == fragment_id  # st.container() around the body
        assert paths[(0, 1, 0)] == paths[(0, 1, 1)] == fragment_id
        assert paths[(0, 0)] == paths[(0, 2)] == paths[(0, 3)] == ""

        app.button[0].click().run()
        run = app.last_run
        assert run.request is not None
        assert run.request.rerun_script.fragment_id == fragment_id
        assert run.status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
        new_session = run.messages[0]
        assert new_session.WhichOneof("type") == "new_session"
        assert list(new_session.metadata.run.fragment_ids) == [fragment_id]
        finished = next(m for m in run.messages if m.WhichOneof("type") == "script_finished")
        assert list(finished.metadata.run.fragment_ids) == [fragment_id]
        # Only the fragment's deltas, at the paths it had in the full run.
        deltas = [tuple(m.metadata.delta_path) for m in run.messages if m.HasField("delta")]
        assert deltas == [(0, 1), (0, 1, 0), (0, 1, 1), (0, 1, 2)]
        assert {m.delta.fragment_id for m in run.messages if m.HasField("delta")} == {fragment_id}
        # The page outside the fragment stays as the full run left it, and is not stale.
        assert _texts(app) == [
            "full runs: 1",
            "fragment runs: 2",
            "clicked",
            "after the fragment",
        ]
        assert not any(t.stale for t in app.text)
        assert app.checkbox[0].label == "outside"

        # The next fragment run drops the fragment's own stale element ("clicked").
        app.button[0].run()  # (the client sends a full rerun: nothing changed)
        app.checkbox[0].check().run()  # a widget outside: a full run
        assert app.last_run.status == ForwardMsg.FINISHED_SUCCESSFULLY
        assert app.last_run.request is not None
        assert app.last_run.request.rerun_script.fragment_id == ""
        assert _texts(app) == [
            "full runs: 3",
            "fragment runs: 4",
            "after the fragment",
        ]


def test_rerun_of_a_fragment_that_is_gone_is_ignored(tmp_path: Path) -> None:
    with _client(tmp_path, APP) as app:
        app.run()
        request = BackMsg_pb2.BackMsg()
        request.rerun_script.CopyFrom(app.widget_states.create_client_state())
        request.rerun_script.fragment_id = "not-a-fragment"
        app.send(request)
        app.run()  # the next run is a full run, the ignored request sent nothing
        assert app.runs[-1].messages[0].WhichOneof("type") == "new_session"
        assert not app.runs[-1].messages[0].metadata.run.fragment_ids
        assert not app.unsolicited


def test_run_every_and_scoped_rerun(tmp_path: Path) -> None:
    source = """
        import minilit as st

        st.session_state.setdefault("ticks", 0)
        st.text("outside")

        @st.fragment(run_every=0.5)
        def clock():
            st.session_state.ticks += 1
            st.text(f"tick {st.session_state.ticks}")
            if st.session_state.ticks == 3:
                st.rerun(scope="fragment")

        clock()
        if st.session_state.ticks == 1:
            try:
                st.rerun(scope="fragment")
            except Exception as exc:
                st.text(str(exc))
    """
    with _client(tmp_path, source) as app:
        app.run()
        auto = [m.auto_rerun for m in app.last_run.messages if m.HasField("auto_rerun")]
        assert len(auto) == 1
        assert auto[0].interval == 0.5
        fragment_id = auto[0].fragment_id
        # A full run may not ask for a fragment-scoped rerun: 1.67's message.
        assert _texts(app)[-1] == (
            'scope="fragment" can only be specified from `@st.fragment`-decorated '
            "functions during fragment reruns."
        )
        app.run_fragment(fragment_id)  # what the browser's timer sends
        assert app.last_run.request is not None
        assert app.last_run.request.rerun_script.is_auto_rerun
        # tick 2 ran; then tick 3 called st.rerun(scope="fragment"): tick 4 in the same run().
        statuses = [
            m.script_finished for m in app.last_run.messages if m.HasField("script_finished")
        ]
        assert statuses == [
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ]
        app.run_fragment(fragment_id)
        statuses = [
            m.script_finished for m in app.last_run.messages if m.HasField("script_finished")
        ]
        assert _statuses(app) == [
            ForwardMsg.FINISHED_EARLY_FOR_RERUN,
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ]
        assert _texts(app)[:2] == ["outside", "tick 4"]


def test_a_fragment_rerun_waits_for_the_full_run(tmp_path: Path) -> None:
    """A widget's fragment rerun does not interrupt a full run in progress (as 1.67)."""
    source = """
        import time
        import minilit as st
        import gate

        st.text("top")

        @st.fragment
        def part():
            st.button("go")
            st.text("in the fragment")

        part()
        if st.session_state.get("hold", True):
            st.session_state.hold = False
            st.text("holding")
            gate.reached_at = time.monotonic()
            gate.reached.set()
            gate.release.wait(10)
        st.text("bottom")
    """
    (tmp_path / "gate.py").write_text(
        "import threading\nreached = threading.Event()\nrelease = threading.Event()\n"
        "reached_at = 0.0\n"
    )
    import importlib
    import sys

    with _client(tmp_path, source) as app:
        sys.path.insert(0, str(tmp_path))
        try:
            gate = importlib.import_module("gate")
        finally:
            sys.path.remove(str(tmp_path))
        started = threading.Thread(target=app.run)
        started.start()
        assert gate.reached.wait(10)
        # The run is held past the fragment. Its id is 1.67's: BLAKE2b-128 of
        # module.qualname and the path of the container it was called in.
        fragment_id = hashlib.blake2b(b"__main__.part[0, 1]", digest_size=16).hexdigest()
        # minilit holds any rerun that comes within 10 ms of a run's start (Note [Thread
        # bound] in runtime/app_session.py); this test is about the fragment rule, so
        # its request comes after that window.
        while time.monotonic() < gate.reached_at + 0.02:
            time.sleep(0.005)
        request = BackMsg_pb2.BackMsg()
        request.rerun_script.fragment_id = fragment_id
        witness = BUS.subscribe()
        try:
            app.send(request)
            while not any(e.name == events.RERUN_REQUESTED for e in witness.drain()):
                time.sleep(0.005)  # until the server has handled the request
        finally:
            BUS.unsubscribe(witness)
        gate.release.set()
        started.join(10)
        first = app.runs[-1].messages
        assert [m.script_finished for m in first if m.HasField("script_finished")] == [
            ForwardMsg.FINISHED_SUCCESSFULLY
        ]
        assert "bottom" in _texts(app)  # the full run was not cut short
        app.wait_for_run()  # then the fragment run, on its own
        assert app.last_run.status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
        assert _texts(app) == ["top", "in the fragment", "holding", "bottom"]
