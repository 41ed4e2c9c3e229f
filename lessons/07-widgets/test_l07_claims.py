"""Lesson 07's claims: widget ids, the ClientState, triggers, callbacks, forms."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from lessons.framework.claims import claim
from lessons.framework.targets import Target, against
from minilit.elements.widgets.ids import compute_element_id
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.scriptrunner.script_runner import page_script_hash
from minilit.server.background import ServerThread
from minilit.testing import AppClient

HERE = Path(__file__).parent
RECORDED = [
    json.loads(line)
    for line in (HERE.parent / "03-protobuf-by-hand" / "streamlit-1.67" / "tour.jsonl").open()
]
ID_RE = re.compile(r"^\$\$ID-[0-9a-f]{32}-(.+)$")


def _widget_ids(app: AppClient) -> dict[str, str]:
    """label -> id of every widget of the last run."""
    out = {}
    for msg in app.last_run.messages:
        kind = msg.delta.new_element.WhichOneof("type")
        element = getattr(msg.delta.new_element, kind) if kind else None
        if element is not None and hasattr(element, "id") and element.id:
            out[element.label] = element.id
    return out


@claim("L07.C1")
@against("minilit", "1.67", "1.56")
def test_id_format(app: AppClient) -> None:
    ids = _widget_ids(app.run())
    assert ID_RE.match(ids["Your name"])[1] == "name"  # type: ignore[index]
    assert ID_RE.match(ids["Greet"])[1] == "None"  # type: ignore[index]


@claim("L07.C2")
@against("minilit", "1.67", "1.56")
def test_ids_are_the_same_in_every_session_and_run(target: Target) -> None:
    with target.connect() as one, target.connect() as two:
        assert _widget_ids(one.run()) == _widget_ids(two.run()) == _widget_ids(one.run())


@claim("L07.C2")
def test_recomputing_the_greet_buttons_id(server: ServerThread) -> None:
    with AppClient.connect(server.url) as one:
        live = _widget_ids(one.run())["Greet"]
    page = page_script_hash(str((HERE / "app.py").resolve()))
    assert live == compute_element_id(
        "button",
        None,
        True,
        page_script_hash=page,
        form_id="",
        root_container=0,
        label="Greet",
        icon=None,
        help=None,
        is_form_submitter=False,
        type="secondary",
        width="content",
        icon_position="left",
        shortcut=None,
    )


@claim("L07.C3")
@against("minilit", "1.67")
def test_minilit_computes_streamlit_167s_ids(target: Target, server: ServerThread) -> None:
    new_session = ForwardMsg.FromString(bytes.fromhex(RECORDED[1]["hex"])).new_session
    text_input = next(
        ForwardMsg.FromString(bytes.fromhex(r["hex"])).delta.new_element.text_input
        for r in RECORDED
        if "text_input" in r["text"]
    )
    ours = compute_element_id(
        "text_input",
        "name",
        {"max_chars", "validate"},
        page_script_hash=new_session.page_script_hash,  # the recorded app's path's hash
        form_id="",
        root_container=0,
        label="Your name",
        value="",
        max_chars=None,
        type="default",
        help=None,
        autocomplete=None,
        placeholder="None",
        icon=None,
        width="stretch",
        validate=None,
    )
    assert ours == text_input.id == "$$ID-3ab465c11491b417d25adae5a1f614cf-name"
    # Live: the same script at the same path gets the same ids from minilit and 1.67,
    # for every widget of the app, the form's selectbox and submit button included.
    with target.connect() as app, AppClient.connect(server.url) as minilit_tab:
        theirs, ours = _widget_ids(app.run()), _widget_ids(minilit_tab.run())
        assert len(theirs) == 5
        assert theirs == ours


@claim("L07.C12")
@against("minilit", "1.67")
def test_the_scripts_path_is_part_of_the_id(target: Target, tmp_path: Path) -> None:
    ids = []
    for folder in ("one", "two"):
        copy = tmp_path / folder / "app.py"
        copy.parent.mkdir()
        copy.write_text((HERE / "app.py").read_text(encoding="utf-8"), encoding="utf-8")
        with target.connect(str(copy)) as app:
            ids.append(_widget_ids(app.run())["Greet"])
    assert ids[0] != ids[1]  # same widget, same parameters, another path: another id


@claim("L07.C4")
@against("minilit", "1.67", "1.56")
def test_what_identity_means(target: Target) -> None:
    with target.connect("identity_app.py") as app:
        app.run()
        for slider in app.slider:
            slider.set_value(8)
        app.run()
        assert [s.value for s in app.slider] == [8, 8, 8]
        app.button[0].click().run()  # flip: labels change, treble's maximum changes
        assert [s.label for s in app.slider] == ["Loudness", "Low end", "Treble"]
        assert [s.value for s in app.slider] == [5, 8, 5]


def _frames_sent(page: Any) -> list[Any]:
    sent: list[Any] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    return sent


def _backmsg(frame: Any) -> BackMsg:
    payload = frame if isinstance(frame, bytes | bytearray) else frame.encode("latin-1")
    return BackMsg.FromString(bytes(payload))


def _idle(page: Any) -> None:
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'"
    )


@claim("L07.C5")
@against("minilit", "1.67")
def test_the_browser_sends_every_widget_value_every_time(target: Target, page: Any) -> None:
    sent = _frames_sent(page)
    page.goto(target.url() + "/")
    _idle(page)
    page.get_by_label("Your name").fill("Ada")
    page.keyboard.press("Enter")
    page.get_by_text("callback sees name='Ada'", exact=False).wait_for()
    page.get_by_role("button", name="Greet").click()
    page.get_by_text("Hello, Ada!").wait_for()
    _idle(page)
    click = _backmsg(sent[-1]).rerun_script.widget_states.widgets
    values = {w.id.rsplit("-", 1)[1]: w.WhichOneof("value") for w in click}
    assert values["name"] == "string_value"  # the text input's value, unchanged, again
    assert "trigger_value" in values.values()  # and the click
    page.keyboard.press("r")
    page.get_by_text("body sees greet=False", exact=False).wait_for()
    _idle(page)
    after = _backmsg(sent[-1]).rerun_script.widget_states.widgets
    assert not any(w.WhichOneof("value") == "trigger_value" and w.trigger_value for w in after)


@claim("L07.C6")
@against("minilit", "1.67", "1.56")
def test_a_button_is_true_for_one_run(app: AppClient) -> None:
    app.run()
    app.button[0].click().run()
    assert [a.value for a in app.success] == ["Hello, stranger!"]
    app.run()
    assert len(app.success) == 0
    assert app.caption[0].value.endswith("body sees greet=True / body sees greet=False")


@claim("L07.C7")
@against("minilit", "1.67", "1.56")
def test_callbacks_run_before_the_body(app: AppClient) -> None:
    app.run()
    app.text_input(key="name").input("Ada").run()
    assert app.caption[0].value.endswith("callback sees name='Ada' / body sees greet=False")


@claim("L07.C8")
@against("minilit", "1.67", "1.56")
def test_a_callback_writes_before_the_first_element(target: Target) -> None:
    with target.connect("callback_app.py") as app:
        app.run()
        assert app.title[0].delta_path == (0, 0)
        app.checkbox(key="tick").check().run()
        assert app.text[0].value == "written by the callback"
        assert app.text[0].delta_path == (0, 0) and app.title[0].delta_path == (0, 1)


@claim("L07.C9")
@against("minilit", "1.67")
def test_a_form_sends_nothing_until_submitted(target: Target, page: Any) -> None:
    sent = _frames_sent(page)
    page.goto(target.url() + "/")
    _idle(page)
    before = len(sent)
    page.get_by_test_id("stCheckbox").get_by_text("Extra cheese").click()
    page.wait_for_timeout(300)
    assert len(sent) == before  # a widget inside a form: nothing sent
    page.get_by_role("button", name="Order").click()
    page.get_by_text("Order: size S, extra cheese").wait_for()
    assert len(sent) == before + 1
    widgets = _backmsg(sent[-1]).rerun_script.widget_states.widgets
    kinds = sorted(w.WhichOneof("value") for w in widgets)
    assert kinds.count("trigger_value") == 1 and "bool_value" in kinds


@claim("L07.C10")
@against("minilit", "1.67")
def test_widget_mistakes_are_errors_on_the_page(target: Target) -> None:
    with target.connect("errors_app.py") as app:
        app.run()
        assert "multiple `checkbox` elements with the same auto-generated ID" in (
            app.exception[0].message
        )
        app.run()  # the second run makes the other mistake
        assert "`st.button()` can't be used in an `st.form()`" in app.exception[0].message


@claim("L07.C11")
@against("minilit", "1.67")
def test_typing_sends_nothing_until_enter(target: Target, page: Any) -> None:
    sent = _frames_sent(page)
    page.goto(target.url() + "/")
    _idle(page)
    before = len(sent)
    page.get_by_label("Your name").fill("Grace")
    page.wait_for_timeout(300)
    assert len(sent) == before
    page.keyboard.press("Enter")
    page.get_by_text("callback sees name='Grace'", exact=False).wait_for()
    assert len(sent) == before + 1
