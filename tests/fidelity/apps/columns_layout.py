import streamlit as st

a, b, c = st.columns(3)
a.text("left")
b.text("middle")
with c:
    st.text("right")
wide, narrow = st.columns([2, 1])
wide.markdown("wide")
narrow.markdown("narrow")
x, y = st.columns(2, gap="large")
x.text("gap large")
