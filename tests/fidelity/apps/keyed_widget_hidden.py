"""Issue 12 item 7's reproduction: a keyed slider that a button hides for one run.

1.67 drops the hidden widget's value with its key (the run after the button shows the
initial 5 again, not the 9 the slider was moved to); this app pins minilit to that.
"""

import streamlit as st

if "level" not in st.session_state:
    st.session_state.level = 5
if not st.button("hide the slider"):
    st.slider("Level", 0, 10, key="level")
st.write(st.session_state.get("level"))
st.text(f"keys: {sorted(k for k in st.session_state if not k.startswith('$$'))}")
