"""Lesson 04: sessions.

Open this app in two tabs and rerun each a few times (R). Each tab is its own session:
its own st.session_state. The helper module's counter is one for the whole server.
Run it with:  minilit lesson run 4
"""

import lesson04_shared as shared

import minilit as st

st.title("Lesson 04: sessions")
st.session_state["runs"] = st.session_state.get("runs", 0) + 1
shared.visits += 1
st.text(f"this tab's session: {st.session_state['runs']} run(s)  (st.session_state)")
st.text(f"every tab together: {shared.visits} run(s)  (a module-level variable)")
st.caption("Reload the page (F5) and the first number starts again: a new session.")
