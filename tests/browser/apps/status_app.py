# ruff: noqa: B018  (magic writes the bare function below with st.help)
import streamlit as st

from tests.browser import gates

# The spinner block waits until the test sets the gate, so the page is checked while
# the block still runs.


def documented(a, b=2):
    """Adds things.

    Longer text."""
    return a + b


st.text("top")
if st.button("hold spinner"):
    with st.spinner("Holding on", show_time=True):
        gates.SPINNER.wait(20)
if st.button("celebrate"):
    st.toast("Saved **now**", icon="🎉", duration="infinite")
    st.toast("Gone soon", duration=1)
    st.balloons()
    st.snow()
st.latex(r"e^{i\pi} + 1 = 0", help="Euler")
documented
with st.echo():
    st.text("echoed")
st.html("<p class='raw'>Raw <b>HTML</b><img src=x onerror=\"window.pwned = 1\"></p>")
st.html("<style>.raw { color: rgb(255, 0, 0); }</style>")
st.write_stream(["streamed ", "**text**"])
st.write({"as": "json"}, ValueError("written error"))
st.text("bottom")
