"""Lesson 13: an app whose state lives in one server process.

Each run counts itself in st.session_state. Behind a proxy with two replicas, the
count survives a reconnect only if the reconnect reaches the same replica.
Run it with:  minilit lesson run 13
"""

import minilit as st

st.title("Lesson 13: hosting it yourself")
st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.text(f"this session: {st.session_state['runs']} run(s)")
