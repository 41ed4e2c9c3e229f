"""ForwardMsgQueue: one session's messages waiting to go to the browser.

Mirrors: streamlit/runtime/forward_msg_queue.py (ForwardMsgQueue). Simplified:
no delta composition of add_rows.

Receives: ``enqueue`` from runtime/app_session.py (IOLoop thread).
Hands to: runtime/runtime.py's flush loop through ``flush``.

Note [Coalescing]
    A delta whose delta_path already has a queued, unsent delta replaces it in
    place, so only the newest version of a slot travels::

        ph = st.empty()          # Empty at [0, 3]
        ph.text("loading...")    # replaces the Empty in the queue
        ph.text("done")          # replaces "loading..." -> one frame sent

    Only a queued ``new_element`` is ever replaced. A queued ``add_block`` is
    kept, because its children may already be queued behind it and would lose
    their parent. A ``new_transient`` (st.spinner) is never coalesced, in either
    direction: it shares its path with the element the script writes next, and
    each one must reach the browser in turn (1.67's rule). Coalescing is
    opportunistic: if the flush loop sent the first message before the second
    arrived, both travel.
"""

from __future__ import annotations

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events
from minilit.trace.bus import BUS

# Messages kept when a new run clears the queue (they describe the session's
# lifecycle, which the browser must see even if the run's deltas are dropped).
_LIFECYCLE_TYPES = frozenset(
    {"new_session", "script_finished", "session_status_changed", "page_info_changed"}
)


class ForwardMsgQueue:
    """An ordered list of ForwardMsgs plus a delta_path -> position index."""

    def __init__(self, session_id: str = "") -> None:
        self._session_id = session_id
        self._queue: list[ForwardMsg] = []
        self._delta_index_map: dict[tuple[int, ...], int] = {}
        """Position in ``_queue`` of the delta queued for each path."""

    def __len__(self) -> int:
        return len(self._queue)

    def enqueue(self, msg: ForwardMsg) -> None:
        """Queue ``msg``, replacing an unsent delta at the same path (Note [Coalescing])."""
        if not msg.HasField("delta") or msg.delta.WhichOneof("type") == "new_transient":
            self._queue.append(msg)
            return
        path = tuple(msg.metadata.delta_path)
        index = self._delta_index_map.get(path)
        if index is not None:
            old = self._queue[index]
            if old.delta.WhichOneof("type") == "new_element":
                self._queue[index] = msg
                if BUS.enabled:  # (the subscriber reads delta_path and "replaced" from old)
                    BUS.publish(events.QUEUE_COALESCED, session_id=self._session_id, msg=old)
                return
        self._delta_index_map[path] = len(self._queue)
        self._queue.append(msg)

    def clear(
        self, retain_lifecycle_msgs: bool = False, fragment_ids_this_run: list[str] | None = None
    ) -> None:
        """Drop queued messages; at a run's start keep the lifecycle ones.

        A kept ``script_finished`` belongs to the run being replaced, so it is
        rewritten to FINISHED_EARLY_FOR_RERUN (as Streamlit does), except that a
        fragment run leaves a full run's FINISHED_SUCCESSFULLY alone. A fragment run
        (``fragment_ids_this_run``) also keeps every message that is not a delta of
        one of its fragments: the rest of the page is not being redrawn.
        """
        if not retain_lifecycle_msgs:
            self._queue = []
        else:
            fragments = fragment_ids_this_run

            def keep(m: ForwardMsg) -> bool:
                if m.WhichOneof("type") in _LIFECYCLE_TYPES:
                    return True
                # Toasts are kept too: st.toast() right before st.rerun() still shows (1.67).
                if _is_toast_delta(m):
                    return True
                if fragments is None:
                    return False
                return m.WhichOneof("type") != "delta" or m.delta.fragment_id not in fragments

            kept = [m for m in self._queue if keep(m)]
            for m in kept:
                if m.WhichOneof("type") == "script_finished" and not (
                    fragments is not None and m.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                ):
                    m.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
            self._queue = kept
        self._delta_index_map = {}

    def flush(self) -> list[ForwardMsg]:
        """Take every queued message, in order."""
        out = self._queue
        self._queue = []
        self._delta_index_map = {}
        if out and BUS.enabled:
            BUS.publish(events.QUEUE_FLUSHED, session_id=self._session_id, count=len(out))
        return out


def _is_toast_delta(msg: ForwardMsg) -> bool:
    return (
        msg.HasField("delta")
        and msg.delta.WhichOneof("type") == "new_element"
        and msg.delta.new_element.WhichOneof("type") == "toast"
    )
