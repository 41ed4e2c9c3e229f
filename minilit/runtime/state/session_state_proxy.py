"""``st.session_state``: one object for every session, finding "its" session per call.

Mirrors: streamlit/runtime/state/session_state_proxy.py (SessionStateProxy,
get_session_state). The proxy holds no data: each access looks up the
ScriptRunContext of the current thread (the script thread, or a callback on
it) and forwards to that session's SessionState (runtime/state/session_state.py).

    st.session_state.count = 0            attribute access
    st.session_state["count"] += 1        item access
    "count" in st.session_state           membership
    del st.session_state.count            deletion
    for key in st.session_state: ...      iteration (user keys and keyed widgets)
    st.session_state.name                 the value of st.text_input(key="name")

Where minilit differs from Streamlit (1.39 and 1.67 alike):
    - A keyed widget that disappears for a completed run takes its key with
      it; Streamlit may keep an older copy of the value under the key.
    - Outside a script run there is no session: reads and writes go to a
      detached, process-wide SessionState and a warning is logged (Streamlit
      does the same when a script runs with plain ``python``).

Receives: calls from user scripts and callbacks. Hands to: SessionState.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, MutableMapping
from typing import Any

from minilit.runtime.state.common import is_element_id
from minilit.runtime.state.errors import ReservedKeyError
from minilit.runtime.state.session_state import SessionState
from minilit.scriptrunner.script_run_context import get_script_run_ctx

_LOGGER = logging.getLogger("minilit.session_state")
_DETACHED = SessionState()
_warned_detached = False


def get_session_state() -> SessionState:
    """The SessionState of the session whose script runs on this thread."""
    global _warned_detached
    ctx = get_script_run_ctx()
    if ctx is not None:
        return ctx.session_state
    if not _warned_detached:
        _warned_detached = True
        _LOGGER.warning(
            "st.session_state used outside a script run (no session): values go to a "
            "detached store that no browser sees. Run the app with `minilit run`."
        )
    return _DETACHED


def require_valid_user_key(key: str) -> None:
    """Keys that look like generated widget ids are reserved."""
    if is_element_id(key):
        raise ReservedKeyError(key)


class SessionStateProxy(MutableMapping[str, Any]):
    """The ``st.session_state`` object: a dict-like view of the current session's state."""

    def __iter__(self) -> Iterator[str]:
        return iter(get_session_state().filtered_state())

    def __len__(self) -> int:
        return len(get_session_state().filtered_state())

    def __str__(self) -> str:
        return str(self.to_dict())

    def __repr__(self) -> str:
        return f"st.session_state({self.to_dict()!r})"

    def __contains__(self, key: object) -> bool:
        return key in get_session_state()

    def __getitem__(self, key: str) -> Any:
        require_valid_user_key(key)
        return get_session_state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        require_valid_user_key(key)
        get_session_state()[key] = value

    def __delitem__(self, key: str) -> None:
        require_valid_user_key(key)
        del get_session_state()[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{key}". Did you forget to initialize '
                "it? More info: https://docs.streamlit.io/develop/concepts/architecture/"
                "session-state#initialization"
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}".') from None

    def to_dict(self) -> dict[str, Any]:
        """A snapshot copy: user keys and keyed widgets' values."""
        return get_session_state().filtered_state()
