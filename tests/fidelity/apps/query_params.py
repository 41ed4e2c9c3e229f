# st.query_params: read from the URL, changed by buttons (the oracle's dispatcher sends
# ?app=query_params, so that parameter is part of both pages and must survive).
import streamlit as st

st.write(st.query_params.to_dict())
n = int(st.query_params.get("n", "0"))
if st.button("more"):
    st.query_params["n"] = str(n + 1)
    st.query_params.tags = ["a", "b"]
if st.button("replace"):
    st.query_params.from_dict({"app": "query_params", "only": "this"})
if st.button("update"):
    st.query_params.update({"n": 5}, extra=["x", "y"])
    del st.query_params["only"]
st.text(repr(st.query_params.get_all("tags")) + " " + repr(st.query_params.get_all("extra")))
st.text(str(len(st.query_params)) + " " + str("n" in st.query_params))
