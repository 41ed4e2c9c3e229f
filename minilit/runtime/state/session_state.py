"""SessionState: the values that survive from one run of the script to the next.

Mirrors: streamlit/runtime/state/session_state.py (SessionState). Simplified
(for now): user-assigned keys only; widget values are added by the widgets
layer, which extends this class.

Receives: ``on_script_will_rerun`` (the browser's widget values) and
``on_script_finished`` from scriptrunner/script_runner.py on the script thread;
item access from user scripts through ``st.session_state``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, MutableMapping
from typing import Any

from minilit.proto.BackMsg_pb2 import WidgetStates


class SessionState(MutableMapping[str, Any]):
    """A session's persistent key/value store. Thread-safe (one RLock)."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._state: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        with self._lock:
            return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        with self._lock:
            self._state[key] = value

    def __delitem__(self, key: str) -> None:
        with self._lock:
            del self._state[key]

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._state))

    def __len__(self) -> int:
        with self._lock:
            return len(self._state)

    def clear(self) -> None:
        with self._lock:
            self._state.clear()

    def on_script_will_rerun(self, widget_states: WidgetStates | None) -> None:
        """Called on the script thread before the script body runs."""

    def on_script_finished(self, widget_ids_this_run: set[str]) -> None:
        """Called after a run that was not interrupted by a rerun."""
