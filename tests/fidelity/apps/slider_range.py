import streamlit as st

low, high = st.slider("range", 0, 100, (20, 80))
st.text(f"{low}-{high}")
