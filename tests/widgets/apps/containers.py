# Widgets in every kind of container; tests/widgets/test_containers.py checks the paths.
import minilit as st

st.sidebar.slider("Sidebar slider", 0, 10, 2, key="side")  # [1, 0]
with st.sidebar:
    st.checkbox("Sidebar checkbox", key="side_cb")  # [1, 1]
left, right = st.columns([2, 1])  # [0, 0] + [0, 0, 0], [0, 0, 1]
left.text_input("Left input", key="left")  # [0, 0, 0, 0]
with right:
    st.button("Right button", key="right")  # [0, 0, 1, 0]
box = st.container(border=True)  # [0, 1]
with st.expander("More", expanded=True):  # [0, 2]
    st.toggle("Inside expander", key="exp")  # [0, 2, 0]
box.number_input("In the box, out of order", value=1, key="box")  # [0, 1, 0]
ph = st.empty()  # [0, 3]
inner = ph.container()  # [0, 3] becomes a block
inner.radio("In a placeholder", ["a", "b"], key="ph")  # [0, 3, 0]
st.text(f"values={st.session_state.to_dict()}")  # [0, 4]
