"""Lesson 05: a loop that swallows every exception, the stop request included."""

import time

import minilit as st

swallowed = 0
for tick in range(100):
    try:
        st.text(f"tick {tick}")
    except Exception:  # the trap: this also catches the StopException of a Stop
        swallowed += 1
    time.sleep(0.02)  # ... so the loop goes on: two more seconds of work after Stop
