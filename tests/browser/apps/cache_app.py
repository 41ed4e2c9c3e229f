import uuid

import minilit as st


@st.cache_data
def token() -> str:
    # A new value only when computed: the page shows whether this run was a hit.
    return uuid.uuid4().hex


@st.cache_resource
def shared() -> dict[str, int]:
    return {"runs": 0}


shared()["runs"] += 1
st.markdown(f"token {token()}")
st.markdown(f"runs since the cache was cleared: {shared()['runs']}")
