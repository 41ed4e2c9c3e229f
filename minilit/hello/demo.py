"""The minilit demo: a tour of what a Streamlit-style script can do.

Run it with ``minilit hello`` (or ``minilit inspect`` to watch its internals).
Every interaction reruns this whole file, top to bottom.
"""

import time

import minilit as st

st.set_page_config(page_title="minilit demo", page_icon="🎈")

st.title("minilit demo")
st.caption("Every click reruns this script from the top. Watch it in the inspector.")

st.header("Text elements")
st.markdown("Markdown with **bold**, *italics* and `code`. Raw <b>HTML</b> stays escaped.")
st.text("Plain text, never interpreted.")
st.code("import minilit as st\nst.write('hello')", language="python")
st.json({"delta_path": [0, 5], "element": "json"})

st.header("Status")
st.info("An info box.")
st.success("It worked.")
st.warning("Careful.")
st.error("Something went wrong (not really).")
left, middle, right = st.columns(3)
left.metric("Reruns", "42", "+3")
middle.metric("Latency", "1.2 ms", "-0.4 ms", delta_color="inverse")
right.metric("Sessions", "1")

st.header("Placeholders")
placeholder = st.empty()
for step in range(3):
    placeholder.text(f"step {step + 1} of 3")
    time.sleep(0.05)
bar = st.progress(0, text="working...")
for percent in (25, 50, 75, 100):
    bar.progress(percent, text=f"{percent}%")

with st.expander("What is a delta path?"):
    st.write("Each element's address: `[root, *blocks, index]`. This text is at", [0, 16, 0])

st.sidebar.header("Sidebar")
st.sidebar.write("Elements here have delta paths starting with 1.")

"Bare expressions like this string are written by *magic*."
