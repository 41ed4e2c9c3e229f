import streamlit as st

m = st.multiselect("Fruit", ["apple", "pear", "plum"], default=["pear"])
lim = st.multiselect("Max two", ["a", "b", "c"], max_selections=2)
st.write(m, lim)
