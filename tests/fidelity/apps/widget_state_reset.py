import datetime as dt

import streamlit as st

if st.button("bad"):
    st.session_state.d = dt.date(2030, 1, 1)
    st.session_state.s = "zz"
    st.session_state.f = 9
    st.session_state.p = "gone"
    st.session_state.m = ["x", "gone"]
    st.session_state.sel = "gone"
d = st.date_input(
    "d",
    dt.date(2024, 5, 1),
    min_value=dt.date(2024, 1, 1),
    max_value=dt.date(2024, 12, 31),
    key="d",
)
s = st.select_slider("s", ["a", "b"], key="s")
f = st.feedback("stars", key="f")
p = st.pills("p", ["x", "y"], default="y", key="p")
m = st.multiselect("m", ["x", "y"], key="m")
sel = st.selectbox("sel", ["x", "y"], key="sel")
st.text(f"d={d!r} state={st.session_state.d!r}")
st.text(f"s={s!r} state={st.session_state.s!r}")
st.text(f"f={f!r} state={st.session_state.f!r}")
st.text(f"p={p!r} state={st.session_state.p!r}")
st.text(f"m={m!r} state={st.session_state.m!r}")
st.text(f"sel={sel!r} state={st.session_state.sel!r}")
