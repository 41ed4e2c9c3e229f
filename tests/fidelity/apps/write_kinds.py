import streamlit as st

st.write("a string with **markdown**")
st.write(42)
st.write(3.5)
st.write(True)
st.write(None)
st.write([1, 2, 3])
st.write({"k": "v"})
st.write("several", "arguments", 3)
st.write(ValueError("an error"))
