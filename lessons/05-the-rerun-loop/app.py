"""Lesson 05: the rerun loop.

Click "Count slowly", then "Start over" while the steps are counting: the slow run is cut
short at its next st.* call and a new one starts. (The R key is ignored while a run is
going; a widget click is not.) Run it with:  minilit lesson run 5
"""

import threading
import time

import minilit as st

st.title("Lesson 05: the rerun loop")
slowly = st.button("Count slowly")
st.button("Start over")  # a click is sent even while a run is going
runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
try:
    counter += 1  # NameError on every run: each run starts with fresh globals
except NameError:
    counter = 1
st.text(f"run {runs} of this session; a global of this run: counter = {counter}")
st.text(f"this run executes on the thread {threading.current_thread().name!r}")
progress = st.empty()
for step in range(1, 6):
    progress.text(f"working... step {step} of 5")  # each st.* call is a checkpoint
    time.sleep(0.6 if slowly else 0.02)
progress.text("done: 5 of 5 steps")
