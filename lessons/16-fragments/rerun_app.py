"""Lesson 16: st.rerun(scope="fragment") reruns the fragment it is called in, alone."""

import minilit as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("part", 0)
st.session_state.full += 1
st.text(f"full runs: {st.session_state.full}")


@st.fragment
def counter() -> None:
    st.session_state.part += 1
    st.text(f"fragment runs: {st.session_state.part}")
    st.button("Go")
    if st.session_state.part in (2, 3):  # after a click: twice more, the fragment alone
        st.rerun(scope="fragment")


counter()
