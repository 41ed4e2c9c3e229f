# st.latex: Markdown of type LATEX with the TeX between $$ lines.
import streamlit as st

st.latex(r"e^{i\pi} + 1 = 0")
st.latex(
    r"""
    a + ar + a r^2 + a r^3 + \cdots + a r^{n-1} =
    \sum_{k=0}^{n-1} ar^k
    """
)
st.latex(r"\frac{1}{2}", help="One half")
st.latex(r"x^2", width=300)
st.latex(r"y", width="content")
st.latex(42)
