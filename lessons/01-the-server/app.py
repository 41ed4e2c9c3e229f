"""Lesson 01: the server.

A page with nothing interactive on purpose: load it, reload it, press R, and watch what
travels over HTTP (the browser's network panel) and what over the websocket (the
inspector). Run it with:  minilit lesson run 1
"""

import minilit as st

st.title("Lesson 01: the server")
st.markdown(
    "This page came from **one** `index.html` plus its JavaScript and CSS. "
    "Everything you see below arrived over a websocket, not as HTML."
)
st.text("Press R (rerun) and watch the browser's network panel: no new HTTP request.")
st.caption("Port, routes and the port search: minilit/server/server.py")
