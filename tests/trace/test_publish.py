"""Publishing (Note [Publishing cost] in minilit/trace/bus.py).

The bus buffers plain rows and wakes a listener only when its buffer was
empty; what a subscriber drains must not change for it: increasing seq in
every buffer, one TraceEvent per event, the same binary batches.
"""

from __future__ import annotations

import inspect
import marshal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.channel.protocol import decode_batch, entries_batch, events_batch
from inspector.channel.summary import resolve
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient
from minilit.trace import bus as bus_module
from minilit.trace import events as ev
from minilit.trace.bus import TraceBus, TraceEvent, event_row


def run_at_once(target: Callable[[int], None], n: int) -> None:
    """``target(0)`` to ``target(n - 1)``, each on its own thread, all started at once."""
    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_seq_increases_in_every_buffer_with_threads_publishing_at_once() -> None:
    bus = TraceBus()
    subs = [bus.subscribe(1_000_000) for _ in range(3)]
    per_thread = 5_000

    def publish(i: int) -> None:
        for n in range(per_thread):
            bus.publish("test.event", session_id=str(i), n=n)

    run_at_once(publish, 4)
    drained = [sub.drain() for sub in subs]
    for events in drained:
        seqs = [e.seq for e in events]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs) == 4 * per_thread
        assert [e.t_ns for e in events] == sorted(e.t_ns for e in events)
        # Each publisher's own events keep their order.
        for i in range(4):
            assert [e.fields["n"] for e in events if e.session_id == str(i)] == list(
                range(per_thread)
            )
    # Every subscriber gets its own TraceEvent objects, with equal values.
    assert drained[0] == drained[1] and drained[0][0] is not drained[1][0]


def test_wake_is_called_when_an_event_lands_in_an_empty_buffer() -> None:
    bus = TraceBus()
    wakes: list[int] = []
    sub = bus.subscribe(10, wake=lambda: wakes.append(len(sub)))
    for _ in range(3):
        bus.publish("test.event")
    assert wakes == [1]
    assert len(sub.drain()) == 3
    bus.publish("test.event")
    assert wakes == [1, 1]
    for _ in range(20):  # full: dropped and counted, no wake
        bus.publish("test.event")
    assert wakes == [1, 1] and len(sub) == 10 and sub.dropped == 11


def test_a_listener_that_drains_in_wake_is_woken_for_every_event() -> None:
    bus = TraceBus()
    seen: list[TraceEvent] = []
    sub = bus.subscribe(10, wake=lambda: seen.extend(sub.drain()))
    for n in range(5):
        bus.publish("test.event", n=n)
    assert [e.fields["n"] for e in seen] == list(range(5))


def test_rows_ship_as_the_events_would() -> None:
    bus = TraceBus()
    sub = bus.subscribe()
    msg = ForwardMsg()
    msg.delta.new_element.text.body = "hello"
    msg.metadata.delta_path.extend([0, 1])
    data = msg.SerializeToString()
    bus.publish(ev.DELTA_ENQUEUED, session_id="s", run_id="r", where="app.py:3", msg=msg)
    bus.publish(ev.FORWARDMSG_SENT, session_id="s", data=data, msg=msg)
    bus.publish("test.event", delta_path=[2, 3], x=1)
    rows = sub.drain_rows()
    events = [TraceEvent(*row) for row in rows]
    assert [event_row(e) for e in events] == rows
    assert entries_batch(rows, 7) == events_batch(events, 7)
    decoded, dropped = decode_batch(entries_batch(rows, 7))
    assert dropped == 7
    assert [(e.name, e.delta_path, e.where) for e in decoded] == [
        (ev.DELTA_ENQUEUED, (0, 1), "app.py:3"),
        (ev.FORWARDMSG_SENT, (0, 1), ""),
        ("test.event", (2, 3), ""),
    ]
    assert decoded[0].fields["summary"] == "hello" and decoded[1].fields["size"] == len(data)
    assert sub.oldest_t_ns() == 0


def text_msg(body: str, path: list[int]) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.text.body = body
    msg.metadata.delta_path.extend(path)
    return msg


