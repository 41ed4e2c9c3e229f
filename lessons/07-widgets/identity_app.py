"""Lesson 07: three sliders whose labels (and one maximum) change when you flip."""

import minilit as st

flipped = st.session_state.get("flipped", False)
st.slider("Volume" if not flipped else "Loudness", 0, 10, 5)  # no key
st.slider("Bass" if not flipped else "Low end", 0, 10, 5, key="bass")
st.slider("Treble", 0, 20 if flipped else 10, 5, key="treble")


def flip() -> None:
    st.session_state.flipped = not flipped


st.button("Flip", on_click=flip)
