# Forms: a `with` form, a form used through method calls, a clear_on_submit form.
# tests/widgets/test_forms.py drives it.
import minilit as st

st.session_state.setdefault("submits", 0)


def on_submit():
    # The only callback a form may have; it already sees the submitted values.
    st.session_state.submits += 1
    st.session_state.seen_in_callback = st.session_state.name


with st.form("profile"):
    name = st.text_input("Name", key="name")
    age = st.slider("Age", 0, 120, 30, key="age")
    sent = st.form_submit_button("Save", on_click=on_submit)
st.text(f"profile={sent},{name!r},{age}")

settings = st.form("settings", clear_on_submit=True, border=False)
color = settings.selectbox("Color", ["red", "green"], key="color")
notify = settings.checkbox("Notify", key="notify")
applied = settings.form_submit_button("Apply")
st.text(f"settings={applied},{color},{notify}")
st.text(f"outside={st.checkbox('Outside the forms', key='outside')}")
