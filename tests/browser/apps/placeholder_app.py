"""st.empty(): one slot, rewritten several times during a run."""

import time

import minilit as st

st.text("above the placeholder")
slot = st.empty()
for tick in range(1, 6):
    slot.text(f"tick {tick}")
    time.sleep(0.4)
slot.markdown("**done**")
st.text("below the placeholder")
