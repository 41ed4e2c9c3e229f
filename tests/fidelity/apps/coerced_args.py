import streamlit as st

st.checkbox(5, help=7)
st.text_input(
    3.5,
    help="""
    indented
    help
""",
)
st.slider(True, 0, 3)
st.selectbox(("a", "tuple"), ["x"], help=["a", "list"])
st.number_input(None)
st.button(42, help=0)
st.text(["a", "list"], help=3)
st.caption(1.25)
st.metric(7, 8, help=9)
