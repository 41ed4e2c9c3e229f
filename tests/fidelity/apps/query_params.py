# st.query_params: read from the URL, changed by a button (the oracle's dispatcher sends
# ?app=query_params, so that parameter is part of both pages).
import streamlit as st

st.write(st.query_params.to_dict())
n = int(st.query_params.get("n", "0"))
if st.button("more"):
    st.query_params["n"] = str(n + 1)
    st.query_params.tags = ["a", "b"]
st.text(repr(st.query_params.get_all("tags")))
st.text(str(len(st.query_params)) + " " + str("n" in st.query_params))
