"""A form: its widgets send nothing until the submit button is pressed."""

from app_state import count_runs

import minilit as st

runs = count_runs()
with st.form("order"):
    item = st.text_input("Item")
    quantity = st.slider("Quantity", 1, 10, 1)
    submitted = st.form_submit_button("Order")
st.text(f"runs = {runs}")
if submitted:
    st.text(f"ordered {quantity} x {item}")

with st.form("feedback", clear_on_submit=True):
    comment = st.text_input("Comment")
    sent = st.form_submit_button("Send")
if sent:
    st.text(f"thanks for: {comment}")
