import streamlit as st

if "level" not in st.session_state:
    st.session_state.level = 5
st.slider("Level", 0, 10, key="level")


def reset():
    st.session_state.level = 0


st.button("reset", on_click=reset)
st.text(f"level {st.session_state.level}")
