import streamlit as st

st.text("read: " + str(st.query_params.to_dict()))
if st.button("set n"):
    st.query_params["n"] = "7"
if st.button("clear"):
    st.query_params.clear()
st.text("now: " + str(st.query_params.to_dict()))
