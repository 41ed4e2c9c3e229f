import numpy as np
import pandas as pd
import streamlit as st

df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
st.table(df)
st.table(df.set_index("b"))
st.table(df, border="horizontal", hide_header=True)
st.table(df, border=False, hide_index=False, width=200)
st.table([[1, 2], [3, 4]])
st.table({"k": "v", "n": 3})
st.table(np.array([1.5, 2.5]))
