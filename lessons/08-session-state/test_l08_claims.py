"""Lesson 08's claims: what persists, keyed widgets, and the errors session state raises."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from playwright.sync_api import expect

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, server_session_state
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient


def _texts(app: AppClient) -> list[str]:
    return [t.value for t in app.text]


@claim("L08.C1")
@against("minilit", "1.67", "1.56")
def test_values_persist_and_buttons_do_not(app: AppClient) -> None:
    app.run()
    for _ in range(3):
        app.button[0].click().run()
    app.run()
    assert _texts(app)[0] == "clicks so far: 3"
    assert app.button[0].value is False


@claim("L08.C2")
@against("minilit", "1.67", "1.56")
def test_what_you_read_is_what_is_stored(target: Target) -> None:
    with target.connect("objects_app.py") as app:
        for _ in range(3):
            app.run()
        # Each run appends to the list it read: the appends persist only because the
        # list read is the stored one, not a copy.
        assert _texts(app) == ["history: [1, 2, 3]"]


@claim("L08.C2")
def test_session_state_holds_the_objects_themselves(start_server: ServerPool) -> None:
    server = start_server.start("objects_app.py")
    with AppClient.connect(server.url) as app:
        app.run()
        first = server_session_state(server, app.session_id, "history")
        app.run()
        app.run()
        assert server_session_state(server, app.session_id, "history") is first
        assert first == [1, 2, 3] and _texts(app) == ["history: [1, 2, 3]"]


@claim("L08.C3")
@against("minilit", "1.67", "1.56")
def test_a_keyed_widget_lives_under_its_key(app: AppClient) -> None:
    app.run()
    app.text_input(key="city").input("Rome").run()
    assert "st.session_state.city = 'Rome'" in _texts(app)


@claim("L08.C3")
def test_the_servers_store_has_it_too(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        app.text_input(key="city").input("Rome").run()
        assert server_session_state(server, app.session_id, "city") == "Rome"


@claim("L08.C4")
@against("minilit", "1.67", "1.56")
def test_setting_a_key_before_the_widget_sets_the_widget(app: AppClient) -> None:
    app.run()
    app.text_input(key="city").input("Rome").run()
    app.button[1].click().run()  # "Reset city": its callback assigns Paris
    assert "st.session_state.city = 'Paris'" in _texts(app)
    city = app.text_input(key="city")
    assert city.value == "Paris" and city.proto.set_value and city.proto.value == "Paris"


@claim("L08.C5")
@against("minilit", "1.67")
def test_setting_a_key_after_the_widget_is_an_error(target: Target) -> None:
    with _mistake(target, 1) as app:
        assert app.exception[0].message.startswith(
            "`st.session_state['city']` cannot be modified after the widget with that key "
            "is instantiated. Assign `st.session_state['city']` before creating the widget,"
        )


def _mistake(target: Target, number: int) -> AppClient:
    """A tab on mistakes_app.py after ``number`` runs (the app makes mistake ``number``)."""
    app = target.connect("mistakes_app.py")
    for _ in range(number):
        app.run()
    return app


@claim("L08.C6")
@against("minilit", "1.67")
def test_a_buttons_key_cannot_be_set(target: Target) -> None:
    with _mistake(target, 2) as app:
        assert app.exception[0].message == (
            "`st.session_state['go']` is read-only and cannot be assigned through session "
            "state. Use a different session state key for values you need to set."
        )


@claim("L08.C7")
@against("minilit", "1.67")
def test_a_missing_key_says_so(target: Target) -> None:
    with _mistake(target, 3) as app:
        assert app.exception[0].message.startswith(
            'st.session_state has no attribute "never_set". Did you forget to initialize it?'
        )


WARNING = (
    'The widget with key "level" was created with a default value but also had its '
    "value set via the Session State API."
)


@claim("L08.C8")
@against("minilit", "1.67")
def test_a_default_and_a_session_value(target: Target, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING), _mistake(target, 4) as app:
        assert _texts(app) == ["level = 3"]  # the session-state value wins
        assert not app.warning and not app.exception  # nothing drawn
        url = target.url("mistakes_app.py")
        logged = caplog.text if target.is_minilit else target.log(url)
        assert WARNING in logged, target.name


@claim("L08.C9")
@against("minilit", "1.67", "1.56")
def test_a_widget_that_is_not_drawn_loses_its_value(app: AppClient) -> None:
    app.run()
    app.checkbox(key="show").check().run()
    app.text_input(key="note").input("remember me").run()
    app.checkbox(key="show").uncheck().run()
    assert _texts(app)[-1] == "st.session_state.get('note') = 'remember me'"  # still, this run
    app.run()
    assert _texts(app)[-1] == "st.session_state.get('note') = None"  # gone after it
    app.checkbox(key="show").check().run()
    assert app.text_input(key="note").value == ""  # back, with its default


@claim("L08.C10")
@against("minilit", "1.67")
def test_clear_cache_clears_session_state(app: AppClient) -> None:
    app.run()
    app.button[0].click().run()
    assert _texts(app)[0] == "clicks so far: 1"
    app.send(BackMsg(clear_cache=True))
    app.run()
    assert _texts(app)[0] == "clicks so far: 0"


@claim("L08.C11")
@against("minilit", "1.67")
def test_widget_id_like_keys_are_reserved(target: Target) -> None:
    with _mistake(target, 5) as app:
        assert app.exception[0].message == "Keys beginning with $$ID are reserved."


@claim("L08.C12")
@against("minilit", "1.67")
def test_a_script_rerun_keeps_widget_values(target: Target) -> None:
    with target.connect("rerun_app.py") as app:
        app.run()
        app.text_input(key="city").input("Rome").run()
        app.button[0].click().run()
        assert len(app.last_run.run_ids) == 2  # the click's run, then st.rerun()'s
        assert _texts(app) == ["city = 'Rome'"]


@claim("L08.C13")
@against("minilit", "1.67")
def test_the_browser_shows_a_value_set_from_a_callback(target: Target, page: Any) -> None:
    page.goto(target.url() + "/")
    field = page.get_by_label("City")
    field.fill("Rome")
    page.keyboard.press("Enter")
    page.get_by_text("st.session_state.city = 'Rome'").wait_for()
    page.get_by_role("button", name="Reset city").click()
    page.get_by_text("st.session_state.city = 'Paris'").wait_for()
    # The field adopts the value on its next render: let Playwright wait for it.
    expect(field).to_have_value("Paris")


@claim("L08.C14")
@against("minilit", "1.67", "1.56")
def test_an_early_stop_keeps_the_widgets_below_it(target: Target) -> None:
    with target.connect("stop_app.py") as app:
        app.run()
        app.text_input(key="note").input("keep me").run()
        app.checkbox(key="halt").check().run()
        assert len(app.text_input) == 0  # the run stopped before the note field
        app.checkbox(key="halt").uncheck().run()
        assert _texts(app) == ["the script reads note = 'keep me'"]


@claim("L08.C14")
def test_the_stopped_runs_session_keeps_the_note(start_server: ServerPool) -> None:
    server = start_server.start("stop_app.py")
    with AppClient.connect(server.url) as app:
        app.run()
        app.text_input(key="note").input("keep me").run()
        app.checkbox(key="halt").check().run()
        assert server_session_state(server, app.session_id, "note") == "keep me"


@claim("L08.C15")
@against("minilit", "1.67")
def test_after_an_early_stop_the_browser_forgot(target: Target, page: Any) -> None:
    page.goto(target.url("stop_app.py") + "/")
    note = page.get_by_label("Note", exact=True)
    note.fill("keep me")
    page.keyboard.press("Enter")
    page.get_by_text("the script reads note = 'keep me'").wait_for()
    page.get_by_text("Stop before the note").click()
    note.wait_for(state="detached")
    page.get_by_text("Stop before the note").click()
    page.get_by_text("the script reads note = 'keep me'").wait_for()
    expect(page.get_by_label("Note", exact=True)).to_have_value("")
