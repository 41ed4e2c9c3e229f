"""Publishing (Note [Publishing cost] in minilit/trace/bus.py).

The bus buffers plain rows and wakes a listener only when its buffer was
empty; what a subscriber drains must not change for it: increasing seq in
every buffer, one TraceEvent per event, the same binary batches.
"""

from __future__ import annotations

import threading

from inspector.channel.protocol import decode_batch, events_batch, rows_batch
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events as ev
from minilit.trace.bus import TraceBus, TraceEvent, event_row


def test_seq_increases_in_every_buffer_with_threads_publishing_at_once() -> None:
    bus = TraceBus()
    subs = [bus.subscribe(1_000_000) for _ in range(3)]
    per_thread = 5_000

    def publish(i: int) -> None:
        for n in range(per_thread):
            bus.publish("test.event", session_id=str(i), n=n)

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
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
    assert rows_batch(rows, 7) == events_batch(events, 7)
    decoded, dropped = decode_batch(rows_batch(rows, 7))
    assert dropped == 7
    assert [(e.name, e.delta_path, e.where) for e in decoded] == [
        (ev.DELTA_ENQUEUED, (0, 1), "app.py:3"),
        (ev.FORWARDMSG_SENT, (0, 1), ""),
        ("test.event", (2, 3), ""),
    ]
    assert decoded[0].fields["summary"] == "hello" and decoded[1].fields["size"] == len(data)
    assert sub.oldest_t_ns() == 0
