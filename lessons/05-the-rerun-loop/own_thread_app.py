"""Lesson 05: an st.* call from a thread the script started itself."""

import threading

import minilit as st

st.text("from the script thread")
helper = threading.Thread(target=lambda: st.text("from a thread of my own"))
helper.start()
helper.join()
st.text("done")
