"""Exercise lookup_order: the order session state looks in, on a real server."""

from __future__ import annotations

from lessons.framework.harness import ServerPool
from minilit.server.background import ServerThread
from minilit.testing import AppClient


def _texts(app: AppClient) -> list[str]:
    return [t.value for t in app.text]


def test_a_counter_from_earlier_runs(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        for _ in range(3):
            app.button[0].click().run()
        assert _texts(app)[0] == "clicks so far: 3"


def test_an_assignment_beats_the_browsers_value(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        app.text_input(key="city").input("Rome").run()
        app.button[1].click().run()  # the browser still sends Rome; the callback says Paris
        assert app.text_input(key="city").value == "Paris"
        assert "st.session_state.city = 'Paris'" in _texts(app)


def test_a_rerun_without_values_keeps_the_widgets(start_server: ServerPool) -> None:
    server = start_server.start("rerun_app.py")
    with AppClient.connect(server.url) as app:
        app.run()
        app.text_input(key="city").input("Rome").run()
        app.button[0].click().run()
        assert _texts(app) == ["city = 'Rome'"]


def test_a_missing_key_is_still_missing(start_server: ServerPool) -> None:
    server = start_server.start("mistakes_app.py")
    with AppClient.connect(server.url) as app:
        for _ in range(3):
            app.run()
        assert 'has no attribute "never_set"' in app.exception[0].message
