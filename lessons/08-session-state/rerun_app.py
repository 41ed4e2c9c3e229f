"""Lesson 08: a rerun that carries no widget values (st.rerun() from a callback)."""

import minilit as st

st.text_input("City", key="city")


def again() -> None:
    st.rerun()


st.button("Rerun from a callback", on_click=again)
st.text(f"city = {st.session_state.city!r}")
