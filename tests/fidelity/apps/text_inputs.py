import streamlit as st

name = st.text_input("Name", placeholder="your name")
short = st.text_input("Short", max_chars=5)
secret = st.text_input("Password", type="password")
area = st.text_area("Notes", "first line")
st.text(f"{name}|{short}|{len(secret)}|{area}")
