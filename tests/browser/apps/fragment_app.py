import minilit as st
from tests.browser import gates

st.session_state.setdefault("full", 0)
st.session_state.setdefault("part", 0)
st.session_state.full += 1
st.text(f"full runs: {st.session_state.full}")


@st.fragment
def part() -> None:
    st.session_state.part += 1
    st.text(f"fragment runs: {st.session_state.part}")
    gates.FRAGMENT.wait_here()
    st.text("fragment end")
    st.button("In the fragment")


part()
st.button("Outside")
