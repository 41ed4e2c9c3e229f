"""Lesson 08: a run that stops before a widget does not take the widget's value away."""

import minilit as st

if st.checkbox("Stop before the note", key="halt"):
    st.stop()
st.text_input("Note", key="note")
st.text(f"the script reads note = {st.session_state.note!r}")
