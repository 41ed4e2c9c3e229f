# ruff: noqa: B018  (the bare 1 / 0 is the point)
import streamlit as st

st.text("before the error")
if st.button("break"):
    1 / 0
st.text("after the button")
