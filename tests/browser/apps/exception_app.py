"""An uncaught exception: rendered where the script stopped, with its traceback."""

import minilit as st

st.title("Before the error")


def divide(a: int, b: int) -> float:
    return a / b


divide(1, 0)
st.text("never shown")
