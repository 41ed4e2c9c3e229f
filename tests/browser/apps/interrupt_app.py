"""A run a click can interrupt halfway: the first half, a gate, the second half."""

import interrupt_gate as gate

import minilit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.text(f"runs: {st.session_state.runs}")
clicked = st.button("Go")
st.text(f"first half, go={clicked}")
if gate.hold.is_set():
    gate.reached.set()
    gate.release.wait(10)
st.text("second half")
st.checkbox("Last widget")
st.text("end of page")
