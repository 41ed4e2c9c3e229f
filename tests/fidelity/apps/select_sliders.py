import streamlit as st

size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
st.text(f"size={size!r}")
low, high = st.select_slider("Band", options=range(10), value=(2, 7), format_func=lambda n: f"#{n}")
st.text(f"band={low}-{high}")
first = st.select_slider("First", ["red", "green"], key="first", help="no value: the first")
st.text(f"first={first!r}")
