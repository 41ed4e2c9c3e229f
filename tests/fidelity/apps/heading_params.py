import streamlit as st

st.title("No anchor", anchor=False)
st.title("Custom anchor", anchor="here")
st.header("With help", help="a tooltip")
st.header("Divided", divider=True)
st.subheader("Blue", divider="blue")
st.subheader("Rainbow", divider="rainbow")
