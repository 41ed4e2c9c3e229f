import streamlit as st

st.json({"a": [1, 2, 3], "b": None, "c": {"d": True}})
st.json([1, "two", 3.0])
st.json({"folded": 1}, expanded=False)
st.json('{"from": "a string"}')
