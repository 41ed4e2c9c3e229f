import datetime as dt

import streamlit as st

with st.form("booking", clear_on_submit=True):
    day = st.date_input("Day", dt.date(2024, 5, 17))
    extras = st.pills("Extras", ["tea", "cake"], selection_mode="multi")
    st.form_submit_button("Book")
st.text(f"day = {day}")
st.text(f"extras = {extras}")
