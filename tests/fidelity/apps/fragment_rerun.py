import streamlit as st

st.title("Fragments")
if "full" not in st.session_state:
    st.session_state.full = 0
    st.session_state.frag = 0
st.session_state.full += 1
st.text(f"full runs: {st.session_state.full}")


@st.fragment
def counter():
    st.session_state.frag += 1
    st.text(f"fragment runs: {st.session_state.frag}")
    if st.button("Again"):
        st.text("clicked")
    st.checkbox("inside")


counter()
st.text("after the fragment")
st.checkbox("outside")
