import streamlit as st

color = st.color_picker("Color", "#00f900")
st.text(f"color={color!r}")
plain = st.color_picker("Plain", key="plain", label_visibility="hidden")
st.text(f"plain={plain!r}")
stars = st.feedback("stars")
st.text(f"stars={stars!r}")
thumbs = st.feedback("thumbs", default=1, key="thumbs")
st.text(f"thumbs={thumbs!r}")
st.link_button("Docs", "https://example.com/docs", icon="📖")
go = st.link_button("Go", "https://example.com", on_click="rerun", type="primary", key="go")
st.text(f"go={go!r}")
