import streamlit as st

st.title("Title")
st.header("Header")
st.subheader("Subheader")
st.markdown("**bold** and _italic_ and `code`")
st.caption("a caption")
st.text("plain text")
st.divider()
