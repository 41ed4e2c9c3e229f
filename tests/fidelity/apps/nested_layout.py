import streamlit as st

with st.sidebar:
    left, right = st.columns(2)
    left.text("side left")
    right.text("side right")
with st.expander("Grid", expanded=True):
    a, b = st.columns(2)
    with a:
        st.metric("A", 1)
    with b, st.container(border=True):
        st.text("bordered")
