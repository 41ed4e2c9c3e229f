"""Lesson 02: the websocket.

Each line below leaves the server as its own binary websocket frame, while the script is
still running: watch them arrive one by one. Run it with:  minilit lesson run 2
"""

import time

import minilit as st

st.title("Lesson 02: the websocket")
st.markdown("Each line below is one **ForwardMsg**, sent as one binary frame.")
for line in range(1, 4):
    st.text(f"line {line}: sent before the script sleeps for 0.1 s")
    time.sleep(0.1)
st.success("The run is over: the last two frames were script_finished and 'not running'.")
