import streamlit as st

slot = st.empty()
st.text("below")
if st.button("fill"):
    slot.text("filled")
st.empty()
