"""Lesson 14: DataFrames and a chart, each one carried as Arrow bytes in a protobuf frame.

Every element below is a DataFrame on the wire: a table with a named index, the same
kind of table as a plain HTML table, a column that mixes numbers and text, a line
chart of two columns, and a thousand rows of numbers to weigh against JSON.
Run it with:  minilit lesson run 14
"""

import pandas as pd

import minilit as st

st.title("Lesson 14: a DataFrame on the wire")

cities = pd.DataFrame(
    {"country": ["Portugal", "Kenya", "Peru"], "population": [545_796, 4_397_073, 9_943_800]},
    index=pd.Index(["Lisbon", "Nairobi", "Lima"], name="city"),
)
st.dataframe(cities)
st.table(cities)

mixed = pd.DataFrame({"answer": [42, "forty-two", 4.2]})
st.dataframe(mixed)

trend = pd.DataFrame({"a": [1, 3, 2, 4], "b": [2, 2, 3, 1]})
st.line_chart(trend)

rows = 1000
numbers = pd.DataFrame(
    {
        "step": range(rows),
        "x": [i / 7 for i in range(rows)],
        "y": [(i * i) / 13 for i in range(rows)],
    }
)
st.dataframe(numbers)
