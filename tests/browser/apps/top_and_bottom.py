"""Elements at the top of the page, then more below: nothing here waits."""

import minilit as st

st.title("Top of the page")
st.button("Top button")
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.text("middle")
st.text("bottom")
st.text("done")
st.text(f"run {st.session_state.runs}")
