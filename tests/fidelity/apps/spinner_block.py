# st.spinner: the block runs; the spinner (a transient element) is gone afterwards,
# so the page holds only what the blocks wrote.
import time

import streamlit as st

st.text("before")
with st.spinner("Working..."):
    st.text("inside the first block")
with st.spinner("Slow", show_time=True, width="stretch"):
    time.sleep(0.7)
with st.sidebar, st.spinner():
    st.text("in the sidebar")
st.text("after")
