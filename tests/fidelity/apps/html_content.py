# st.html, and st.write of an object with _repr_html_ (only with unsafe_allow_html).
import streamlit as st


class Card:
    def _repr_html_(self) -> str:
        return "<div class='card'><b>card</b></div>"

    def __str__(self) -> str:
        return "a card"


st.html("<p>Some <b>HTML</b></p>")
st.html("  <p>cleaned</p>  ", width=250)
st.html("<p>content wide</p>", width="content")
st.html("<script>1</script><p>js</p>", unsafe_allow_javascript=True)
st.html("<style>.card { color: red; }</style>")
st.html("<!-- note --><style>p { margin: 0; }</style>")
st.html(Card())
st.html(12)
st.write(Card())
st.write(Card(), unsafe_allow_html=True)
st.write("before", Card(), "after", unsafe_allow_html=True)
st.text("end")
