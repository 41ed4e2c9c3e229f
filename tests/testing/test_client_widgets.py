"""Interaction through the headless client: click, input, select, forms, session_state.

Each app writes what the script received with ``st.text(repr(value))``, so the checks are
about what crossed the wire and what the script saw, the way a student would check it.
With ``MINILIT_STREAMLIT`` set, the same tests also drive a real Streamlit (see
``streamlit_oracle.py``); session_state is in-process only and runs against minilit.
"""

from __future__ import annotations

from collections.abc import Callable
from textwrap import dedent

import pytest

from minilit.testing import AppClient
from tests.testing.streamlit_oracle import BACKENDS, make_app

AppFactory = Callable[[str], AppClient]


@pytest.fixture(params=BACKENDS)
def app_from(request: pytest.FixtureRequest) -> AppFactory:
    backend: str = request.param
    return lambda source: make_app(backend, dedent(source))


def seen(app: AppClient) -> list[str]:
    return app.text.values


def sent_states(app: AppClient) -> dict[str, str | None]:
    request = app.last_run.request
    assert request is not None
    return {w.id: w.WhichOneof("value") for w in request.rerun_script.widget_states.widgets}


def test_button_is_true_for_exactly_one_run(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        st.text(repr(st.button("Go")))
        """
    ) as app:
        app.run()
        assert seen(app) == ["False"]
        button = app.button[0]
        assert button.label == "Go" and button.key is None and not button.value
        button.click()
        assert app.button[0].value  # a click is waiting
        button.run()
        assert seen(app) == ["True"]
        assert sent_states(app) == {button.id: "trigger_value"}
        app.run()
        assert seen(app) == ["False"]
        assert sent_states(app) == {}


def test_checkbox_and_toggle(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        st.text(repr(st.checkbox("Box")))
        st.text(repr(st.toggle("Switch", value=True)))
        """
    ) as app:
        app.run()
        assert seen(app) == ["False", "True"]
        assert app.checkbox[0].value is False and app.toggle[0].value is True
        app.checkbox[0].check().run()
        assert seen(app) == ["True", "True"]
        app.toggle[0].set_value(False).run()
        assert seen(app) == ["True", "False"]
        assert app.checkbox[0].value is True and app.toggle[0].value is False


def test_slider_by_key_and_range(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        st.text(repr(st.slider("x", 0, 10, 3, key="x")))
        st.text(repr(st.slider("range", 0.0, 1.0, (0.25, 0.75))))
        """
    ) as app:
        app.run()
        assert seen(app) == ["3", "(0.25, 0.75)"]
        assert app.slider(key="x").value == 3
        app.slider(key="x").set_value(7).run()
        assert seen(app) == ["7", "(0.25, 0.75)"]
        app.slider[1].set_range(0.5, 1.0).run()
        assert seen(app) == ["7", "(0.5, 1.0)"]
        with pytest.raises(ValueError):
            app.slider(key="x").set_value(11)


def test_text_input_and_text_area_keep_their_values(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        name = st.text_input("Your name", key="name")
        bio = st.text_area("Bio", max_chars=5)
        st.text(repr((name, bio)))
        """
    ) as app:
        app.run()
        assert seen(app) == ["('', '')"]
        app.text_input[0].input("Ada").run()
        assert seen(app) == ["('Ada', '')"]
        app.text_area[0].input("hi").run()
        assert seen(app) == ["('Ada', 'hi')"]
        app.run()  # every rerun carries every known value
        assert seen(app) == ["('Ada', 'hi')"]
        assert app.text_input(key="name").value == "Ada"
        with pytest.raises(ValueError):
            app.text_area[0].input("too long")


def test_number_input(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        st.text(repr(st.number_input("n", min_value=0, max_value=10, value=2)))
        """
    ) as app:
        app.run()
        assert seen(app) == ["2"]
        app.number_input[0].set_value(5).run()
        assert seen(app) == ["5"]
        app.number_input[0].increment().run()
        assert seen(app) == ["6"]
        with pytest.raises(ValueError):
            app.number_input[0].set_value(11)


def test_selectbox_radio_multiselect(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        st.text(repr(st.selectbox("s", ["a", "b", "c"])))
        st.text(repr(st.radio("r", ["x", "y", "z"], index=1)))
        st.text(repr(st.multiselect("m", ["p", "q", "r"], default=["p"])))
        """
    ) as app:
        app.run()
        assert seen(app) == ["'a'", "'y'", "['p']"]
        assert app.selectbox[0].options == ["a", "b", "c"]
        app.selectbox[0].select("b").run()
        app.radio[0].select_index(2).run()
        app.multiselect[0].select("r").unselect("p").run()
        assert seen(app) == ["'b'", "'z'", "['r']"]
        with pytest.raises(ValueError):
            app.selectbox[0].select("nope")


def test_form_sends_only_on_submit(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        with st.form("f"):
            name = st.text_input("Name")
            submitted = st.form_submit_button("Send")
        st.text(repr((name, submitted)))
        """
    ) as app:
        app.run()
        assert seen(app) == ["('', False)"]
        form = app.form[0]
        assert form.form_id and app.text_input[0].form_id == form.form_id
        app.text_input[0].input("Ada").run()
        assert seen(app) == ["('', False)"]  # parked in the form
        assert app.text_input[0].value == "Ada"
        app.form_submit_button[0].click().run()
        assert seen(app) == ["('Ada', True)"]
        app.run()
        assert seen(app) == ["('Ada', False)"]
        app.text_input[0].input("Bob")
        app.form[0].submit().run()
        assert seen(app) == ["('Bob', True)"]


def test_session_state_in_process() -> None:
    with AppClient.from_string(
        dedent(
            """
        import minilit as st
        st.session_state.setdefault("count", 0)
        st.session_state["count"] += 1
        st.text_input("Name", key="name")
        st.text(repr(st.session_state["count"]))
        """
        )
    ) as app:
        app.run()
        assert app.session_state["count"] == 1
        app.text_input(key="name").input("Ada").run()
        assert app.session_state["name"] == "Ada"
        assert app.session_state.count == 2
        app.session_state["count"] = 10
        app.run()
        assert seen(app) == ["11"]
        assert "name" in app.session_state


def test_server_pushed_value_is_adopted(app_from: AppFactory) -> None:
    with app_from(
        """
        import minilit as st
        if st.button("Reset"):
            st.session_state["name"] = "reset"
        st.text(repr(st.text_input("Name", key="name")))
        """
    ) as app:
        app.run()
        app.text_input[0].input("Ada").run()
        assert seen(app) == ["'Ada'"]
        app.button[0].click().run()
        assert seen(app) == ["'reset'"]
        assert app.text_input[0].value == "reset"
        app.run()  # the adopted value is what the client now sends
        assert seen(app) == ["'reset'"]


def test_reconnect_keeps_the_session(app_from: AppFactory) -> None:
    # The session id in subprotocol slot 3 re-attaches the same session: state survives.
    with app_from(
        """
        import minilit as st
        st.session_state["runs"] = st.session_state.get("runs", 0) + 1
        st.text(repr(st.session_state["runs"]))
        st.text(repr(st.text_input("Name")))
        """
    ) as app:
        app.run()
        app.text_input[0].input("Ada").run()
        assert seen(app) == ["2", "'Ada'"]
        session_id = app.session_id
        app.reconnect().run()
        assert app.session_id == session_id
        assert seen(app) == ["3", "'Ada'"]
