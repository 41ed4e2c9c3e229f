import datetime as dt

import streamlit as st

st.button("rerun")
st.text_input("Name", "Ada", disabled=True)
st.slider("Level", 0, 10, 4, disabled=True)
st.checkbox("Agree", True, disabled=True)
st.selectbox("Pick", ["a", "b"], index=1, disabled=True)
st.date_input("Day", dt.date(2024, 5, 17), disabled=True)
st.time_input("Alarm", None, disabled=True)
st.pills("Tags", ["x", "y"], default="y", disabled=True)
st.feedback("thumbs", disabled=True)
live = st.number_input("Live", value=3)
st.text(f"live={live}")
