import datetime as dt

import streamlit as st

if st.button("Push values"):
    st.session_state.day = dt.date(2024, 7, 4)
    st.session_state.size = "S"
    st.session_state.tags = ["a", "c"]

day = st.date_input("Day", dt.date(2024, 5, 17), key="day", format="DD.MM.YYYY")
st.text(f"day = {day}")
trip = st.date_input("Trip", (dt.date(2024, 5, 1), dt.date(2024, 5, 9)))
st.text(f"trip = {'..'.join(str(d) for d in trip)}")
alarm = st.time_input("Alarm", dt.time(7, 30))
st.text(f"alarm = {alarm}")
color = st.color_picker("Color", "#00f900")
st.text(f"color = {color}")
size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M", key="size")
st.text(f"size = {size}")
when = st.slider("When", value=dt.date(2024, 3, 1))
st.text(f"when = {when}")
tags = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["b"], key="tags")
st.text(f"tags = {tags}")
view = st.segmented_control("View", ["Day", "Week"], default="Day")
st.text(f"view = {view}")
stars = st.feedback("stars")
st.text(f"stars = {stars}")
st.link_button("Docs", "about:blank#docs")
go = st.link_button("Go", "about:blank#go", on_click="rerun")
st.text(f"go = {go}")
