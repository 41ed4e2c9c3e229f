"""Lesson 16: one fragment function called in two places is two fragments."""

import minilit as st


@st.fragment
def clock() -> None:
    st.text("a fragment")


clock()
with st.sidebar:
    clock()
