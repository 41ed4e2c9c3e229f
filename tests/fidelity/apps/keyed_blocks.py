import streamlit as st

a, b = st.tabs(["A", "B"], key="t")
a.text("in a")
with st.popover("Pop", key="p"):
    st.text("in the popover")
with st.expander("Step", type="step", key="e"):
    st.text("in the step")


@st.dialog("Hello", on_dismiss="rerun")
def hello():
    st.text("hi")


hello()
st.chat_input(key="c")
