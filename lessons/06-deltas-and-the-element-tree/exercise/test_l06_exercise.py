"""Exercise coalescing: the queue on its own, then on a real server."""

from __future__ import annotations

from lessons.framework.harness import ServerPool
from minilit.proto.Delta_pb2 import Block
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.forward_msg_queue import ForwardMsgQueue
from minilit.testing import AppClient


def _text(path: tuple[int, ...], body: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.text.body = body
    msg.metadata.delta_path[:] = path
    return msg


def _block(path: tuple[int, ...]) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.add_block.CopyFrom(Block(allow_empty=True))
    msg.delta.add_block.vertical.SetInParent()
    msg.metadata.delta_path[:] = path
    return msg


def _summary(messages: list[ForwardMsg]) -> list[str]:
    out = []
    for m in messages:
        if not m.HasField("delta"):
            out.append(m.WhichOneof("type") or "?")
        elif m.delta.HasField("add_block"):
            out.append(f"block{list(m.metadata.delta_path)}")
        else:
            out.append(f"{m.delta.new_element.text.body}{list(m.metadata.delta_path)}")
    return out


def test_a_newer_element_replaces_the_queued_one_in_place() -> None:
    queue = ForwardMsgQueue("s")
    for msg in (_text((0, 0), "a"), _text((0, 1), "b"), _text((0, 0), "a2"), _text((0, 0), "a3")):
        queue.enqueue(msg)
    assert _summary(queue.flush()) == ["a3[0, 0]", "b[0, 1]"]


def test_other_messages_are_never_coalesced() -> None:
    queue = ForwardMsgQueue("s")
    for msg in (ForwardMsg(script_finished=0), _text((0, 0), "a"), ForwardMsg(script_finished=0)):
        queue.enqueue(msg)
    assert _summary(queue.flush()) == ["script_finished", "a[0, 0]", "script_finished"]


def test_a_block_may_replace_an_element_but_is_never_replaced() -> None:
    queue = ForwardMsgQueue("s")
    for msg in (
        _text((0, 0), "empty"),
        _block((0, 0)),
        _text((0, 0, 0), "child"),
        _text((0, 0), "x"),
        _text((0, 0), "y"),
    ):
        queue.enqueue(msg)
    assert _summary(queue.flush()) == ["block[0, 0]", "child[0, 0, 0]", "y[0, 0]"]


def test_sent_messages_are_not_replaced() -> None:
    queue = ForwardMsgQueue("s")
    queue.enqueue(_text((0, 0), "first"))
    assert _summary(queue.flush()) == ["first[0, 0]"]
    queue.enqueue(_text((0, 0), "second"))
    assert _summary(queue.flush()) == ["second[0, 0]"]


def test_a_hundred_updates_travel_as_a_few(start_server: ServerPool) -> None:
    server = start_server.start("coalesce_app.py")
    server.runtime.flush_interval = 0.1
    with AppClient.connect(server.url) as app:
        app.run()
        sent = [m for m in app.last_run.messages if list(m.metadata.delta_path) == [0, 0]]
        assert 1 <= len(sent) <= 5
        assert app.text[0].value == "update 99"
