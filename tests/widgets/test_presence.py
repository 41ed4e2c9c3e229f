"""`optional` proto fields: a widget without a default says so on the wire."""

from __future__ import annotations

from minilit.testing import AppClient

APP = """
import minilit as st
st.selectbox("Pick", ["a", "b"], index=None)
st.radio("Choose", ["x", "y"], index=None)
st.number_input("Amount", value=None)
st.text_input("Name", value=None)
st.selectbox("Pick0", ["a", "b"])
st.text_input("Empty", value="")
"""


def test_no_default_is_absent_and_zero_default_is_present() -> None:
    with AppClient.from_string(APP) as app:
        app.run()
        assert not app.selectbox[0].proto.HasField("default")
        assert not app.radio[0].proto.HasField("default")
        assert not app.number_input[0].proto.HasField("default")
        assert not app.text_input[0].proto.HasField("default")
        assert app.selectbox[1].proto.HasField("default")
        assert app.selectbox[1].proto.default == 0
        assert app.text_input[1].proto.HasField("default")
        assert app.selectbox[0].value is None
        assert app.selectbox[1].value == "a"
