import streamlit as st

a = st.text_input("Same", key="first")
b = st.text_input("Same", key="second")
st.text(f"{a}|{b}")
