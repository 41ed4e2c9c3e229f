"""Lesson 05: a long run made of st.* calls (each one a checkpoint)."""

import time

import minilit as st

for tick in range(200):
    st.text(f"tick {tick}")
    time.sleep(0.02)
st.text("finished all 200 ticks")
