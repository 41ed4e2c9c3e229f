# Copy of shared/reference/wire-goldens/tour_app.py (the app recorded in tour.jsonl)
# with `import streamlit as st` rewritten to `import minilit as st`.
import minilit as st

st.title("Hello")
name = st.text_input("Your name", key="name")
clicked = st.button("Greet")
if clicked:
    st.markdown(f"clicked {name}")
ph = st.empty()
ph.text("placeholder 1")
ph.text("placeholder 2")
st.sidebar.checkbox("Show details")
left, right = st.columns(2)
left.write("left")
right.write("right")
"magic string"
x = st.slider("x", 0, 10, 3)
st.write("x is", x)
