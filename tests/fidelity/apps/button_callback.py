import streamlit as st

st.session_state.setdefault("log", [])


def note(word):
    st.session_state.log.append(word)


st.button("A", on_click=note, args=("a",))
st.button("B", on_click=note, kwargs={"word": "b"})
st.write(st.session_state.log)
