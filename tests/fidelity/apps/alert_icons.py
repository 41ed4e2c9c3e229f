import streamlit as st

st.error("🚨 Error occurred")
st.success("✅ Done")
st.warning("⚠️ Careful - slippery")
st.info(":material/info: With a Material icon")
st.info(":material/: not an icon")
st.success("👍🏽 thumbs")
st.error("🇫🇷 flag")
st.info("👩‍💻 coder")
st.warning("No icon here")
st.error("🔥", icon="🚨")
st.info("🎈_underscore")
