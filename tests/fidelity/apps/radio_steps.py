import streamlit as st

r = st.radio("Size", ["S", "M", "L"], index=1)
h = st.radio("Row", ["x", "y"], horizontal=True)
st.text(f"{r} {h}")
