import streamlit as st

st.sidebar.title("Side")
st.sidebar.text("side text")
with st.sidebar:
    choice = st.radio("Pick", ["a", "b"])
st.text(f"main sees {choice}")
