"""Binary event batches (Note [Binary batches] in inspector/channel/protocol.py).

The inspector asks for ``encoding=marshal`` and derives event fields itself;
everything it ends up with must be what the JSON encoding would have given
it. These tests compare the two over a real server, and round-trip batches
built from real bus events.
"""

from __future__ import annotations

import asyncio
import json
import marshal
from pathlib import Path
from urllib.parse import urlencode

import pytest
from tornado.websocket import WebSocketClientConnection

from inspector.channel.client import TraceConnectError, connect
from inspector.channel.endpoint import channel_of
from inspector.channel.protocol import (
    BATCH_TAG,
    BATCH_VERSION,
    WireEvent,
    decode_batch,
    dumps,
    event_from_dict,
    event_to_dict,
    events_batch,
)
from inspector.channel.summary import resolve
from inspector.model import Model
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.testing.connection import HandshakeRejected, open_websocket
from minilit.trace import events as ev
from minilit.trace.bus import BUS, TraceEvent


async def _read_events(conn: WebSocketClientConnection, until_runs: int) -> list[WireEvent]:
    """Every event on ``conn`` up to the ``until_runs``-th run.finished."""
    out: list[WireEvent] = []
    finished = 0
    while finished < until_runs:
        message = await asyncio.wait_for(conn.read_message(), 10)
        assert message is not None, "the trace socket closed"
        if isinstance(message, bytes):
            batch = decode_batch(message)[0]
        else:
            obj = json.loads(message)
            if obj.get("type") != "events":
                continue
            batch = [event_from_dict(e) for e in obj["events"]]
        out += batch
        finished += sum(1 for e in batch if e.name == ev.RUN_FINISHED)
    return out


async def _hello(conn: WebSocketClientConnection) -> dict[str, object]:
    message = await asyncio.wait_for(conn.read_message(), 10)
    assert isinstance(message, str)
    hello: dict[str, object] = json.loads(message)
    assert hello["type"] == "hello"
    return hello


@pytest.mark.parametrize("encoding", ["marshal", "json"])
async def test_a_client_gets_what_the_bus_published_described(
    trace_server: ServerThread, encoding: str
) -> None:
    """Same events, same fields, same bytes, whichever side derives them.

    One client at a time: the events of a bus are shared by its subscribers,
    and a JSON client's pump describes them in place (then a marshal batch
    ships them described), so two clients together would hide a receiver
    that derives nothing.
    """
    channel = channel_of(trace_server.server)
    assert channel is not None
    witness = BUS.subscribe()  # described here, after the channel sent them
    conn = await connect(trace_server.url, channel.token, encoding=encoding)
    try:
        assert (await _hello(conn))["encoding"] == encoding
        app = await asyncio.to_thread(AppClient.connect, trace_server.url)
        try:
            await asyncio.to_thread(app.run)
            await asyncio.to_thread(app.run)
        finally:
            app.close()
        received = await _read_events(conn, 2)
    finally:
        conn.close()
        BUS.unsubscribe(witness)
    published = {e.seq: event_to_dict(e) for e in witness.drain()}
    got = {e.seq: e.to_dict() for e in received}
    common = sorted(set(published) & set(got))
    assert len(common) > 40
    assert [got[s] for s in common] == [published[s] for s in common]
    # The content of a delta coalesced away in the queue (never on the wire)
    # still reaches the client: the event carries its own message.
    summaries = [e.fields.get("summary") for e in received if e.name == ev.DELTA_ENQUEUED]
    assert "placeholder 1" in summaries
    assert any(e.name == ev.QUEUE_COALESCED and e.fields["replaced"] for e in received)
    sent = [e for e in received if e.name == ev.FORWARDMSG_SENT]
    assert sent and all(e.fields["size"] == len(e.data) for e in sent)


def _bus_events(app_path: Path) -> list[TraceEvent]:
    """Real, undescribed events from one run (their messages still attached)."""
    sub = BUS.subscribe(100_000)
    try:
        with ServerThread(app_path) as server, AppClient.connect(server.url) as app:
            app.run()
        return sub.drain()
    finally:
        BUS.unsubscribe(sub)


def test_a_batch_round_trips_to_what_json_would_give(app_path: Path) -> None:
    events = _bus_events(app_path)
    assert any(e.msg is not None for e in events)
    payload = events_batch(events, dropped=3)
    # Encoding derives nothing: the messages are still attached afterwards.
    assert all(e.msg is not None for e in events if e.name == ev.DELTA_ENQUEUED)
    decoded, dropped = decode_batch(payload)
    assert dropped == 3
    via_json = [event_from_dict(json.loads(dumps(event_to_dict(e)))) for e in events]
    assert [e.to_dict() for e in decoded] == [e.to_dict() for e in via_json]
    assert all(isinstance(e.delta_path, tuple) for e in decoded)


def test_a_frame_is_parsed_once_for_the_decoder_and_the_model(app_path: Path) -> None:
    """Note [Parsed once]: a frame's event hands the decoder's message to the model,
    which builds what it would have built from the bytes, and lets the message go."""
    events = _bus_events(app_path)
    decoded, _ = decode_batch(events_batch(events, 0))
    via_json = [event_from_dict(json.loads(dumps(event_to_dict(e)))) for e in events]
    frames = [e for e in decoded if e.name == ev.FORWARDMSG_SENT]
    assert len(frames) > 5
    assert all(e.parsed == ForwardMsg.FromString(e.data) for e in frames)
    assert all(e.parsed is None for e in decoded if e.name != ev.FORWARDMSG_SENT)
    # Not part of the event: equal to the same event from JSON, which has none.
    assert decoded == via_json and repr(decoded) == repr(via_json)
    from_batch, from_json = Model(), Model()
    from_batch.ingest(decoded)
    from_json.ingest(via_json)
    assert all(e.parsed is None for e in frames)  # taken, and let go
    shown = [[(f.info, f.digest, f.run_no) for f in m.frames] for m in (from_batch, from_json)]
    assert shown[0] == shown[1]
    snapshots = [[r.tree for r in m.runs] for m in (from_batch, from_json)]
    assert snapshots[0] == snapshots[1] and snapshots[0][-1]


