"""Lesson 16: a dialog's body runs as a fragment."""

import minilit as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("body", 0)
st.session_state.full += 1
st.text(f"full runs: {st.session_state.full}")


@st.dialog("A dialog")
def ask() -> None:
    st.session_state.body += 1
    st.text(f"body runs: {st.session_state.body}")
    st.button("Inside the dialog")


if st.button("Open"):
    ask()
