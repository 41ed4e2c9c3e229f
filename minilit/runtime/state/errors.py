"""Errors a script meets when it breaks a widget or session-state rule.

Mirrors: the widget and session-state classes of streamlit/errors.py
(StreamlitDuplicateElementId, StreamlitDuplicateElementKey,
StreamlitWidgetAlreadyInstantiatedError (1.67; 1.39 raised a plain
StreamlitAPIException with the same text), StreamlitValueAssignmentNotAllowedError,
StreamlitInvalidFormCallbackError). All derive from MinilitAPIException, so an
uncaught one is shown where the script was, as an Exception element whose
message is Markdown meant for the app's author.
"""

from __future__ import annotations

from minilit.errors import MinilitAPIException


class DuplicateElementId(MinilitAPIException):
    """Two widgets of one type got the same id in one run (same parameters, no key)."""

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

    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. To fix this, "
            "please make sure that the `key` argument is unique for each element you create."
        )


class WidgetAlreadyInstantiatedError(MinilitAPIException):
    """``st.session_state[key] = ...`` after the widget with that key was created this run."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"`st.session_state.{key}` cannot be modified after the widget with key "
            f"`{key}` is instantiated."
        )


class ValueAssignmentNotAllowedError(MinilitAPIException):
    """A button's or a form's key was given a value through st.session_state."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f'Values for the widget with key "{key}" cannot be set using `st.session_state`.'
        )


class InvalidFormCallbackError(MinilitAPIException):
    """``on_change`` on a widget inside a form (only the submit button may have one)."""

    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on the `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class ReservedKeyError(MinilitAPIException):
    """A session_state key or widget key that looks like a generated widget id."""

    def __init__(self, key: str) -> None:
        super().__init__(f"Keys beginning with $$ID are reserved (got `{key}`).")