def test_a_batch_of_events_another_subscriber_already_described(app_path: Path) -> None:
    events = [resolve(e) for e in _bus_events(app_path)]
    decoded, _ = decode_batch(events_batch(events, 0))
    assert [e.to_dict() for e in decoded] == [event_to_dict(e) for e in events]


def test_a_delta_whose_frame_is_in_the_batch_travels_once_with_it(app_path: Path) -> None:
    """Note [Deltas by reference]: a sent delta's message is its frame's bytes, written once."""
    events = _bus_events(app_path)
    rows = marshal.loads(events_batch(events, 0))[3]
    # marshal gives back one object for an object it wrote once and then referred to.
    frame_data = {id(r[7]) for r in rows if r[2] == ev.FORWARDMSG_SENT}
    deltas = [r for r in rows if r[2] == ev.DELTA_ENQUEUED]
    assert sum(id(r[9]) in frame_data for r in deltas) >= 3
    # ...and a delta coalesced away, which no frame carried, ships its own bytes.
    assert any(type(r[9]) is bytes and id(r[9]) not in frame_data for r in deltas)


def test_a_delta_row_holding_its_message_refers_to_the_frame_row_by_seq() -> None:
    """The decoding proxy publishes rows that hold the message itself."""
    msg = ForwardMsg()
    msg.delta.new_element.text.body = "hi"
    data = msg.SerializeToString()
    events = [
        TraceEvent(1, 10, ev.DELTA_ENQUEUED, "s", "r", msg=msg),
        TraceEvent(2, 11, ev.FORWARDMSG_SENT, "s", "r", data=data, msg=msg),
    ]
    payload = events_batch(events, 0)
    rows = marshal.loads(payload)[3]
    assert rows[0][9] == 2 and payload.count(data) == 1
    delta, frame = decode_batch(payload)[0]
    assert delta.fields["summary"] == "hi" and frame.fields["size"] == len(data)


def test_a_delta_whose_frame_is_in_the_next_batch_carries_its_own_bytes(
    app_path: Path,
) -> None:
    events = _bus_events(app_path)
    first_frame = next(i for i, e in enumerate(events) if e.name == ev.FORWARDMSG_SENT)
    last_delta = max(i for i, e in enumerate(events) if e.name == ev.DELTA_ENQUEUED)
    cut = (first_frame + last_delta) // 2 + 1  # some deltas here, their frames there
    batches = [events[:cut], events[cut:]]
    decoded = [e for part in batches for e in decode_batch(events_batch(part, 0))[0]]
    via_json = [event_from_dict(json.loads(dumps(event_to_dict(e)))) for e in events]
    assert [e.to_dict() for e in decoded] == [e.to_dict() for e in via_json]


def test_a_reference_to_a_frame_not_in_the_batch_is_a_value_error() -> None:
    row = (5, 0, ev.DELTA_ENQUEUED, "", "", "", (), b"", {}, 4)
    with pytest.raises(ValueError, match="refers to frame 4"):
        decode_batch(marshal.dumps((BATCH_TAG, BATCH_VERSION, 0, [row])))


def test_field_values_become_what_json_would_make_of_them() -> None:
    fields = {"raw": b"\x00\x01", "pair": (1, 2), "nested": {"k": [1, (2, 3)]}, "odd": object()}
    event = TraceEvent(7, 1, "script.custom", fields=fields)
    decoded, _ = decode_batch(events_batch([event], 0))
    assert decoded[0].to_dict() == json.loads(dumps(event_to_dict(event)))
    assert decoded[0].fields["raw"] == "AAE="
    assert decoded[0].fields["pair"] == [1, 2]


@pytest.mark.parametrize(
    "payload",
    [
        b"not marshal",
        marshal.dumps(("events", BATCH_VERSION + 1, 0, [])),
        marshal.dumps(("gate", BATCH_VERSION, 0, [])),
        marshal.dumps((BATCH_TAG, BATCH_VERSION, 0, [(1, 2, 3)])),
        marshal.dumps((BATCH_TAG, BATCH_VERSION, 0, [(1, 0, "x", "", "", "", (), b"", [], None)])),
    ],
)
def test_what_is_not_a_batch_is_a_value_error(payload: bytes) -> None:
    with pytest.raises(ValueError, match="batch"):
        decode_batch(payload)


async def test_an_unknown_encoding_is_refused_with_the_reason(trace_server: ServerThread) -> None:
    channel = channel_of(trace_server.server)
    assert channel is not None
    with pytest.raises(TraceConnectError, match="unknown encoding 'pickle'"):
        await connect(trace_server.url, channel.token, encoding="pickle")
    url = trace_server.url.replace("http", "ws") + "/_minilit/trace?"
    with pytest.raises(HandshakeRejected):
        await open_websocket(url + urlencode({"token": channel.token, "encoding": "pickle"}))
