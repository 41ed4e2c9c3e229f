import datetime as dt

import streamlit as st

if st.button("push"):
    st.session_state.day = dt.date(2024, 7, 4)
    st.session_state.trip = (dt.date(2024, 2, 1),)
    st.session_state.alarm = dt.time(6, 15)
    st.session_state.color = "#abcdef"
    st.session_state.size = "L"
    st.session_state.band = (1, 3)
    st.session_state.when = dt.date(2024, 3, 5)
    st.session_state.tags = ["c", "a"]
    st.session_state.view = None
    st.session_state.stars = 4

st.date_input("Day", dt.date(2024, 5, 17), key="day")
st.date_input("Trip", (dt.date(2024, 1, 1), dt.date(2024, 1, 9)), key="trip")
st.time_input("Alarm", dt.time(7, 30), key="alarm")
st.color_picker("Color", "#00f900", key="color")
st.select_slider("Size", ["S", "M", "L"], value="M", key="size")
st.select_slider("Band", [0, 1, 2, 3], value=(0, 2), key="band")
st.slider("When", value=dt.date(2024, 3, 1), key="when")
st.pills("Tags", ["a", "b", "c"], selection_mode="multi", key="tags")
st.segmented_control("View", ["Day", "Week"], default="Day", key="view")
st.feedback("stars", key="stars")
for name, value in sorted(st.session_state.to_dict().items()):
    st.text(f"{name}={value!r}")
