"""Exercise lookup_order (lesson 08). Read lookup_order.md first.

This method replaces SessionState._getitem when you run `minilit lesson check 8`.
`self` is one session's SessionState; its lock is already held when this is called.
"""

from __future__ import annotations

from typing import Any

from minilit.runtime.state.session_state import SessionState


def _getitem(self: SessionState, widget_id: str | None, user_key: str | None) -> Any:
    # TODO: the four places, in the order of lookup_order.md. This version looks only at
    # this run, and in the wrong order: the browser's value beats an assignment made by
    # a callback, and nothing from an earlier run is ever found.
    if widget_id is not None:
        try:
            return self._new_widget_state[widget_id]
        except KeyError:
            pass
    if user_key is not None and user_key in self._new_session_state:
        return self._new_session_state[user_key]
    raise KeyError(user_key or widget_id)
