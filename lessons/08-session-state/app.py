"""Lesson 08: session state.

Click Count a few times; type a city and press Enter; press "Reset city"; tick and untick
"Show the note field". Watch the State tab of the inspector (5). Run it with:
minilit lesson run 8
"""

import minilit as st

st.title("Lesson 08: session state")

st.session_state.setdefault("clicks", 0)
if st.button("Count"):
    st.session_state.clicks += 1
st.text(f"clicks so far: {st.session_state.clicks}")

st.text_input("City", key="city")


def reset_city() -> None:
    st.session_state.city = "Paris"  # before the widget exists in the next run: allowed


st.button("Reset city", on_click=reset_city)
st.text(f"st.session_state.city = {st.session_state.city!r}")

if st.checkbox("Show the note field", key="show"):
    st.text_input("Note", key="note")
st.text(f"st.session_state.get('note') = {st.session_state.get('note')!r}")
