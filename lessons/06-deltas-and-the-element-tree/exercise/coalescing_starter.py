"""Exercise coalescing (lesson 06). Read coalescing.md first.

This method replaces ForwardMsgQueue.enqueue when you run `minilit lesson check 6`.
`self` is one session's ForwardMsgQueue; this runs on the IOLoop thread.
"""

from __future__ import annotations

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.forward_msg_queue import ForwardMsgQueue
from minilit.trace import events  # noqa: F401 (for the optional QUEUE_COALESCED event)
from minilit.trace.bus import BUS  # noqa: F401


def enqueue(self: ForwardMsgQueue, msg: ForwardMsg) -> None:
    # TODO: replace a queued, unsent new_element at the same delta_path (coalescing.md).
    # As it is, every update of a placeholder travels to the browser.
    self._queue.append(msg)
