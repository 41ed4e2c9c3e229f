"""Lesson 06: one placeholder, a hundred quick updates."""

import minilit as st

slot = st.empty()
for update in range(100):
    slot.text(f"update {update}")
st.text("end")
