import datetime as dt

import streamlit as st

with st.form("booking", clear_on_submit=True):
    day = st.date_input("Day", dt.date(2024, 5, 17))
    at = st.time_input("At", dt.time(9, 0))
    size = st.select_slider("Size", ["S", "M", "L"], value="M")
    extras = st.pills("Extras", ["tea", "cake"], selection_mode="multi")
    rating = st.feedback("faces")
    color = st.color_picker("Color", "#aa0000")
    sent = st.form_submit_button("Book")
st.text(f"sent={sent} day={day} at={at} size={size} extras={extras} rating={rating} color={color}")
