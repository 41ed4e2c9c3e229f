"""Lesson 07: widgets.

Type a name (Enter), click Greet, then fill in the form and press Order. Watch what each
action sends in the inspector's Frames tab. Run it with:  minilit lesson run 7
"""

import minilit as st

st.title("Lesson 07: widgets")
log = st.session_state.setdefault("log", [])


def name_changed() -> None:
    log.append(f"callback sees name={st.session_state.name!r}")


name = st.text_input("Your name", key="name", on_change=name_changed)
greet = st.button("Greet")
log.append(f"body sees greet={greet}")
if greet:
    st.success(f"Hello, {name or 'stranger'}!")
with st.form("order"):
    size = st.selectbox("Size", ["S", "M", "L"])
    extra = st.checkbox("Extra cheese")
    ordered = st.form_submit_button("Order")
if ordered:
    st.info(f"Order: size {size}" + (", extra cheese" if extra else ""))
st.caption(" / ".join(log[-3:]))
