import datetime as dt

import streamlit as st

case = st.radio("case", ["none", "slider", "date slider", "number"], key="case")
if case == "slider":
    st.session_state.sl = 50
if case == "date slider":
    st.session_state.ds = dt.date(2020, 1, 1)
if case == "number":
    st.session_state.n = 50
st.slider("sl", 0, 10, key="sl")
st.slider("ds", value=dt.date(2024, 1, 1), key="ds")
st.number_input("n", 0, 10, key="n")
st.text(f"n={st.session_state.n!r}")
