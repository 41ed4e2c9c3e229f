import streamlit as st

st.session_state.setdefault("items", [])
if st.button("append"):
    st.session_state["items"].append(len(st.session_state["items"]))
for item in st.session_state["items"]:
    st.text(f"item {item}")
st.text("end")
