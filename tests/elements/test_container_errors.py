# ruff: noqa: E501  (the messages are 1.67's, kept whole to compare them whole)
"""Bad input to tabs, popovers, st.status, chat and dialogs: one exception element with
the message Streamlit 1.67 gives (each one read from a real 1.67 server running the
same calls), no frame of minilit's own code, and a session that keeps working.

As tests/elements/test_param_errors.py: one app, the headless client types the name of
a bad call into a text input, the rerun makes the call.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minilit.testing import AppClient

BAD_CALLS: dict[str, tuple[str, str]] = {
    "tabs_empty": (
        "st.tabs([])",
        "The `tabs` parameter is required. Provide at least one tab label.",
    ),
    "tabs_default": (
        'st.tabs(["a", "b"], default="c")',
        "Invalid `default` value. Supported values: a tab label from `tabs`. `c` is not in the list of tabs.",
    ),
    "tabs_label_type": (
        'st.tabs(["a", 3])',
        "Invalid `tabs` type. Expected one of: a string for each tab label. Provided type: int.",
    ),
    "tabs_on_change": (
        'st.tabs(["a"], on_change="sometimes")',
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    "tabs_bind": (
        'st.tabs(["a"], bind="url")',
        "Invalid `bind` value. Supported values: 'query-params', None.",
    ),
    "tabs_width": (
        'st.tabs(["a"], width="content")',
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
    ),
    "expander_label": (
        "st.expander(None)",
        "The `label` parameter is required.",
    ),
    "expander_type": (
        'st.expander("e", type="folded")',
        "Invalid `type` value. Supported values: 'default', 'compact', 'step'.",
    ),
    "expander_on_change": (
        'st.expander("e", on_change="often")',
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    "expander_bind": (
        'st.expander("e", bind="cookie")',
        "Invalid `bind` value. Supported values: 'query-params', None.",
    ),
    "popover_label": (
        "st.popover(None)",
        "The `label` parameter is required.",
    ),
    "popover_type": (
        'st.popover("p", type="huge")',
        "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.",
    ),
    "popover_icon": (
        'st.popover("p", icon="nope")',
        'The value "nope" is not a valid icon. Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`.',
    ),
    "popover_on_change": (
        'st.popover("p", on_change=3)',
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    "status_state": (
        'st.status("s", state="done")',
        "Invalid `state` value. Supported values: 'running', 'complete', 'error'.",
    ),
    "status_type": (
        'st.status("s", type="big")',
        "Invalid `type` value. Supported values: 'default', 'compact', 'step'.",
    ),
    "status_update_state": (
        'st.status("s").update(state="finished")',
        "Invalid `state` value. Supported values: 'running', 'complete', 'error'.",
    ),
    "status_width": (
        'st.status("s", width="content")',
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
    ),
    "chat_message_name": (
        "st.chat_message(None)",
        "The `name` parameter is required.",
    ),
    "chat_message_avatar": (
        'st.chat_message("x", avatar=":material/:")',
        'The value `":material\u200b/:"` is not a valid Material icon. Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**',
    ),
    "chat_message_width": (
        'st.chat_message("x", width=0)',
        "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
    ),
    "chat_input_submit_mode": (
        'st.chat_input(submit_mode="later")',
        "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'.",
    ),
    "chat_input_accept_file": (
        'st.chat_input(accept_file="some")',
        "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. Got 'some'.",
    ),
    "chat_input_on_submit_mode": (
        'st.chat_input(on_submit="rerun")',
        '`on_submit="rerun"` is not supported on this widget. Pass a callback, or omit `on_submit`.',
    ),
    "chat_input_on_submit": (
        "st.chat_input(on_submit=5)",
        "Invalid `on_submit` value. Supported values: a callback function.",
    ),
    "chat_input_max_upload": (
        "st.chat_input(max_upload_size=0)",
        "Invalid `max_upload_size` value. Supported values: a positive integer. Set it to None to fall back to the `server.maxUploadSize` configuration option.",
    ),
    "chat_input_sample_rate": (
        "st.chat_input(audio_sample_rate=1234)",
        "Invalid `audio_sample_rate` value. Supported values: 8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, None.",
    ),
    "chat_input_form": (
        "exec(\"with st.form('f'):\\n    st.chat_input()\")",
        "`st.chat_input()` can't be used in a `st.form()`.",
    ),
    "chat_input_width": (
        'st.chat_input(width="content")',
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
    ),
    "dialog_no_title": (
        'st.dialog("")(lambda: None)',
        'The `title` parameter is required. For example: `@st.dialog("Example Title")`.',
    ),
    "dialog_bare": (
        "st.dialog(lambda: None)",
        'The `title` parameter is required. For example: `@st.dialog("Example Title")`.',
    ),
    "dialog_width": (
        'st.dialog("d", width="huge")(lambda: None)()',
        "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got 'huge'.",
    ),
    "dialog_position": (
        'st.dialog("d", position="top")(lambda: None)()',
        "Invalid `position` value. Supported values: 'left', 'center', 'right'.",
    ),
    "dialog_on_dismiss": (
        'st.dialog("d", on_dismiss="never")(lambda: None)()',
        "Invalid `on_dismiss` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    "dialog_twice": (
        "exec(\"f = st.dialog('a')(lambda: None)\\ng = st.dialog('b')(lambda: None)\\nf()\\ng()\")",
        "Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated function more than once in a script run.",
    ),
    "dialog_nested": (
        "exec(\"g = st.dialog('inner')(lambda: None)\\nst.dialog('outer')(g)()\")",
        "Dialogs may not be nested inside other dialogs.",
    ),
}

APP = f"""
import streamlit as st

CALLS = {{{", ".join(f"{name!r}: {call!r}" for name, (call, _) in BAD_CALLS.items())}}}
case = st.text_input("case")
if case:
    eval(CALLS[case])
st.text("after")
"""


@pytest.fixture(scope="module")
def app() -> Iterator[AppClient]:
    client = AppClient.from_string(APP)
    client.run()
    yield client
    client.close()


@pytest.mark.parametrize("name", list(BAD_CALLS))
def test_a_bad_argument_shows_streamlits_message(app: AppClient, name: str) -> None:
    _, expected = BAD_CALLS[name]
    app.text_input[0].input(name).run()
    assert app.text_input[0].value == name
    [error] = list(app.exception)
    assert error.message == expected
    assert error.proto.is_streamlit_exception
    # Only the app's own frames (its line and the eval'd or exec'd code), never minilit's.
    frames = [line.split(",")[0] for line in error.stack_trace]
    if name == "dialog_nested":
        # Raised inside the outer dialog's body, which runs as a fragment: its trace
        # starts there, in Streamlit's frames on 1.67, which minilit leaves out.
        assert frames == []
    else:
        assert frames[0].endswith('app.py"')
        assert frames[1:] and set(frames[1:]) == {'File "<string>"'}
    assert [t.value for t in app.text] == []  # the script stopped at the bad call


def test_the_session_still_works_after_bad_calls(app: AppClient) -> None:
    app.text_input[0].input("").run()
    assert list(app.exception) == []
    assert [t.value for t in app.text] == ["after"]
