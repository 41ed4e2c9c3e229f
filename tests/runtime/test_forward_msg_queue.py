"""ForwardMsgQueue as a unit: coalescing and clearing (Note [Coalescing])."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.forward_msg_queue import ForwardMsgQueue
from minilit.trace import events
from minilit.trace.bus import BUS, Subscriber


@pytest.fixture
def trace() -> Iterator[Subscriber]:
    """A subscriber on the process's trace bus for the length of one test."""
    sub = BUS.subscribe()
    yield sub
    BUS.unsubscribe(sub)


def element(path: list[int], text: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path[:] = path
    msg.delta.new_element.text.body = text
    return msg


def block(path: list[int]) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path[:] = path
    msg.delta.add_block.vertical.SetInParent()
    return msg


def test_same_path_element_replaces_in_place() -> None:
    queue = ForwardMsgQueue()
    queue.enqueue(element([0, 0], "a"))
    queue.enqueue(element([0, 1], "b"))
    queue.enqueue(element([0, 0], "c"))
    assert [m.delta.new_element.text.body for m in queue.flush()] == ["c", "b"]


def test_a_block_is_never_replaced() -> None:
    queue = ForwardMsgQueue()
    queue.enqueue(block([0, 0]))
    queue.enqueue(element([0, 0, 0], "child"))
    queue.enqueue(element([0, 0], "replacement"))
    kinds = [m.delta.WhichOneof("type") for m in queue.flush()]
    assert kinds == ["add_block", "new_element", "new_element"]


def test_an_element_can_become_a_block() -> None:
    queue = ForwardMsgQueue()
    queue.enqueue(element([0, 0], "placeholder"))
    queue.enqueue(block([0, 0]))
    assert [m.delta.WhichOneof("type") for m in queue.flush()] == ["add_block"]


def test_non_delta_messages_are_never_coalesced() -> None:
    queue = ForwardMsgQueue()
    queue.enqueue(ForwardMsg(heartbeat_ack=True))
    queue.enqueue(ForwardMsg(heartbeat_ack=True))
    assert len(queue.flush()) == 2


def test_clear_keeps_lifecycle_and_marks_finish_early() -> None:
    queue = ForwardMsgQueue()
    queue.enqueue(ForwardMsg(new_session={}))
    queue.enqueue(element([0, 0], "dropped"))
    queue.enqueue(ForwardMsg(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY))
    queue.clear(retain_lifecycle_msgs=True)
    kept = queue.flush()
    assert [m.WhichOneof("type") for m in kept] == ["new_session", "script_finished"]
    assert kept[1].script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN


def test_flush_empties_and_resets_the_index() -> None:
    queue = ForwardMsgQueue()
    queue.enqueue(element([0, 0], "a"))
    queue.flush()
    queue.enqueue(element([0, 0], "b"))
    assert len(queue) == 1


def lifecycle(kind: str) -> ForwardMsg:
    msg = ForwardMsg()
    if kind == "new_session":
        msg.new_session.SetInParent()
    else:
        msg.session_status_changed.script_is_running = True
    return msg


def test_clear_forgets_the_positions_of_dropped_deltas() -> None:
    """After a clear, the next run's deltas never replace each other by a stale position.

    The old run left deltas at [0,0]..[0,3] unsent; the new run's [0,0] lands where a
    dropped one used to be counted, so with a stale index a later [0,3] would take its slot.
    """
    queue = ForwardMsgQueue()
    queue.enqueue(lifecycle("new_session"))
    queue.enqueue(lifecycle("status"))
    for i in range(4):
        queue.enqueue(element([0, i], f"old {i}"))
    queue.clear(retain_lifecycle_msgs=True)
    queue.enqueue(lifecycle("new_session"))
    queue.enqueue(lifecycle("status"))
    for i in range(4):
        queue.enqueue(element([0, i], f"new {i}"))
    sent = queue.flush()
    assert [m.WhichOneof("type") for m in sent] == [
        "new_session",
        "session_status_changed",
        "new_session",
        "session_status_changed",
        "delta",
        "delta",
        "delta",
        "delta",
    ]
    bodies = [m.delta.new_element.text.body for m in sent if m.HasField("delta")]
    assert bodies == ["new 0", "new 1", "new 2", "new 3"]


def test_a_full_clear_also_forgets_the_positions() -> None:
    """clear() without arguments drops everything, lifecycle messages too (a disconnect)."""
    queue = ForwardMsgQueue()
    queue.enqueue(lifecycle("new_session"))
    queue.enqueue(ForwardMsg(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY))
    queue.enqueue(element([0, 0], "dropped"))
    queue.enqueue(element([0, 1], "dropped"))
    queue.clear()
    queue.enqueue(element([0, 1], "b"))
    queue.enqueue(element([0, 0], "a"))
    assert [m.delta.new_element.text.body for m in queue.flush()] == ["b", "a"]


def test_coalescing_still_works_after_a_clear() -> None:
    """The index is rebuilt, not switched off: a same-path rewrite after a clear replaces."""
    queue = ForwardMsgQueue()
    queue.enqueue(element([0, 0], "dropped"))
    queue.clear(retain_lifecycle_msgs=True)
    queue.enqueue(element([0, 0], "first"))
    queue.enqueue(element([0, 0], "second"))
    assert [m.delta.new_element.text.body for m in queue.flush()] == ["second"]


def test_coalescing_and_flushing_are_traced(trace: Subscriber) -> None:
    """The inspector learns which unsent delta was replaced, and how many messages left."""
    queue = ForwardMsgQueue("session-1")
    queue.enqueue(element([0, 0], "loading"))
    queue.enqueue(element([0, 0], "done"))
    assert queue.flush()[0].delta.new_element.text.body == "done"
    assert queue.flush() == []  # an empty flush is not an event
    mine = [e for e in trace.drain() if e.session_id == "session-1"]
    assert [e.name for e in mine] == [events.QUEUE_COALESCED, events.QUEUE_FLUSHED]
    coalesced, flushed = mine
    replaced = ForwardMsg.FromString(coalesced.msg)  # its bytes: it never goes out
    assert replaced.delta.new_element.text.body == "loading", "the message replaced"
    assert flushed.fields == {"count": 1}


def transient(path: list[int], *texts: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path[:] = path
    msg.delta.new_transient.SetInParent()
    for text in texts:
        msg.delta.new_transient.elements.add().spinner.text = text
    return msg


def test_a_transient_neither_replaces_nor_is_replaced() -> None:
    """A spinner shares its path with the next element; each message must arrive (1.67)."""
    queue = ForwardMsgQueue()
    queue.enqueue(transient([0, 0], "spinning"))
    queue.enqueue(element([0, 0], "inside"))
    queue.enqueue(transient([0, 0]))
    queue.enqueue(element([0, 0], "replaced"))
    sent = [
        (
            m.delta.WhichOneof("type"),
            m.delta.new_element.text.body,
            len(m.delta.new_transient.elements),
        )
        for m in queue.flush()
    ]
    # The second element still replaces the first (same path); the transients stay.
    assert sent == [
        ("new_transient", "", 1),
        ("new_element", "replaced", 0),
        ("new_transient", "", 0),
    ]


def test_a_toast_survives_the_clear_at_a_rerun() -> None:
    """st.toast() right before st.rerun() still reaches the browser, as in 1.67."""
    queue = ForwardMsgQueue()
    toast = ForwardMsg()
    toast.metadata.delta_path[:] = [2, 0]
    toast.delta.new_element.toast.body = "saved"
    queue.enqueue(element([0, 0], "dropped"))
    queue.enqueue(toast)
    queue.clear(retain_lifecycle_msgs=True)
    assert [m.delta.new_element.toast.body for m in queue.flush()] == ["saved"]
