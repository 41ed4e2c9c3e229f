"""Lesson 07: two mistakes with widgets, one per run (each stops its run with an error)."""

import minilit as st

runs = st.session_state["runs"] = st.session_state.get("runs", 0) + 1
if runs == 1:
    st.checkbox("Agree")
    st.checkbox("Agree")  # same type, same parameters, no key: the same id twice
else:
    with st.form("f"):
        st.button("Not a submit button")
        st.form_submit_button("Send")
