"""Stale elements: the second run sleeps in the middle, so the browser shows
the first run's later elements faded until the run re-sends or drops them.
"""

import time

from app_state import count_runs

import minilit as st

runs = count_runs()
st.text(f"run {runs}")
if runs > 1:
    time.sleep(2.0)
st.text("after the sleep")
if runs == 1:
    st.text("only in the first run")
