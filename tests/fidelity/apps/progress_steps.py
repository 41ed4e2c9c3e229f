import streamlit as st

if "p" not in st.session_state:
    st.session_state.p = 0
if st.button("step"):
    st.session_state.p = min(100, st.session_state.p + 30)
st.progress(st.session_state.p)
st.progress(st.session_state.p / 100, text=f"{st.session_state.p}%")
