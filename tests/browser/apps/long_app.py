"""A long run, to press Stop during."""

import time

import minilit as st

st.title("Counting slowly")
for line in range(100):
    st.text(f"line {line}")
    time.sleep(0.1)
st.text("finished all lines")
