"""Reference solution of exercise coalescing (lesson 06). Try it yourself first."""

from __future__ import annotations

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.forward_msg_queue import ForwardMsgQueue
from minilit.trace import events
from minilit.trace.bus import BUS


def enqueue(self: ForwardMsgQueue, msg: ForwardMsg) -> None:
    if not msg.HasField("delta"):
        self._queue.append(msg)
        return
    path = tuple(msg.metadata.delta_path)
    index = self._delta_index_map.get(path)
    if index is not None:
        old = self._queue[index]
        if old.delta.WhichOneof("type") == "new_element":
            self._queue[index] = msg
            BUS.publish(
                events.QUEUE_COALESCED,
                session_id=self._session_id,
                delta_path=path,
                replaced=old.delta.new_element.WhichOneof("type") or "",
            )
            return
    self._delta_index_map[path] = len(self._queue)
    self._queue.append(msg)
