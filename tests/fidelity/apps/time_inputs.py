import datetime as dt

import streamlit as st

alarm = st.time_input("Alarm", dt.time(7, 30))
st.text(f"alarm={alarm!r}")
fine = st.time_input("Fine", dt.time(12, 0, 15), step=30, help="to the half minute")
st.text(f"fine={fine!r}")
later = st.time_input("Later", None, key="later", step=dt.timedelta(hours=1), format="12h")
st.text(f"later={later!r}")
