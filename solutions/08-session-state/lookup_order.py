"""Reference solution of exercise lookup_order (lesson 08). Try it yourself first."""

from __future__ import annotations

from typing import Any

from minilit.runtime.state.session_state import SessionState


def _getitem(self: SessionState, widget_id: str | None, user_key: str | None) -> Any:
    if user_key is not None and user_key in self._new_session_state:
        return self._new_session_state[user_key]
    if widget_id is not None:
        try:
            return self._new_widget_state[widget_id]
        except KeyError:
            pass
        if widget_id in self._old_state:
            return self._old_state[widget_id]
    if user_key is not None and user_key in self._old_state:
        return self._old_state[user_key]
    raise KeyError(user_key or widget_id)
