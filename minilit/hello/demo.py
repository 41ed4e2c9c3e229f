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

st.header("Widgets")
st.caption("Each change sends the values of *all* widgets to the server, which reruns the script.")
if "clicks" not in st.session_state:
    st.session_state["clicks"] = 0
if st.button("Click me", type="primary"):
    st.session_state["clicks"] += 1


def reset_clicks() -> None:
    # A callback: it runs before the script body, so the count below is already 0.
    st.session_state["clicks"] = 0


st.button("Reset counter", on_click=reset_clicks)
st.write(f"The button was clicked {st.session_state['clicks']} times.")
left, right = st.columns(2)
with left:
    number = st.slider("Pick a number", 0, 100, 42)
    low, high = st.slider("Pick a range", 0.0, 10.0, (2.5, 7.5))
    agree = st.checkbox("I agree")
    loud = st.toggle("Shout")
with right:
    name = st.text_input("Your name", placeholder="Ada")
    scoops = st.number_input("Scoops", min_value=1, max_value=5, value=2)
    flavor = st.selectbox("Flavor", ["vanilla", "chocolate", "strawberry"])
    size = st.radio("Size", ["S", "M", "L"], index=1, horizontal=True)
toppings = st.multiselect("Toppings", ["sprinkles", "nuts", "cherry"], default=["cherry"])
notes = st.text_area("Notes", placeholder="Ctrl+Enter or click outside to apply")
greeting = f"Hello {name or 'stranger'}!"
st.write(greeting.upper() if loud else greeting)
st.write(
    f"number {number}, range {low} to {high}, agree {agree}, {scoops} {size} {flavor} scoops"
    f" with {', '.join(toppings) or 'nothing'}; notes: {notes or '-'}"
)
with st.form("order", clear_on_submit=True):
    st.write("Widgets in a form send nothing until you submit; then the form clears.")
    cones = st.slider("Cones", 1, 10, 1)
    pickup = st.text_input("Pickup name")
    ordered = st.form_submit_button("Order")
if ordered:
    st.success(f"Ordered {cones} cone(s) for {pickup or 'you'}.")

st.sidebar.header("Sidebar")
st.sidebar.write("Elements here have delta paths starting with 1.")

"Bare expressions like this string are written by *magic*."
