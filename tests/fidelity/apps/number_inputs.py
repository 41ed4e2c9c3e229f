import streamlit as st

i = st.number_input("int", value=3, min_value=0, max_value=10)
f = st.number_input("float", value=1.5, step=0.5)
n = st.number_input("none", value=None)
g = st.number_input("format", value=2.0, format="%.3f")
st.text(f"{i} {f} {n} {g}")
