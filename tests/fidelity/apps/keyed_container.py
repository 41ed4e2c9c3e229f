import streamlit as st

with st.container(key="box", border=True):
    st.text("in a keyed container")
st.container(key=7).text("an int key")
with st.expander("Keyed", key="more"):
    st.text("in a keyed expander")
