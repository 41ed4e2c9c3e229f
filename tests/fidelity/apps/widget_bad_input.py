import datetime as dt

import streamlit as st

case = st.selectbox("case", ["none", "date", "pills", "color", "key", "time"])
if case == "date":
    st.date_input("d", dt.date(2020, 1, 1), min_value=dt.date(2021, 1, 1))
elif case == "pills":
    st.pills("p", ["a", "b"], default="z")
elif case == "color":
    st.color_picker("c", "red")
elif case == "key":
    st.date_input("a", key="k")
    st.color_picker("b", key="k")
elif case == "time":
    st.time_input("t", dt.time(1, 0), step=0)
st.text("after")
