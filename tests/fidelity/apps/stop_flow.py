import streamlit as st

st.text("always")
if not st.checkbox("continue"):
    st.stop()
st.text("only when ticked")
