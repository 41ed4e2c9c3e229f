"""Lesson 04, slow: a run long enough to be interrupted by a disconnect."""

import time

import minilit as st

for tick in range(100):
    st.text(f"tick {tick}")
    time.sleep(0.02)
st.text("finished")
