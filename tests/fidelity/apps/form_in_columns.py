import streamlit as st

left, right = st.columns(2)
with left, st.form("f"):
    n = st.number_input("n", value=1)
    st.form_submit_button("go")
right.text(f"n is {n}")
