import streamlit as st


def moved():
    st.session_state.moves = st.session_state.get("moves", 0) + 1


tabs = st.tabs(["One", "Two", "Three"], key="tabs", on_change="rerun", default="Two")
st.text(f"open tabs: {[t.open for t in tabs]}")
with tabs[2]:
    st.text("third")
exp = st.expander("More", key="more", on_change=moved)
exp.text(f"expander open: {exp.open}")
pop = st.popover("Menu", on_change="rerun")
pop.text(f"popover open: {pop.open}")
st.expander("Plain").text("a plain expander has no open state")
st.text(f"moves: {st.session_state.get('moves', 0)}")
st.text(f"state: {st.session_state.get('tabs')}, {st.session_state.get('more')}")
st.button("Rerun")
st.button("Other tab", on_click=lambda: st.session_state.update(tabs="Three"))
