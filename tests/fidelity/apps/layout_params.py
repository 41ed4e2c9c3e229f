import streamlit as st

with st.container(horizontal=True, gap="large", horizontal_alignment="right"):
    st.button("one")
    st.button("two")
with st.container(height=150):
    st.text("scrolls")
with st.container(border=False, gap=None, vertical_alignment="center", width="content"):
    st.text("no gap")
with st.container(gap=12, width=300):
    st.text("pixel gap")
a, b, c = st.columns([1, 2, 1], gap="medium", vertical_alignment="bottom", border=True)
a.text("left")
b.text("middle")
c.text("right")
with st.expander("With icon", icon=":material/info:"):
    st.text("inside")
with st.expander("Emoji", icon="🔥", expanded=True):
    st.text("hot")
with st.form("sized", height=200, width="content", border=False):
    st.text_input("in form")
    st.form_submit_button("send", use_container_width=True)
