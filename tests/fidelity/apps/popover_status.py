import streamlit as st

with st.popover("Settings", icon=":material/settings:", help="Open me"):
    st.text("inside the popover")
    flag = st.checkbox("Flag")
pop = st.popover("Wide", type="primary", use_container_width=True, key="wide")
pop.text("written later")
st.popover("Off", disabled=True, width=200)
st.text(f"flag is {flag}")

with st.status("Working...") as status:
    st.text("step one")
with st.status("Explicit", expanded=True, state="complete"):
    st.text("done already")
s = st.status("Updated")
s.update(label="Renamed", state="error", expanded=True)
s.text("after the update")
st.status("Compact", type="compact", width=300)
with st.expander("Step one", type="step", key="s1"):
    st.text("a step")
st.expander("Compact expander", type="compact")
try:
    with st.status("Failing"):
        raise ValueError("inside the status")
except ValueError:
    st.text("caught")
if st.button("Again"):
    with st.status("On click") as again:
        st.text("clicked")
        again.update(label="Clicked once")
