import streamlit as st

st.markdown("# A markdown heading")
st.markdown("<b>html</b>", unsafe_allow_html=True)
st.markdown("with help", help="tip")
st.markdown("line one\nline two")
st.caption("caption with <i>html</i>", unsafe_allow_html=True)
st.text("text with help", help="tip")
