"""Helpers every widget function uses: keys, policies, registration, enqueueing.

Mirrors: streamlit/runtime/state/widgets.py (register_widget),
streamlit/elements/lib/policies.py (check_widget_policies and its parts) and
to_key from streamlit/elements/lib/utils.py. Simplified: no cache-replay or
fragment policies.

The life of one widget call (``st.slider("x", 0, 10)``), in every widget module:

    1. ``check_widget_policies``  form/callback rules, session_state rules
    2. ``compute_and_register_element_id``  (ids.py) the id; duplicates raise
    3. build the element proto (label, default, options, form_id, ...)
    4. ``register_widget``  the session state returns the value the script sees
       and whether it was set through st.session_state (then the proto gets
       ``value`` + ``set_value`` so the browser adopts it)
    5. ``dg._enqueue(element_type, proto)``  the delta goes out
    6. return the value

Receives: calls from the widget modules. Hands to: runtime/state/session_state.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from textwrap import dedent
from typing import TYPE_CHECKING, Any, TypeVar

from minilit.elements.layout_utils import InvalidValueError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.runtime.state.common import (
    RegisterWidgetResult,
    ValueType,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
    WidgetMetadata,
    is_element_id,
    user_key_from_element_id,
)
from minilit.runtime.state.errors import (
    InvalidFormCallbackError,
    ReservedKeyError,
    ValueAssignmentNotAllowedError,
)
from minilit.scriptrunner.script_run_context import get_script_run_ctx

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

T = TypeVar("T")
Key = str | int

_LOGGER = logging.getLogger("minilit.widgets")


def to_key(key: Key | None) -> str | None:
    """Widget keys may be str or int; ids carry them as text."""
    if key is None:
        return None
    text = str(key)
    if is_element_id(text):
        raise ReservedKeyError(text)
    return text


def help_text(help: object) -> str:
    """The tooltip as sent: its ``str``, dedented, as 1.67 sends it (to_help_str)."""
    return dedent(str(help)) if help is not None else ""


def check_widget_policies(
    dg: DeltaGenerator,
    key: str | None,
    on_change: WidgetCallback | None = None,
    *,
    default_value: Any = None,
    writes_allowed: bool = True,
    enable_check_callback_rules: bool = True,
) -> None:
    """The rules every widget call checks before it does anything.

    - Inside a form only the submit button may have a callback.
    - A button's (or form's) key cannot be given a value through st.session_state.
    - A keyed widget with both a default and a session_state value gets a warning.
    """
    if enable_check_callback_rules and on_change is not None and dg.form_id:
        raise InvalidFormCallbackError()
    check_session_state_rules(default_value, key, writes_allowed)


def check_session_state_rules(default_value: Any, key: str | None, writes_allowed: bool) -> None:
    """Mirrors policies.check_session_state_rules (1.39 and 1.67 alike)."""
    ctx = get_script_run_ctx()
    if key is None or ctx is None:
        return
    state = ctx.session_state
    if not state.is_new_state_value(key):
        return
    if not writes_allowed:
        raise ValueAssignmentNotAllowedError(key)
    if default_value is not None and not state.shown_default_value_warning:
        state.shown_default_value_warning = True
        # Only logged, never drawn on the page: Streamlit 1.67 does the same.
        _LOGGER.warning(
            'The widget with key "%s" was created with a default value but also had '
            "its value set via the Session State API.",
            key,
        )


def register_widget(
    element_id: str,
    *,
    deserializer: Callable[[WidgetState | None], T],
    value_type: ValueType,
    on_change: WidgetCallback | None = None,
    args: WidgetArgs | None = None,
    kwargs: WidgetKwargs | None = None,
    disabled: bool = False,
) -> RegisterWidgetResult[T]:
    """Register a widget with its session's state; returns the value the script sees.

    Outside a script run (no session) the widget simply has its default. A disabled
    widget's value from the browser is dropped (see WidgetMetadata.disabled).
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return RegisterWidgetResult(deserializer(None), False)
    metadata = WidgetMetadata(
        id=element_id,
        deserializer=deserializer,
        value_type=value_type,
        callback=on_change,
        callback_args=tuple(args or ()),
        callback_kwargs=dict(kwargs or {}),
        disabled=bool(disabled),
    )
    return ctx.session_state.register_widget(metadata, user_key_from_element_id(element_id))


def on_change_callback(
    on_change: object, param_name: str = "on_change"
) -> tuple[WidgetCallback | None, bool]:
    """A widget's ``on_change`` as (callback, ignore_rerun).

    Mirrors validate_on_change_mode of 1.67's runtime/state/common.py for the
    widgets that take its modes: a callable is the callback; None and "rerun"
    mean a change reruns the script; "ignore" means the browser keeps the change
    for the next rerun without asking for one (the proto's ``ignore_rerun``).
    """
    if callable(on_change):
        return on_change, False
    if on_change is None or (isinstance(on_change, str) and on_change == "rerun"):
        return None, False
    if isinstance(on_change, str) and on_change == "ignore":
        return None, True
    raise InvalidValueError(param_name, ["'rerun'", "'ignore'", "a callback function"])


def session_state_value(key: str | None) -> tuple[bool, Any]:
    """Whether st.session_state holds ``key`` (read before the widget registers), and its
    value: a widget whose shape depends on its value (range or not) asks it when it has
    no value of its own, as 1.67's date_input and slider do."""
    ctx = get_script_run_ctx()
    if key is None or ctx is None:
        return False, None
    state = ctx.session_state
    if key not in state:
        return False, None
    return True, state[key]


def reset_state_value(element_id: str, value: Any) -> None:
    """A keyed widget that reset its value writes it back under its key (1.67)."""
    ctx = get_script_run_ctx()
    key = user_key_from_element_id(element_id)
    if ctx is not None and key is not None:
        ctx.session_state.reset_state_value(key, value)
