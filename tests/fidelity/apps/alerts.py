import streamlit as st

st.info("info")
st.success("success")
st.warning("warning")
st.error("error")
st.info("with icon", icon="ℹ️")  # noqa: RUF001
st.error("**markdown** in an alert")
