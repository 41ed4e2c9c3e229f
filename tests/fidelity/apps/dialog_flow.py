import streamlit as st


@st.dialog("Cast your vote", icon=":material/how_to_vote:")
def vote(item):
    st.text(f"Why is {item} your favorite?")
    st.text_input("Because...")
    return "ignored"


@st.dialog("Wide one", width="large", dismissible=False, position="right")
def wide():
    st.text("a large dialog")


@st.dialog("Pixels", width=640)
def pixels():
    st.text("640 pixels wide")


st.text(f"vote returned {vote.__name__}")
if st.button("A"):
    st.text(repr(vote("A")))
if st.button("Wide"):
    wide()
if st.button("Pixels"):
    pixels()
st.text("after the buttons")
