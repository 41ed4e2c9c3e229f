"""Lesson 10: XSRF and uploads.

A file uploader: the file travels by HTTP PUT to the upload route, not over the
websocket, and that route is what the XSRF double-submit protects. Run it with:
    minilit lesson run 10
"""

import minilit as st

st.title("Lesson 10: XSRF and uploads")
report = st.file_uploader("Your expense report", key="report")
if report is not None:
    st.text(f"Received {report.name}: {report.size} bytes")
