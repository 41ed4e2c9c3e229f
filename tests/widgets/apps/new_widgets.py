import datetime as dt

import streamlit as st

if st.button("push", key="push"):
    st.session_state.day = dt.date(2024, 7, 4)
    st.session_state.alarm = dt.time(6, 15)
    st.session_state.color = "#abcdef"
    st.session_state.size = "L"
    st.session_state.when = dt.date(2024, 3, 5)
    st.session_state.tags = ["c", "a"]
    st.session_state.stars = 4

values = {
    "day": st.date_input("Day", dt.date(2024, 5, 17), key="day"),
    "trip": st.date_input("Trip", (dt.date(2024, 5, 1), dt.date(2024, 5, 9)), key="trip"),
    "alarm": st.time_input("Alarm", dt.time(7, 30), key="alarm"),
    "color": st.color_picker("Color", "#00f900", key="color"),
    "size": st.select_slider("Size", ["S", "M", "L"], value="M", key="size"),
    "when": st.slider("When", value=dt.date(2024, 3, 1), key="when"),
    "tags": st.pills("Tags", ["a", "b", "c"], selection_mode="multi", key="tags"),
    "view": st.segmented_control("View", ["Day", "Week"], default="Day", key="view"),
    "stars": st.feedback("stars", key="stars"),
    "go": st.link_button("Go", "https://example.com", on_click="rerun", key="go"),
}
for name, value in values.items():
    st.text(f"{name}={value!r}")
