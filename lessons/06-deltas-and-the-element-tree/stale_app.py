"""Lesson 06: an element only the first run draws; later runs take a second."""

import time

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.button("rerun now")  # a widget rerun is sent even while a run is going
st.text(f"run {runs}")
if runs > 1:
    time.sleep(1.0)
if runs == 1:
    st.text("only in the first run")
