import streamlit as st

show = st.checkbox("show field")
if show:
    v = st.text_input("Field", key="field")
    st.text(f"field {v!r}")
st.text(f"state {st.session_state.get('field')!r}")
