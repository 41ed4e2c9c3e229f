"""Lesson 06: an element only the first run draws; later runs take three seconds.

(Long enough that a test can click "rerun now" while run 2 sleeps, even on a busy
machine: L06.C9 must cut run 2 short, not find it finished.)
"""

import time

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.button("rerun now")  # a widget rerun is sent even while a run is going
st.text(f"run {runs}")
if runs > 1:
    time.sleep(3.0)
if runs == 1:
    st.text("only in the first run")
