import streamlit as st

c = st.selectbox("Color", ["red", "green", "blue"])
n = st.selectbox("Number", [1, 2, 3], index=None, placeholder="pick one")
f = st.selectbox("Formatted", [1, 2], format_func=lambda v: f"item {v}")
st.text(f"{c} {n} {f}")
