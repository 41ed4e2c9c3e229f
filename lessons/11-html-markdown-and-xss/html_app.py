"""Lesson 11: Streamlit 1.67's st.html, which sanitizes with DOMPurify. minilit has none."""

from lesson11_payloads import PAYLOADS

import minilit as st

html = getattr(st, "html", None)
if html is None:
    st.text("this server has no st.html")
else:
    for name, payload in PAYLOADS.items():
        html(f"<p>{name}: {payload}</p>")
st.text("end of the payloads")
