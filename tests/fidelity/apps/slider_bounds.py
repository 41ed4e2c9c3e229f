import streamlit as st

rev = st.slider("Reversed bounds", 10, 0)
out = st.slider("Value outside", 0, 10, 15)
band = st.slider("Reversed range", 0, 100, (70, 20))
whole = st.slider("Empty range", 0, 10, [])
st.text(f"{rev} {out} {band} {whole}")
