import streamlit as st

i = st.slider("int", 0, 10, 5)
f = st.slider("float", 0.0, 1.0, 0.25, step=0.05)
st.text(f"{i} {f}")
