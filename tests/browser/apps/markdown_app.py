"""Raw HTML in markdown: escaped by default, rendered with unsafe_allow_html."""

import minilit as st

st.markdown("Escaped: <b id='escaped'>bold?</b> and <img src=x onerror=\"window.pwned=1\">")
st.markdown("Allowed: <b id='allowed'>bold!</b>", unsafe_allow_html=True)
st.markdown("[a script link](javascript:window.pwned=2) and [a real one](https://example.org)")
