import streamlit as st

box = st.container()
st.text("after the container")
box.text("in the container")
with st.expander("Closed"):
    st.text("hidden inside")
with st.expander("Open", expanded=True):
    st.text("shown inside")
    with st.container():
        st.text("nested")
