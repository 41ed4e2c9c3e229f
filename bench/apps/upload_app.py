"""bench/bench_upload.py's app: a file uploader and a 10 MB download (minilit or Streamlit)."""

try:
    import minilit as st
except ImportError:  # the same file under real Streamlit
    import streamlit as st  # type: ignore[no-redef]

f = st.file_uploader("File")
st.text("none" if f is None else f"{f.name} {f.size}")
st.download_button("Get", bytes(10 * 1024 * 1024), file_name="big.bin")
