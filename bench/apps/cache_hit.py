"""bench/bench_cache.py's app: times st.cache_data on a 10 MB result, inside the script.

Runs unchanged on minilit and on Streamlit 1.67 (``import streamlit`` is minilit
under minilit). Each run: one call whose value may be cached, then HITS timed hits.
"""

import pickle
import time

import streamlit as st

HITS = 20
ROWS = 500_000


@st.cache_data
def blob() -> bytes:
    return bytes(range(256)) * (10 * 2**20 // 256)  # 10 MiB of bytes


@st.cache_data
def records() -> list[tuple[int, str]]:
    return [(i, f"row {i:07d}") for i in range(ROWS)]  # many small objects, ~10 MB pickled


for name, func in (("blob", blob), ("records", records)):
    start = time.perf_counter()
    value = func()
    first_ms = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(HITS):
        start = time.perf_counter()
        func()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    size = len(pickle.dumps(value))
    st.text(f"{name} {size} {first_ms:.3f} {timings[len(timings) // 2]:.3f} {timings[0]:.3f}")
