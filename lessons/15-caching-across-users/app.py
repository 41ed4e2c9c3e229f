"""Lesson 15: one cache for every user of the process, and what each user gets from it.

Open it in two browsers (or two tabs): they are two sessions of one server process,
and the cached functions below are shared by both. Type a different name in each.
Run it with:  minilit lesson run 15
"""

import uuid

import minilit as st


@st.cache_resource
def body_runs() -> dict[str, int]:
    # One dict for the whole process: how many times each cached body below really ran.
    return {"load_rows": 0, "greeting": 0, "greeting_for": 0}


@st.cache_data
def cache_token() -> str:
    # A new value only when the body runs: the page shows whether this run was a hit.
    return str(uuid.uuid4())


@st.cache_data
def load_rows(n: int) -> list[str]:
    body_runs()["load_rows"] += 1
    return [f"row {i}" for i in range(n)]


@st.cache_resource
def guestbook() -> list[str]:
    return []


@st.cache_data
def greeting() -> str:
    # The classic mistake: the user is not an argument, so it is not in the key.
    body_runs()["greeting"] += 1
    return f"Hello, {st.session_state.user}!"


@st.cache_data
def greeting_for(user: str) -> str:
    body_runs()["greeting_for"] += 1
    return f"Hello, {user}!"


st.title("Lesson 15: caching across users")
st.text(f"cache token {cache_token()}")

user = st.text_input("Your name", key="user")

rows = load_rows(3)
book = guestbook()
if st.button("Sign and scribble"):
    rows.append(f"scribbled by {user}")  # this session's copy of the cached list
    book.append(f"signed by {user}")  # the one list every session holds
st.text(f"my rows: {rows}")
st.text(f"load_rows(3) now: {load_rows(3)}")
st.text(f"guestbook: {book}")
st.text(f"load_rows ran {body_runs()['load_rows']} time(s)")

if user:
    st.text(f"wrong: {greeting()}")
    st.text(f"right: {greeting_for(user)}")
