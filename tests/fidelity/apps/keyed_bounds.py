"""Keyed widgets whose options or bounds change: with a key, 1.67's id ignores them."""

import streamlit as st

narrow = st.checkbox("narrow")
n = st.number_input("n", 0, 5 if narrow else 100, 3, key="n")
st.write("number", n, st.session_state.n)
size = st.radio("size", ["S", "M"] if narrow else ["S", "M", "L"], key="size")
st.write("size", size, st.session_state.size)
