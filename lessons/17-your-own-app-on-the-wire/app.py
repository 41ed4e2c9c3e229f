"""Lesson 17: an everyday app, written for Streamlit, watched on both servers.

It says `import streamlit`, as your own app does: minilit runs it unchanged, and real
Streamlit runs the very same file behind minilit's decoding proxy.
Run it with:  minilit lesson run 17
"""

import streamlit as st

st.title("Lesson 17: your own app on the wire")
if "done" not in st.session_state:
    st.session_state.done = 0
if st.button("Finish a task"):
    st.session_state.done += 1
st.write("Tasks finished:", st.session_state.done)
name = st.text_input("Your name")
level = st.slider("Level", 0, 10, 3)
st.write(f"Hello, {name or 'nobody'}: level {level}")
