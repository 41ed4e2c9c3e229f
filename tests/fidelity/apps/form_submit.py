import streamlit as st

with st.form("order"):
    size = st.selectbox("Size", ["S", "M", "L"])
    extra = st.checkbox("Extra")
    submitted = st.form_submit_button("Order")
st.text(f"submitted={submitted} size={size} extra={extra}")
