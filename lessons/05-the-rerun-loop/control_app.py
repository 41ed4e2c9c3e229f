"""Lesson 05: st.rerun() and st.stop() from inside the script."""

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.text(f"run {runs}")
if runs == 1:
    st.rerun()  # the first run ends here and the script starts again at once
st.text("about to stop")
st.stop()
st.text("never shown")
