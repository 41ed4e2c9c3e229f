import minilit as st

st.title("Counter")
count = st.session_state.get("count", 0) + 1 if hasattr(st, "session_state") else 1
if hasattr(st, "session_state"):
    st.session_state["count"] = count
st.write("This page has rerun", count, "times")
