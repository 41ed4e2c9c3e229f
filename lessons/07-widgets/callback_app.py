"""Lesson 07: a callback that writes to the page."""

import minilit as st


def ticked() -> None:
    st.text("written by the callback")


st.title("Callbacks run before the script")
st.checkbox("Tick me", key="tick", on_change=ticked)
