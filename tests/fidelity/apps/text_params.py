import streamlit as st

st.text("""
    indented text
        keeps inner indent
""")
st.markdown(
    """
    # Dedented heading

    a paragraph
""",
    width=400,
    text_alignment="center",
)
st.markdown("no anchors ## here", anchors=False)
st.caption("  caption  ", text_alignment="right", width="content")
st.text("not wrapped", wrap=False)
st.title("  Title  ", icon="🎈", width="content", text_alignment="center")
st.header(
    "Header",
    divider=True,
    anchor=False,
    help="""
    a help text
    over two lines
""",
)
st.subheader("Sub", divider="rainbow", text_alignment="justify")
st.code("\nx = 1\n", language=None, height=120, width=500)
st.code("y = 2", line_numbers=True, height="stretch")
st.json({"a": 1}, width=300)
st.progress(30, width=200)
st.divider(width=250)
st.error("  boxed  ", title="  Oops  ", width=400)
st.info("info", icon=":material/info:")
