"""A button that counts clicks in session state."""

import minilit as st

if "count" not in st.session_state:
    st.session_state["count"] = 0
if st.button("Increment"):
    st.session_state["count"] += 1
st.text(f"count: {st.session_state['count']}")
