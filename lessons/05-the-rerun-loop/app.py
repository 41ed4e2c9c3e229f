"""Lesson 05: the rerun loop.

Press R while the steps are counting: the run is cut short at the next st.* call and a
new one starts. Run it with:  minilit lesson run 5
"""

import threading
import time

import minilit as st

st.title("Lesson 05: the rerun loop")
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
    time.sleep(0.05)
progress.text("done: 5 of 5 steps")
