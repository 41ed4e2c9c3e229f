import minilit as st

for i in range(200):
    st.text(f"line {i}")
