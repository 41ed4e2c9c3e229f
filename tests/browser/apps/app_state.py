"""The session's state for the test apps: ``st.session_state``.

Until ``st.session_state`` is exported by minilit, this falls back to the
same object reached through the script run context (the session's real
SessionState, which survives reruns and reconnects).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any


def session_state() -> MutableMapping[str, Any]:
    import minilit as st

    state = getattr(st, "session_state", None)
    if state is not None:
        return state  # type: ignore[no-any-return]
    from minilit.scriptrunner.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    assert ctx is not None, "not called from a script run"
    return ctx.session_state


def count_runs() -> int:
    """Adds one to this session's run count and returns it."""
    state = session_state()
    state["runs"] = state.get("runs", 0) + 1
    return int(state["runs"])
