"""Lesson 15: ttl, max_entries, and the arguments a cache cannot (or should not) hash.

Run it with:  minilit run lessons/15-caching-across-users/limits_app.py
"""

import threading

import pandas as pd

import minilit as st


@st.cache_resource
def body_runs() -> dict[str, int]:
    return {"square": 0, "stamp": 0, "lookup": 0, "total": 0}


@st.cache_data(max_entries=2)
def square(x: int) -> int:
    body_runs()["square"] += 1
    return x * x


@st.cache_data(ttl=2)
def stamp() -> int:
    body_runs()["stamp"] += 1
    return body_runs()["stamp"]


@st.cache_data
def lookup(_conn: threading.Lock, table: str) -> str:
    # _conn is not hashed: every connection shares the entry of a table.
    body_runs()["lookup"] += 1
    return f"rows of {table}"


@st.cache_data
def total(df: pd.DataFrame) -> int:
    body_runs()["total"] += 1
    return int(df["x"].sum())


@st.cache_data
def fetch(conn: threading.Lock, table: str) -> str:
    return f"rows of {table}"


numbers = st.text_input("Numbers to square, comma-separated", key="numbers") or ""
for part in numbers.split(","):
    if part.strip():
        square(int(part))
st.text(f"square ran {body_runs()['square']} time(s)")
st.text(f"stamp {stamp()}")
st.text(f"{lookup(threading.Lock(), 'users')}; lookup ran {body_runs()['lookup']} time(s)")
frame = pd.DataFrame({"x": range(100)})  # a new object at every run
changed = frame.copy()
changed.loc[50, "x"] = -1  # a row that the frame's printout leaves out
st.text(f"totals {total(frame)} {total(changed)}; total ran {body_runs()['total']} time(s)")
if st.checkbox("Pass a lock to fetch", key="lock"):
    fetch(threading.Lock(), "users")
