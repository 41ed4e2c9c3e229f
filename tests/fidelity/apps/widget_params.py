import streamlit as st

st.text_input("Hidden label", label_visibility="hidden")
st.text_input("Collapsed label", label_visibility="collapsed")
st.checkbox("Disabled", disabled=True)
st.slider("Helped", 0, 5, help="a tooltip")
st.selectbox("Disabled select", ["a"], disabled=True)
st.number_input("Helped number", help="tip")
