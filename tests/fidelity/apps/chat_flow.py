import streamlit as st

if "history" not in st.session_state:
    st.session_state.history = []

with st.sidebar:
    side = st.chat_input("Ask in the sidebar", key="side", max_chars=20)
    if side:
        st.text(f"sidebar got {side}")

for role, text in st.session_state.history:
    with st.chat_message(role):
        st.markdown(text)

st.chat_message("Ada").text("no avatar, a name")
st.chat_message("robot", avatar="🤖").text("an emoji avatar")
st.chat_message("ai", avatar=":material/smart_toy:", width="content").text("a material avatar")

prompt = st.chat_input("Say something", key="main")
if prompt:
    st.session_state.history.append(("user", prompt))
    st.session_state.history.append(("assistant", f"You said: {prompt}"))
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        st.markdown(f"You said: {prompt}")
st.text(f"this run saw {prompt!r}")

with st.container(border=True):
    inline = st.chat_input("Inline", disabled=True, submit_mode="disable")
st.button("Prefill", on_click=lambda: st.session_state.update(main="draft"))
