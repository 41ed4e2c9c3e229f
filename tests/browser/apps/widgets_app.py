"""Every widget minilit has, each followed by the value the script sees."""

import minilit as st

x = st.slider("x", 0, 10, 3)
st.text(f"x = {x}")
low, high = st.slider("range", 0, 100, (20, 80))
st.text(f"range = {low}..{high}")
agree = st.checkbox("I agree")
st.text(f"agree = {agree}")
power = st.toggle("Power")
st.text(f"power = {power}")
name = st.text_input("Name", key="name")
st.text(f"name = {name}")
bio = st.text_area("Bio")
st.text(f"bio = {bio!r}")
quantity = st.number_input("Quantity", min_value=0, max_value=10, value=2)
st.text(f"quantity = {quantity}")
color = st.selectbox("Color", ["red", "green", "blue"])
st.text(f"color = {color}")
size = st.radio("Size", ["S", "M", "L"], index=1)
st.text(f"size = {size}")
toppings = st.multiselect("Toppings", ["cheese", "ham", "olives"], default=["cheese"])
st.text(f"toppings = {toppings}")


def set_name() -> None:
    st.session_state["name"] = "Grace"


st.button("Set name from the script", on_click=set_name)
