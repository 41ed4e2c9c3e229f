"""Lesson 08: session state holds Python objects themselves, not copies."""

import minilit as st

history = st.session_state.setdefault("history", [])
history.append(len(history) + 1)
st.text(f"history: {history}")
