import datetime as dt

import streamlit as st

day = st.date_input("Day", dt.date(2024, 5, 17))
st.text(f"day={day!r}")
trip = st.date_input(
    "Trip",
    (dt.date(2024, 5, 1), dt.date(2024, 5, 9)),
    min_value=dt.date(2024, 1, 1),
    max_value=dt.date(2024, 12, 31),
    format="DD.MM.YYYY",
    help="Pick a start and an end",
)
st.text(f"trip={trip!r}")
empty = st.date_input("Maybe", value=None, key="maybe", label_visibility="collapsed")
st.text(f"maybe={empty!r}")
iso = st.date_input("From text", "2023-02-28")
st.text(f"iso={iso!r}")