def test_hot_hops_arrive_as_blocks_numbered_in_the_order_things_happened() -> None:
    bus = TraceBus()
    blocks, events = bus.subscribe(), bus.subscribe()
    msgs = [text_msg(f"t{i}", [0, i]) for i in range(5)]
    bus.publish("test.a")
    for m in msgs[:3]:
        bus.publish_frame("s", m.SerializeToString(), m)
    bus.publish("test.b")
    for m in msgs[3:]:
        bus.publish_frame("s", m.SerializeToString(), m)
    assert len(blocks) == 7
    entries = blocks.drain_entries()
    # Rows for published events, one block per spell of hot events between them.
    assert [len(e) for e in entries] == [10, 2, 10, 2]
    drained = events.drain()
    assert [e.seq for e in drained] == list(range(1, 8))
    assert [e.name for e in drained] == ["test.a"] + [ev.FORWARDMSG_SENT] * 3 + ["test.b"] + [
        ev.FORWARDMSG_SENT
    ] * 2
    # A frame event's message is its bytes (Note [Messages let go]).
    sent = [e for e in drained if e.name == ev.FORWARDMSG_SENT]
    assert [e.msg for e in sent] == [m.SerializeToString() for m in msgs]
    assert all(e.msg is e.data for e in sent)
    # A block ships as its rows and decodes to the events the TraceEvents would give.
    as_blocks, _ = decode_batch(entries_batch(entries, 0))
    as_rows, _ = decode_batch(events_batch(drained, 0))
    assert as_blocks == as_rows
    assert [e.delta_path for e in as_blocks if e.delta_path] == [(0, i) for i in range(5)]


def test_a_delta_in_a_block_refers_to_its_frame_and_keeps_its_script_line() -> None:
    bus = TraceBus()
    sub = bus.subscribe()
    msg = text_msg("hello", [0, 4])

    class Ctx:
        session_id, script_run_id, main_script_path, deltas_this_run = "s", "r", __file__, 1

    # The search for the script line skips the hop's three callers, which
    # are minilit's for every delta; in this file they would be script lines.
    def enqueue() -> bool:  # plays ScriptRunner._enqueue_forward_msg
        return bus.publish_delta(Ctx(), msg, lambda: False)

    def send() -> bool:  # plays delta_generator._send
        return enqueue()

    def dg_enqueue() -> bool:  # plays DeltaGenerator._enqueue
        return send()

    def script() -> int:  # this file plays the script
        dg_enqueue()
        return inspect.currentframe().f_lineno - 1  # type: ignore[union-attr]

    line = script()
    bus.publish_frame("s", msg.SerializeToString(), msg)
    entries = sub.drain_entries()
    payload = entries_batch(entries, 0)
    decoded, _ = decode_batch(payload)
    delta, frame = decoded
    assert (delta.name, delta.run_id, delta.delta_path) == (ev.DELTA_ENQUEUED, "r", (0, 4))
    assert delta.where == f"{__file__}:{line}" and delta.fields["summary"] == "hello"
    assert frame.data == msg.SerializeToString()
    # The delta's message travels once, as its frame's bytes.
    assert payload.count(msg.SerializeToString()) == 1


class RunCtx:
    """What ``publish_delta`` reads of a ScriptRunContext."""

    session_id, script_run_id, main_script_path, deltas_this_run = "s", "r", __file__, 1


def test_a_block_with_a_delta_not_yet_sent_ships_that_message_serialized() -> None:
    """Note [Rows as they are]: marshal cannot write a ForwardMsg, so a block holding
    one (its frame has not gone out) is written again with the message's bytes."""
    bus = TraceBus()
    blocks, events = bus.subscribe(), bus.subscribe()
    sent, unsent = text_msg("sent", [0, 0]), text_msg("not yet", [0, 1])
    bus.publish_delta(RunCtx(), sent, lambda: False)
    bus.publish_delta(RunCtx(), unsent, lambda: False)
    bus.publish_frame("s", sent.SerializeToString(), sent)
    entries = blocks.drain_entries()
    assert [len(e) for e in entries] == [2]
    assert any(isinstance(row[6], ForwardMsg) for row in entries[0][1])
    as_block, _ = decode_batch(entries_batch(entries, 0))
    as_rows, _ = decode_batch(events_batch(events.drain(), 0))
    assert as_block == as_rows
    assert [e.fields.get("summary") for e in as_block] == ["sent", "not yet", None]
    # Encoding changed nothing the bus holds: the unsent delta still has its message.
    assert entries[0][1][1][6] is unsent


