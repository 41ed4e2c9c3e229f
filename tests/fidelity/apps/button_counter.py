import streamlit as st

if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("add"):
    st.session_state.n += 1
st.text(f"count {st.session_state.n}")
st.button("primary", type="primary")
st.button("disabled", disabled=True)
