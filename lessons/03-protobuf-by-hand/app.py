"""Lesson 03: protobuf by hand.

Four elements whose frames the lesson decodes byte by byte. Element [0,3] is the same
st.text call as in the recorded Streamlit 1.67 session (streamlit-1.67/tour.jsonl), so
the two frames can be laid side by side. Run it with:  minilit lesson run 3
"""

import minilit as st

st.title("Lesson 03: protobuf by hand")
st.markdown("Open a frame in the inspector (`2`, then `enter`): fields on the left, bytes right.")
st.text("x" * 200)  # a body longer than 127 bytes: its length takes two varint bytes
st.text("placeholder 2")
st.progress(42)
