"""Lesson 09: origins and the websocket.

An app meant for you alone: it shows something private and has a button that acts. Any
page your browser opens can try to open this app's websocket; lesson 09 shows who
succeeds. Run it with:  minilit lesson run 9
"""

import minilit as st

st.title("Lesson 09: origins and the websocket")
st.text("Private: the payroll total is 4,200,000")
if st.button("Send the payroll report", key="send"):
    st.success("Report sent: the button was clicked over this websocket")
