import streamlit as st

st.session_state.setdefault("stage", 0)
st.text(f"stage {st.session_state.stage}")
if st.button("next"):
    st.session_state.stage += 1
    st.rerun()
