import streamlit as st

st.code("x = 1\nprint(x)")
st.code("SELECT 1", language="sql")
st.code("plain", language=None)
st.code("a\nb\nc", line_numbers=True)
st.code("long " * 40, wrap_lines=True)
