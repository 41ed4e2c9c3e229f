import datetime as dt

import streamlit as st

when = st.slider("When", value=dt.date(2024, 3, 1))
st.text(f"when={when!r}")
hours = st.slider("Hours", value=(dt.time(9, 0), dt.time(17, 0)))
st.text(f"hours={hours!r}")
stamp = st.slider(
    "Stamp",
    min_value=dt.datetime(2024, 1, 1, 8, 0),
    max_value=dt.datetime(2024, 1, 1, 20, 0),
    value=dt.datetime(2024, 1, 1, 12, 0),
    step=dt.timedelta(hours=1),
    format="HH:mm",
)
st.text(f"stamp={stamp!r}")
