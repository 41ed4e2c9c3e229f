import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"], "c": [1.5, None, 3.0]})
st.dataframe(df)
st.write(df)
st.dataframe(df, hide_index=True, column_order=["b", "a"], width=300, height=200)
st.dataframe(df.set_index("b"), column_config={"a": "Alpha", "c": None}, width="content")
st.dataframe([{"a": 1, "b": 2}, {"a": 3, "b": 4}])
st.dataframe({"x": [1, 2], "y": [3, 4]})
st.dataframe(np.arange(6).reshape(3, 2))
st.dataframe(pa.table({"p": [1, 2], "q": ["u", "v"]}))
st.dataframe(pd.Series([1, 2], name="s"))
st.dataframe(pd.DataFrame({"mixed": [1, "two", 3.0]}))
st.write("Some text", pd.DataFrame({"t": pd.to_datetime(["2024-01-01", "2024-06-30"])}))
df  # noqa: B018  (magic: a bare DataFrame is st.write(df))
st.dataframe(None)
st.dataframe((1, 2, 3))
st.dataframe({"k": 1, "v": "two"})
st.dataframe(pd.DataFrame({"n": [1, 2]}, index=pd.Index(["p", "q"], name="key")))
st.dataframe(pd.DataFrame({"z": [1j, 2]}))
st.dataframe(df, use_container_width=False, row_height=50, placeholder="-")
st.dataframe(np.array([1.5, 2.5]))
st.dataframe(pa.table({"p": [1, 2]}).column("p").combine_chunks())
