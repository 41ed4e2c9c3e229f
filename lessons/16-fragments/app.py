"""Lesson 16: a fragment, the part of the page that can rerun on its own.

A counter outside the fragment counts full runs; one inside it counts the fragment's
runs. "Again" is inside the fragment: a click reruns the fragment alone. "Outside" is
not: a click reruns the whole script. The last line of the fragment is written only in
its first run, and later fragment runs take a second, so you can watch the browser fade
it, and then remove it, while the rest of the page stays as it was.
Run it with:  minilit lesson run 16
"""

import time

import minilit as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("part", 0)
st.session_state.full += 1
st.text(f"full runs: {st.session_state.full}")


@st.fragment
def counter() -> None:
    st.session_state.part += 1
    st.text(f"fragment runs: {st.session_state.part}")
    if st.session_state.part > 1:
        time.sleep(1.0)  # long enough to see (and test) what is drawn stale meanwhile
    st.button("Again")
    if st.session_state.part == 1:
        st.text("only in the fragment's first run")


counter()
st.button("Outside")
