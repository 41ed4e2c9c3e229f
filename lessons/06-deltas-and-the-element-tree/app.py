"""Lesson 06: deltas and the element tree.

Rerun it (R) a few times and watch the delta paths in the inspector: every second run
inserts a line, and everything after it moves. Run it with:  minilit lesson run 6
"""

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.title("Lesson 06: deltas and the element tree")
if runs % 2 == 0:
    st.info("On even runs this line is inserted here, and what follows moves down.")
st.text(f"run {runs}: this text is at [0,1] on odd runs and at [0,2] on even runs")
with st.sidebar:
    st.text("the sidebar is root container 1")
left, right = st.columns(2)
left.text("left column")
right.text("right column")
status = st.empty()
for step in range(1, 4):
    status.text(f"step {step} of 3")
status.success("a placeholder keeps one slot: the last value written to it wins")
if runs == 1:
    st.caption("only in the first run: the second run writes something else here")