def test_a_sent_message_is_let_go_and_both_events_hold_its_frame_bytes() -> None:
    """Note [Messages let go]: once its frame went out, neither event holds the
    message (the server frees it, as without tracing), and both hold the bytes."""
    bus = TraceBus()
    sub = bus.subscribe()
    msg = text_msg("hello", [0, 3])
    alone = sys.getrefcount(msg)
    bus.publish_delta(RunCtx(), msg, lambda: False)
    assert sys.getrefcount(msg) == alone + 1  # the delta's event, until the frame goes out
    data = msg.SerializeToString()
    bus.publish_frame("s", data, msg)
    assert sys.getrefcount(msg) == alone
    delta, frame = sub.drain()
    assert delta.msg is data and frame.msg is data
    resolve(delta)
    assert (delta.fields["summary"], delta.delta_path, delta.msg) == ("hello", (0, 3), None)


def test_the_bus_forgets_messages_that_never_go_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """A replaced message is forgotten at once, others in bulk past UNSENT_MAX (the
    bus's own bookkeeping, which would otherwise grow); a replaced message's events
    hold its bytes from then on, the others' keep their message."""
    bus = TraceBus()
    sub = bus.subscribe()
    replaced = text_msg("loading", [0, 0])
    bus.publish_delta(RunCtx(), replaced, lambda: False)
    bus.publish(ev.QUEUE_COALESCED, session_id="s", msg=replaced)
    assert not bus._unsent
    first, coalesced = sub.drain()
    assert first.msg == replaced.SerializeToString()
    assert coalesced.msg is first.msg  # one object: marshal writes it once
    assert resolve(coalesced).fields["replaced"] == "text"
    monkeypatch.setattr(bus_module, "UNSENT_MAX", 3)
    closed = [text_msg(f"t{i}", [0, i]) for i in range(1, 5)]
    for msg in closed:  # a session that closes before they go out
        bus.publish_delta(RunCtx(), msg, lambda: False)
    assert len(bus._unsent) == 4
    bus.deliver()
    assert not bus._unsent
    deltas = [e for e in sub.drain() if e.name == ev.DELTA_ENQUEUED]
    assert [e.msg for e in deltas] == closed


def test_a_block_with_a_replaced_delta_marshals_in_one_call() -> None:
    """Once a replaced delta's frame will never come, its block row holds bytes, which
    marshal writes (Note [Messages let go]): the trace channel encodes the block in one
    call instead of rebuilding it."""
    bus = TraceBus()
    sub = bus.subscribe()
    placeholder, text = text_msg("", [0, 2]), text_msg("Count: 1", [0, 2])
    bus.publish_delta(RunCtx(), placeholder, lambda: False)
    bus.publish_delta(RunCtx(), text, lambda: False)
    bus.publish(ev.QUEUE_COALESCED, session_id="s", msg=placeholder)
    bus.publish_frame("s", text.SerializeToString(), text)
    entries = sub.drain_entries()
    assert [len(e) for e in entries] == [2, 10, 2]  # block, coalesced row, block
    marshal.dumps([entries[0], entries[2]])  # raises ValueError for a ForwardMsg


def test_a_subscriber_that_leaves_keeps_the_hot_events_published_before() -> None:
    """A recorder stops right after the browser got its last frame: that frame's
    event, still pending, is delivered before the subscriber leaves."""
    bus = TraceBus()
    sub = bus.subscribe()
    msg = text_msg("last", [0, 0])
    bus.publish("test.event")
    bus.publish_frame("s", msg.SerializeToString(), msg)
    bus.unsubscribe(sub)
    assert [e.name for e in sub.drain()] == ["test.event", ev.FORWARDMSG_SENT]


def test_a_block_is_split_at_the_limit_and_cut_when_the_buffer_is_full() -> None:
    bus = TraceBus()
    sub, small = bus.subscribe(), bus.subscribe(4)
    msg = text_msg("x", [0, 0])
    for _ in range(6):
        bus.publish_frame("s", b"x", msg)
    first = sub.drain_entries(2)
    assert [(e[0], len(e[1])) for e in first] == [(1, 2)]
    assert len(sub) == 4
    assert [e.seq for e in sub.drain(3)] == [3, 4, 5]
    assert [e.seq for e in sub.drain()] == [6]
    # The newest events are the ones dropped, and counted.
    assert [e.seq for e in small.drain()] == [1, 2, 3, 4] and small.dropped == 2
    bus.publish_frame("s", b"x", msg)
    assert [e.seq for e in small.drain()] == [7]


