# st.echo: the block's source shown above (default) or below what it writes.
import streamlit as st

with st.echo():
    st.text("written by the echoed block")

    def twice(x):
        return 2 * x


with st.echo(code_location="below"):
    value = twice(21)
    st.write("value is", value)

st.text("after")
