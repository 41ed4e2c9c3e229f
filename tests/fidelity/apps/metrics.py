import streamlit as st

st.metric("Temperature", "70 °F", "1.2 °F")
st.metric("Down", 10, -3)
st.metric("Inverse", 5, 2, delta_color="inverse")
st.metric("Off", 5, 2, delta_color="off")
st.metric("No delta", "n/a")
st.metric("Helped", 1.5, help="tip")