def test_a_hot_event_stamped_before_the_one_ahead_of_it_is_not_earlier(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bus = TraceBus()
    sub = bus.subscribe()
    bus.publish("test.event")
    # A thread switch between a hop's stamp and its queueing looks like this.
    monkeypatch.setattr(bus_module, "_monotonic_ns", lambda: 5)
    bus.publish_frame("s", b"x", None)  # type: ignore[arg-type]
    first, frame = sub.drain()
    assert frame.t_ns == first.t_ns > 5


def test_hot_and_published_events_from_threads_at_once_keep_order_and_numbers() -> None:
    bus = TraceBus()
    sub = bus.subscribe(1_000_000)
    per_thread = 3_000
    msg = text_msg("x", [0, 0])

    def publish(i: int) -> None:
        for n in range(per_thread):
            if i % 2:
                bus.publish_frame(str(i), n.to_bytes(2, "big"), msg)
            else:
                bus.publish("test.event", session_id=str(i), n=n)

    run_at_once(publish, 4)
    events = sub.drain()
    assert [e.seq for e in events] == list(range(1, 4 * per_thread + 1))
    assert [e.t_ns for e in events] == sorted(e.t_ns for e in events)
    for i in range(4):
        mine = [e for e in events if e.session_id == str(i)]
        order = [int.from_bytes(e.data, "big") if i % 2 else e.fields["n"] for e in mine]
        assert order == list(range(per_thread))


def test_the_first_hot_event_wakes_a_listener_once() -> None:
    bus = TraceBus()
    wakes: list[int] = []
    sub = bus.subscribe(100, wake=lambda: wakes.append(1))
    msg = text_msg("x", [0, 0])
    for _ in range(3):
        bus.publish_frame("s", b"x", msg)
    assert wakes == [1]
    assert len(sub.drain()) == 3
    bus.publish_frame("s", b"x", msg)
    assert len(wakes) >= 2 and len(sub) == 1


SCRIPT_LINES = """\
import streamlit as st
def show(x):
    st.text(x)
st.write("a")
show("b")
(col,) = st.columns(1)
with col:
    st.markdown("c")
st.container().text("d")
"""


def test_every_delta_names_the_innermost_script_line_that_made_it(tmp_path: Path) -> None:
    from minilit.trace.bus import BUS

    script = tmp_path / "lines.py"
    script.write_text(SCRIPT_LINES, encoding="utf-8")
    sub = BUS.subscribe(100_000)
    try:
        app = AppClient.from_file(str(script))
        try:
            app.run()
        finally:
            app.close()
        events = [e for e in sub.drain() if e.name == ev.DELTA_ENQUEUED]
    finally:
        BUS.unsubscribe(sub)
    mine = [e.where for e in events if e.where.startswith(str(script))]
    # st.write (through markdown), a helper's st.text, st.columns (a block for
    # the row and one per column), a column's markdown, a container and its text.
    assert [w.rpartition(":")[2] for w in mine] == ["4", "3", "6", "6", "8", "9", "9"]
    # One string per line, shared by the deltas it made (Note [Script lines]).
    assert mine[2] is mine[3] and mine[5] is mine[6]
    assert len(mine) == len(events)


def test_a_hop_whose_event_was_delivered_before_it_woke_anyone_leaves_the_next_to_wake() -> None:
    bus = TraceBus()
    wakes: list[int] = []
    sub = bus.subscribe(100, wake=lambda: wakes.append(1))
    msg = text_msg("x", [0, 0])
    # A hop queued its event, and another thread delivered it before the hop
    # went on to wake the subscribers.
    bus._pending.append((1, ev.FORWARDMSG_SENT, "s", "", "", b"x", msg))
    bus.deliver()
    assert len(sub.drain()) == 1
    bus._wake_for_pending()  # the hop goes on: nothing is pending any more
    woken = len(wakes)
    bus.publish_frame("s", b"y", msg)
    assert len(wakes) == woken + 1 and len(sub) == 1
