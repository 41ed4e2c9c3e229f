import streamlit as st

c = st.checkbox("check me")
t = st.toggle("switch", value=True)
st.text(f"checkbox {c} toggle {t}")
if c:
    st.success("checked")
