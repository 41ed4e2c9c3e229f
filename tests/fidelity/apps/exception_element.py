import streamlit as st

st.text("before")
st.exception(ValueError("shown, not raised"))
st.text("after")
