"""Counts this session's runs in session state (kept across reconnects)."""

from app_state import count_runs

import minilit as st

st.title("Reruns")
st.text(f"runs: {count_runs()}")
