import streamlit as st

with st.form("note", clear_on_submit=True):
    text = st.text_input("Note")
    st.form_submit_button("Save")
st.text(f"saved {text!r}")
