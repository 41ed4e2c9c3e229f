"""Lesson 05: a run that spends 1.2 s in pure Python, with no st.* call inside."""

import time

import minilit as st

st.text("before the busy loop")
deadline = time.monotonic() + 1.2
spins = 0
while time.monotonic() < deadline:  # no st.* call in here: no checkpoint
    spins += 1
st.text(f"after the busy loop ({spins} spins)")
