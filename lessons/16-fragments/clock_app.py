"""Lesson 16: a fragment that reruns itself every half second (run_every)."""

import minilit as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("ticks", 0)
st.session_state.full += 1
st.text(f"full runs: {st.session_state.full}")


@st.fragment(run_every=0.5)
def clock() -> None:
    st.session_state.ticks += 1
    st.text(f"tick {st.session_state.ticks}")


clock()
