# st.toast (durations, icons), st.balloons and st.snow: one-shot elements in the page.
import streamlit as st

st.toast("Saved!", icon="🎉")
st.toast("  Takes **longer**  ", duration="long")
st.toast("Seven seconds", duration=7, icon=":material/timer:")
st.toast("Until closed", duration="infinite")
msg = st.toast("First text")
msg.toast("Replaced text")
st.balloons()
st.snow()
st.text("after the celebrations")
if st.button("notify"):
    st.toast("Clicked", icon=":material/check:")
    with st.spinner("Saving"):
        st.text("saved")
