"""Lesson 11: the same payloads as Markdown, escaped and with unsafe_allow_html=True.

The app author wrote these strings. The question is what the browser does with each:
show it as text, drop the dangerous part, or run it.
Run it with:  minilit lesson run 11
"""

from lesson11_payloads import LINKS, PAYLOADS

import minilit as st

st.title("Lesson 11: HTML, Markdown and XSS")
unsafe = st.checkbox("unsafe_allow_html=True")
for name, payload in {**PAYLOADS, **LINKS}.items():
    st.markdown(f"**{name}**: {payload}", unsafe_allow_html=unsafe)
st.text("end of the payloads")
