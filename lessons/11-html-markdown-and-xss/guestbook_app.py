"""Lesson 11: where the line is. The author's HTML is fine; a user's is not.

The greeting below is the app author's HTML. The name is what a user typed: put into
the same unsafe_allow_html markdown, it is the user's HTML now.
"""

import html

import minilit as st

st.title("Guestbook")
st.markdown("<p style='color: green'>Welcome, sign below.</p>", unsafe_allow_html=True)
name = st.text_input("your name")
if name:
    # The bug: a user's text inside unsafe_allow_html.
    st.markdown(f"Unsafe: hello, <b>{name}</b>!", unsafe_allow_html=True)
    # The fix: escape it (or leave unsafe_allow_html off and use markdown's **bold**).
    st.markdown(f"Escaped: hello, <b>{html.escape(name)}</b>!", unsafe_allow_html=True)
st.text("end of the guestbook")
