"""Tables and charts for tests/browser/test_data.py."""

import pandas as pd

import minilit as st

df = pd.DataFrame({"name": ["Ada", "Grace", "Linus"], "score": [36, 85, 12]}, index=[7, 8, 9])
st.dataframe(df)
st.dataframe(
    pd.DataFrame({"a": [1, 2], "b": ["x", "y"], "c": [0.5, 1.5]}),
    hide_index=True,
    column_order=["c", "a"],
    column_config={"c": "Cee"},
)
st.table(pd.DataFrame({"k": ["p", "q"], "v": [1.25, None]}))
st.dataframe(pd.DataFrame({"n": range(2500)}))
st.bar_chart({"fruit": ["apple", "pear", "plum"], "count": [3, 5, 2]}, x="fruit", y="count")
st.line_chart(pd.DataFrame({"a": [1, 3, 2], "b": [2, 2, 4]}))
