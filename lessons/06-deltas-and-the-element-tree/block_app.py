"""Lesson 06: a placeholder that becomes a container, then an element again."""

import minilit as st

slot = st.empty()
box = slot.container()
box.text("inside the container")
slot.text("the slot holds a text again")
