"""The DataFrame of bench/bench_dataframe.py: 100,000 rows by 5 columns, the same in
every session and on every server (a seeded generator). The wall-clock time just
before st.dataframe is written first, so the client can tell how long the table took
from the call to its last byte."""

import time

import numpy as np
import pandas as pd
import streamlit as st

ROWS = 100_000
rng = np.random.default_rng(0)
df = pd.DataFrame(
    {
        "id": np.arange(ROWS, dtype="int64"),
        "value": rng.standard_normal(ROWS),
        "category": rng.choice(["alpha", "beta", "gamma", "delta"], ROWS),
        "flag": rng.random(ROWS) > 0.5,
        "when": pd.date_range("2024-01-01", periods=ROWS, freq="min"),
    }
)
st.text(repr(time.time()))
st.dataframe(df)
