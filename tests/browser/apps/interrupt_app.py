"""A run a click can interrupt halfway: the first half, a gate, the second half."""

import minilit as st
from tests.browser import gates

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.text(f"runs: {st.session_state.runs}")
clicked = st.button("Go")
st.text(f"first half, go={clicked}")
gates.INTERRUPT.wait_here()
st.text("second half")
st.checkbox("Last widget")
st.text("end of page")
