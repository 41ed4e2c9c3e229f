import streamlit as st

st.session_state.setdefault("changes", 0)


def changed():
    st.session_state.changes += 1


st.text_input("Watch", key="watched", on_change=changed)
st.checkbox("Watch too", on_change=changed)
st.text(f"changes {st.session_state.changes}")
