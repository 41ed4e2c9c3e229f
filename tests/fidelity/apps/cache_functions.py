import streamlit as st


@st.cache_data
def rows(n):
    return [{"row": i} for i in range(n)]


@st.cache_data(ttl=3600, max_entries=2)
def square(x, _label="ignored"):
    return x * x


@st.cache_resource
def connection():
    return {"opened": 1}


first = rows(3)
first.append({"row": "mutated"})  # a hit hands out a fresh copy: the cache keeps 3 rows
st.text(f"rows {rows(3)}")
st.text(f"squares {[square(x, _label=str(x)) for x in (1, 2, 3, 2)]}")
conn = connection()
st.text(f"same object {conn is connection()}")
if st.button("clear rows"):
    rows.clear()
    st.text("rows cleared")
