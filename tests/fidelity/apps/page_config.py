import streamlit as st

st.set_page_config(page_title="Fidelity", layout="wide")
st.title("Wide page")
