import streamlit as st

one, two, three = st.tabs(["One", "Two", "Three"])
one.text("in the first tab")
with two:
    st.text("in the second tab")
    a, b = st.columns(2)
    a.text("left")
    b.text("right")
inner_a, inner_b = three.tabs(["Inner A", "Inner B"], default="Inner B", width=400)
inner_b.text("nested tab")
st.tabs(["Tall"], height=200, key="tall")
if st.button("Add a tab"):
    for tab in st.tabs(["x", "y"]):
        tab.text("added")
st.text("after the tabs")
