"""Lesson 05: st.rerun() and st.stop() inside ``try: ... except Exception:``."""

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.text(f"run {runs}")
try:
    if runs == 1:
        st.rerun()  # not an Exception: the first run ends here all the same
    st.stop()  # nor is this one: the second run ends here
except Exception:
    st.text("caught by except Exception")  # never shown
st.text("after the try")  # never shown
