"""Lesson 05: remember which thread ran each run (kept in session state)."""

import threading

import minilit as st

threads = st.session_state.setdefault("threads", [])
threads.append(threading.current_thread())
st.text(f"{len(threads)} runs so far, on {len(set(threads))} different threads")
