"""Lesson 08: one session-state mistake per run; each one is shown where it happened."""

import minilit as st

run = st.session_state["run"] = st.session_state.get("run", 0) + 1
if run == 1:
    st.text_input("City", key="city")
    st.session_state.city = "Rome"  # too late: the widget already exists in this run
elif run == 2:
    st.session_state.go = True
    st.button("Go", key="go")  # a button's value cannot be set
elif run == 3:
    st.text(st.session_state.never_set)  # never initialized
elif run == 4:
    st.session_state.level = 3
    st.slider("Level", 0, 10, 5, key="level")  # a default *and* a session-state value
    st.text(f"level = {st.session_state.level}")
else:
    st.session_state["$$ID-reserved"] = 1
