"""Forms (issue 3, item 5): the form block, form ids on widgets, submit, clear_on_submit,
and Streamlit's errors (st.button in a form, callbacks in a form, nested forms,
duplicate form keys, a submit button outside a form).

The browser parks form widget changes until the submit button is pressed; the headless
client does the same (minilit.testing.widget_state), so these tests see what a browser
user would.
"""

from __future__ import annotations

import pytest

from minilit.testing import AppClient
from tests.widgets.conftest import APPS, MakeApp, texts


@pytest.fixture
def app(make_app: MakeApp) -> AppClient:
    client = make_app(APPS / "forms.py")
    client.run()
    assert not client.exception
    return client


def test_form_blocks_and_form_ids(app: AppClient) -> None:
    profile, settings = app.form
    assert (profile.form_id, profile.clear_on_submit, profile.proto.border) == (
        "profile",
        False,
        True,
    )
    assert (settings.form_id, settings.clear_on_submit, settings.proto.border) == (
        "settings",
        True,
        False,
    )
    assert profile.proto.enter_to_submit
    by_label = {w.label: w.form_id for w in app.widgets}
    assert by_label == {
        "Name": "profile",
        "Age": "profile",
        "Save": "profile",
        "Color": "settings",
        "Notify": "settings",
        "Apply": "settings",
        "Outside the forms": "",
    }
    assert [b.label for b in app.form_submit_button] == ["Save", "Apply"]
    assert all(b.proto.is_form_submitter for b in app.form_submit_button)


def test_values_arrive_only_with_the_submit(app: AppClient) -> None:
    app.text_input(key="name").input("Ada")
    app.slider(key="age").set_value(36)
    app.checkbox(key="outside").check().run()  # a rerun that is not a submit
    assert texts(app)["profile"] == "False,'',30"
    assert texts(app)["outside"] == "True"
    app.form[0].submit().run()
    assert texts(app)["profile"] == "True,'Ada',36"
    assert app.session_state["submits"] == 1
    assert app.session_state["seen_in_callback"] == "Ada"
    app.run()
    assert texts(app)["profile"] == "False,'Ada',36"  # the trigger was for one run


def test_clear_on_submit(app: AppClient) -> None:
    app.selectbox(key="color").select("green")
    app.checkbox(key="notify").check()
    app.form_submit_button[1].click().run()
    assert texts(app)["settings"] == "True,green,True"
    # The browser resets the form's widgets to their defaults after the submit.
    assert app.selectbox(key="color").value == "red"
    assert app.checkbox(key="notify").value is False


ERRORS = [
    (
        "with st.form('f'):\n    st.button('No')\n    st.form_submit_button()\n",
        "`st.button()` can't be used in an `st.form()`.",
    ),
    (
        "with st.form('f'):\n    st.checkbox('C', on_change=print)\n    st.form_submit_button()\n",
        "Within a form, callbacks can only be defined on `st.form_submit_button`.",
    ),
    (
        "with st.form('f'):\n    with st.form('g'):\n        pass\n",
        "Forms cannot be nested in other forms.",
    ),
    (
        "st.form('f')\nst.form('f')\n",
        "There are multiple identical forms with `key='f'`.",
    ),
    (
        "st.form_submit_button()\n",
        "`st.form_submit_button()` must be used inside an `st.form()`.",
    ),
]


@pytest.mark.parametrize(("body", "message"), ERRORS)
def test_form_errors(make_app: MakeApp, body: str, message: str) -> None:
    app = make_app("import minilit as st\n" + body)
    app.run()
    assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
    assert message in app.exception[0].proto.message


def test_widgets_in_a_form_in_columns_carry_the_form_id(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "with st.form('f'):\n"
        "    a, b = st.columns(2)\n"
        "    a.text_input('A')\n"
        "    with b:\n"
        "        st.text_input('B')\n"
        "    st.form_submit_button()\n"
        "st.text_input('C')\n"
    )
    app.run()
    assert [w.form_id for w in app.text_input] == ["f", "f", ""]
