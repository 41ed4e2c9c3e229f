"""Lesson 17's claims: the lesson's app on minilit and on real Streamlit 1.67, compared.

Each Streamlit claim runs twice (``@against``): with the target being minilit, and with
it being real Streamlit 1.67. Either way the target runs the lesson's own app.py (the
same path, so the same page hash and widget ids) behind minilit's decoding proxy, a
child process started as a reader starts it, and a second recording comes from minilit
itself (``minilit run --record``).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from lesson17_wire import _running, record_on_minilit, record_through_proxy

from inspector import wirediff
from inspector.channel.protocol import WireEvent
from lessons.framework.claims import claim
from lessons.framework.targets import Target, against
from minilit.testing import AppClient, HandshakeRejected, WireConnection
from minilit.testing.ports import free_port
from minilit.trace import events

HERE = Path(__file__).resolve().parent

RANDOM_IDS = {"metadata.run.script_run_id", "new_session.initialize.session_id"}
SERVER_NAME = {
    "new_session.initialize.environment_info.streamlit_version",
    "new_session.initialize.user_info.installation_id",
    "new_session.initialize.user_info.installation_id_v3",
    "new_session.initialize.user_info.installation_id_v4",
}


def _stream(url: str) -> str:
    return url.replace("http://", "ws://", 1) + "/_stcore/stream"


@claim("L17.C1")
@against("minilit", "1.67")
def test_the_proxy_changes_host_and_its_own_origin_only(target: Target) -> None:
    server_url = target.url("app.py")
    port = free_port()
    with _running(["proxy", server_url, "--server.port", str(port)], port) as proxy_url:
        with AppClient.connect(proxy_url, default_timeout=30) as app:
            app.run()
            assert app.title[0].value == "Lesson 17: your own app on the wire"
        # A browser that reached the proxy by a name of its own (any *.localhost name
        # is this machine) sends that name as Host and Origin. Through the proxy the
        # server lets it in...
        name = f"proxy.localhost:{port}"
        page = {"Host": name, "Origin": f"http://{name}"}
        WireConnection.open(_stream(proxy_url), headers=page).close()
        # ...though that Origin, shown to the server itself, is a foreign page's.
        with pytest.raises(HandshakeRejected) as straight:
            WireConnection.open(_stream(server_url), headers={"Origin": page["Origin"]})
        assert straight.value.response.status_code == 403
        # Another site's Origin goes through the proxy unchanged, and is refused.
        with pytest.raises(HandshakeRejected) as foreign:
            WireConnection.open(_stream(proxy_url), headers={"Origin": "http://evil.example"})
        assert foreign.value.response.status_code == 403


def _differing_paths(ours: list[WireEvent], theirs: list[WireEvent]) -> set[str]:
    comparison = wirediff.compare(ours, theirs)
    pairs = comparison.pairs()
    assert len(comparison.sessions) == 1 and len(pairs) > 40  # one whole session each
    for pair in pairs:
        assert pair.ours is not None and pair.theirs is not None  # same number of frames
        if pair.direction == "back" or pair.ours.kind == "delta":
            assert pair.identical, (pair.number, pair.ours.kind, pair.differences)
        else:
            assert pair.ours.kind in ("new_session", "script_finished") or pair.identical
    return {diff.path for pair in pairs for diff in pair.differences}


@claim("L17.C2")
@against("minilit", "1.67")
def test_the_same_session_is_the_same_bytes_but_for_five_fields(
    target: Target, tmp_path: Path
) -> None:
    theirs = record_through_proxy(target.url("app.py"), tmp_path / "theirs.jsonl")
    ours = record_on_minilit(tmp_path / "ours.jsonl")
    paths = _differing_paths(ours, theirs)
    if target.is_minilit:
        assert paths == RANDOM_IDS  # minilit against itself: only the random ids
    else:
        assert paths == RANDOM_IDS | SERVER_NAME


def _machine_installation_id() -> str:
    """What Streamlit 1.67 derives from this machine (metrics_util's rules, re-done)."""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as file:
                return str(uuid.uuid5(uuid.NAMESPACE_DNS, file.read()))
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, str(uuid.getnode())))


@claim("L17.C3")
@against("minilit", "1.67")
def test_streamlit_tells_every_browser_the_machines_id(target: Target) -> None:
    ids = []
    for _ in range(2):  # two sessions, two tabs
        with target.connect("app.py") as app:
            app.run()
            new_session = next(m for m in app.last_run.messages if m.HasField("new_session"))
            ids.append(new_session.new_session.initialize.user_info.installation_id)
    if target.is_minilit:
        assert ids == ["", ""]  # minilit sends no user_info
    else:
        # The servers here run with browser.gatherUsageStats false, and still:
        assert ids == [_machine_installation_id()] * 2


@claim("L17.C4")
@against("minilit", "1.67")
def test_the_proxy_sees_frames_not_lines_or_state(target: Target, tmp_path: Path) -> None:
    through_proxy = record_through_proxy(target.url("app.py"), tmp_path / "proxy.jsonl")
    inside = record_on_minilit(tmp_path / "inside.jsonl")
    for recorded, from_inside in ((inside, True), (through_proxy, False)):
        names = {event.name for event in recorded}
        deltas = [e for e in recorded if e.name == events.DELTA_ENQUEUED]
        assert len(deltas) >= 4 * 6  # four runs of six elements, either way
        # From inside, every delta names its script line; through the proxy, none can.
        assert {bool(e.where) for e in deltas} == {from_inside}
        assert (events.SESSION_STATE_CHANGED in names) == from_inside
