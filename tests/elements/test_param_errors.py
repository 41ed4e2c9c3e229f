"""Wrong parameter types and values: one exception element in the page, with 1.67's
message, and no frame of minilit's own code (issue 12, item 3: "bad input").

One real minilit server runs one app; the headless client types the name of a bad call
into a text input, the rerun makes that call, and the page must show the error after the
text input (which keeps its value: nothing else is lost). The next case runs on the same
session, so a bad call leaves the session usable.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minilit.testing import AppClient

BAD_CALLS: dict[str, tuple[str, str]] = {
    # name: (the call, a part of the message Streamlit 1.67 gives for it)
    "label_visibility": (
        'st.text_input("x", label_visibility="bogus")',
        "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.",
    ),
    "gap": ('st.container(gap="huge")', "Invalid `gap` value. Supported values: 'xxsmall'"),
    "height": (
        "st.container(height=-5)",
        "Invalid height value: -5. Height must be either a positive integer (pixels), "
        "'stretch', or 'content'.",
    ),
    "width": (
        'st.checkbox("c", width=0)',
        "Invalid width value: 0. Width must be either a positive integer (pixels), "
        "'stretch', or 'content'.",
    ),
    "width_content": (
        'st.selectbox("s", ["a"], width="content")',
        "Width must be either a positive integer (pixels) or 'stretch'.",
    ),
    "column_alignment": (
        'st.columns(2, vertical_alignment="middle")',
        "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom'.",
    ),
    "column_spec": ('st.columns("ab")', "Invalid `spec` type."),
    "anchor_type": ('st.title("t", anchor=3)', "Invalid `anchor` type."),
    "anchor_true": ('st.title("t", anchor=True)', "Invalid `anchor` value."),
    "divider": ('st.header("h", divider="pink")', "Invalid `divider` value."),
    "emoji": (
        'st.button("b", icon="nope")',
        'The value "nope" is not a valid icon. Please use a single emoji or a Material icon',
    ),
    "emoji_shortcode": (
        'st.button("b", icon=":smile:")',
        'The value ":smile:" is not a valid icon. Emoji shortcodes are not supported.',
    ),
    "material": ('st.expander("e", icon=":material/:")', "is not a valid Material icon."),
    "text_alignment": ('st.text("t", text_alignment="middle")', "Invalid `text_alignment` value."),
    "bool_type": ('st.code("c", wrap_lines="yes")', "Invalid `wrap_lines` type."),
    "js_bounds": ("st.number_input('n', value=2**60)", "must be <= (1 << 53) - 1"),
    "html_one_line": (
        'st.markdown("<b>m</b>", wrap=False, unsafe_allow_html=True)',
        "`wrap=False` and `unsafe_allow_html=True` cannot be used together",
    ),
    "vertical_no_wrap": ("st.container(wrap=False)", "`wrap=False` needs `horizontal=True`"),
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


@pytest.mark.parametrize("name", sorted(BAD_CALLS))
def test_a_bad_argument_is_an_exception_element_with_streamlits_message(
    app: AppClient, name: str
) -> None:
    _, expected = BAD_CALLS[name]
    app.text_input[0].input(name).run()
    assert app.text_input[0].value == name  # the widget before the call keeps its value
    [error] = list(app.exception)
    assert expected in error.message
    assert error.proto.is_streamlit_exception  # an API misuse, flagged as 1.67 flags it
    # Shown by 1.67's class names, as a 1.67 page shows them.
    assert error.exception_type.startswith("streamlit.errors.Streamlit")
    # Only the app's own frames (its line and the eval'd call), never minilit's internals.
    frames = [line.split(",")[0] for line in error.stack_trace]
    assert frames[0].endswith('app.py"') and frames[1:] == ['File "<string>"']
    assert [t.value for t in app.text] == []  # the script stopped at the bad call


def test_the_session_still_works_after_bad_calls(app: AppClient) -> None:
    app.text_input[0].input("").run()
    assert list(app.exception) == []
    assert [t.value for t in app.text] == ["after"]
