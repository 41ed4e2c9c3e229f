"""A run counter in ``st.session_state`` shared by the test apps."""

from __future__ import annotations

import minilit as st


def count_runs() -> int:
    """Adds one to this session's run count and returns it."""
    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    return int(st.session_state["runs"])
