"""Errors a script meets when it breaks a widget or session-state rule.

Mirrors: the widget and session-state classes of streamlit/errors.py
(StreamlitDuplicateElementId, StreamlitDuplicateElementKey,
StreamlitWidgetAlreadyInstantiatedError (1.67; 1.39 raised a plain
StreamlitAPIException with the same text), StreamlitValueAssignmentNotAllowedError,
StreamlitInvalidFormCallbackError). All derive from MinilitAPIException, so an
uncaught one is shown where the script was, as an Exception element whose
message is Markdown meant for the app's author. The messages are 1.67's word for
word (they changed since 1.56: a key is now named as ``st.session_state['k']``).
"""

from __future__ import annotations

from minilit.errors import MinilitAPIException


class DuplicateElementId(MinilitAPIException):
    """Two widgets of one type got the same id in one run (same parameters, no key)."""

    streamlit_name = "StreamlitDuplicateElementId"

    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same auto-generated ID. "
            "When this element is created, it is assigned an internal ID based on the "
            "element type and provided parameters. Multiple elements with the same type "
            "and parameters will cause this error.\n\n"
            f"To fix this error, please pass a unique `key` argument to the `{element_type}` "
            "element."
        )


class DuplicateElementKey(MinilitAPIException):
    """Two widgets used the same ``key`` in one run."""

    streamlit_name = "StreamlitDuplicateElementKey"

    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. To fix this, "
            "please make sure that the `key` argument is unique for each element you create."
        )


def _markdown_code_span(text: str) -> str:
    """``text`` as a Markdown code span, its fence longer than any backtick run inside."""
    fence = "`"
    while fence in text:
        fence += "`"
    return f"{fence}{text}{fence}"


def session_state_item(key: str) -> str:
    """How 1.67's messages name a key: ``st.session_state['k']`` in a code span."""
    return _markdown_code_span(f"st.session_state[{key!r}]")


class WidgetAlreadyInstantiatedError(MinilitAPIException):
    """``st.session_state[key] = ...`` after the widget with that key was created this run."""

    streamlit_name = "StreamlitWidgetAlreadyInstantiatedError"

    def __init__(self, key: str) -> None:
        item = session_state_item(key)
        super().__init__(
            f"{item} cannot be modified after the widget with that key is instantiated. "
            f"Assign {item} before creating the widget, or update it from an `on_change` "
            "or `on_click` callback, which runs before the widget is instantiated. "
            "If this is a read-only session state key (buttons, file and media inputs, "
            "`st.data_editor`, forms, chart or `ButtonColumn` selections), store the value "
            "under a different session state key."
        )


class ValueAssignmentNotAllowedError(MinilitAPIException):
    """A button's or a form's key was given a value through st.session_state."""

    streamlit_name = "StreamlitValueAssignmentNotAllowedError"

    def __init__(self, key: str) -> None:
        super().__init__(
            f"{session_state_item(key)} is read-only and cannot be assigned through "
            "session state. Use a different session state key for values you need to set."
        )


class InvalidFormCallbackError(MinilitAPIException):
    """``on_change`` on a widget inside a form (only the submit button may have one)."""

    streamlit_name = "StreamlitInvalidFormCallbackError"

    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class ReservedKeyError(MinilitAPIException):
    """A session_state key or widget key that looks like a generated widget id."""

    def __init__(self, key: str) -> None:
        super().__init__("Keys beginning with $$ID are reserved.")  # 1.67's words
        self.key = key
