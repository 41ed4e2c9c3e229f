"""Observation does not disturb: a hop hands out references, the subscriber describes.

Note [Lazy event fields] in minilit/trace/bus.py. These tests run a real
server and a headless browser tab, and check two things: with nothing
attached the script thread does no trace work at all (no script-line lookup,
no summary), and with a subscriber attached the description is done by the
subscriber, on its own thread, and gives the same fields the hops used to
publish themselves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector.channel import summary
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.trace import bus
from minilit.trace import events as ev
from minilit.trace.bus import BUS, TraceEvent

LONG = "x" * 70
APP = f"""\
import minilit as st
st.title("Hello")
ph = st.empty()
ph.text("first")
ph.text("second")
st.text({LONG!r})
with st.container():
    st.markdown("in a block")
"""


@pytest.fixture
def app_path(tmp_path: Path) -> Path:
    path = tmp_path / "app.py"
    path.write_text(APP, encoding="utf-8")
    return path


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Record (function, thread name) for every call of the trace's display work."""
    seen: list[tuple[str, str]] = []

    def spy(module: Any, name: str) -> None:
        real: Callable[..., Any] = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seen.append((name, threading.current_thread().name))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    spy(bus, "script_location")
    for name in ("clip", "element_text", "delta_element", "resolve"):
        spy(summary, name)
    yield seen


def _one_run(app_path: Path) -> None:
    with ServerThread(app_path) as server:
        app = AppClient.connect(server.url)
        try:
            app.run()
        finally:
            app.close()


def test_nothing_attached_means_no_trace_work_on_the_script_thread(
    app_path: Path, calls: list[tuple[str, str]]
) -> None:
    assert not BUS.enabled
    _one_run(app_path)
    assert calls == []


def test_an_attached_subscriber_describes_events_itself(
    app_path: Path, calls: list[tuple[str, str]]
) -> None:
    sub = BUS.subscribe(100_000)
    try:
        _one_run(app_path)
        # Only the script line is looked up while publishing (it exists only then) ...
        assert {name for name, _ in calls} == {"script_location"}
        assert all(thread == "ScriptRunner.scriptThread" for _, thread in calls)
        calls.clear()
        events = [summary.resolve(e) for e in sub.drain()]
    finally:
        BUS.unsubscribe(sub)
    # ... and describing is done by whoever drains, on its own thread.
    here = threading.current_thread().name
    assert calls and all(thread == here for _, thread in calls)
    assert all(e.msg is None for e in events)


def _events(app_path: Path) -> list[TraceEvent]:
    sub = BUS.subscribe(100_000)
    try:
        _one_run(app_path)
        return [summary.resolve(e) for e in sub.drain()]
    finally:
        BUS.unsubscribe(sub)


def test_subscribers_see_the_fields_the_hops_used_to_publish(app_path: Path) -> None:
    events = _events(app_path)
    script = str(app_path)

    deltas = [
        (e.delta_path, dict(e.fields), e.where) for e in events if e.name == ev.DELTA_ENQUEUED
    ]
    clipped = "x" * 59 + "…"
    assert deltas == [
        ((0, 0), {"kind": "new_element", "element": "heading", "summary": "Hello"}, f"{script}:2"),
        ((0, 1), {"kind": "new_element", "element": "empty", "summary": ""}, f"{script}:3"),
        ((0, 1), {"kind": "new_element", "element": "text", "summary": "first"}, f"{script}:4"),
        ((0, 1), {"kind": "new_element", "element": "text", "summary": "second"}, f"{script}:5"),
        ((0, 2), {"kind": "new_element", "element": "text", "summary": clipped}, f"{script}:6"),
        ((0, 3), {"kind": "add_block", "element": "flex_container", "summary": ""}, f"{script}:7"),
        (
            (0, 3, 0),
            {"kind": "new_element", "element": "markdown", "summary": "in a block"},
            f"{script}:8",
        ),
    ]

    sent = [e for e in events if e.name == ev.FORWARDMSG_SENT]
    assert sent, "no frame was sent"
    for e in sent:
        msg = ForwardMsg.FromString(e.data)
        assert list(e.fields) == ["kind", "size"]
        assert e.fields["kind"] == msg.WhichOneof("type")
        assert e.fields["size"] == len(e.data)
        assert e.delta_path == tuple(msg.metadata.delta_path)

    back = [e for e in events if e.name == ev.BACKMSG_DECODED]
    assert [dict(e.fields) for e in back] == [{"kind": "rerun_script"}]
    received = [e for e in events if e.name == ev.FRAME_RECEIVED]
    assert [dict(e.fields) for e in received] == [{"size": len(received[0].data)}]

    # Coalescing is opportunistic (Note [Coalescing]); when it happens, it names
    # what was replaced at which path.
    for e in events:
        if e.name == ev.QUEUE_COALESCED:
            assert e.delta_path == (0, 1)
            assert e.fields["replaced"] in ("empty", "text")


def test_resolving_twice_or_from_two_subscribers_gives_the_same_fields(app_path: Path) -> None:
    events = _events(app_path)
    before = [(e.delta_path, dict(e.fields)) for e in events]
    assert [(e.delta_path, dict(summary.resolve(e).fields)) for e in events] == before
