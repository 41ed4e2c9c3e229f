"""Lesson 05: the trap that remains, a bare ``except:`` around st.rerun() and st.stop()."""

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.text(f"run {runs}")
try:
    st.rerun()  # swallowed below: no new run, this one goes on
except:  # noqa: E722 (the trap: a bare except catches BaseException too)
    st.text("swallowed the rerun")
try:
    st.stop()
except:  # noqa: E722
    st.text("swallowed the stop")  # never shown: the stop is still asked for
st.text("after the stop")  # never shown
