"""What the widget layer and the session state share: widget ids, metadata, results.

Mirrors: streamlit/runtime/state/common.py (GENERATED_ELEMENT_ID_PREFIX,
WidgetMetadata, RegisterWidgetResult, user_key_from_element_id, is_element_id).
Simplified: no serializer in the metadata (the widget module serializes the
values it sends back with ``set_value`` itself); deserializers receive the raw
WidgetState proto and raise ``InvalidWidgetValue`` for a value they cannot
accept, where Streamlit's read ``getattr(proto, value_type)`` and trust it.

Note [Widget ids]
    A widget id looks like ``$$ID-<32 hex>-<user key or None>``::

        $$ID-3ab465c11491b417d25adae5a1f614cf-name    st.text_input("Your name", key="name")
        $$ID-3a2f402f1c817b606a4b60af929c6d4f-None    st.button("Greet")

    The hex part is a hash of the element type, the key and the widget's
    identity parameters (elements/widgets/ids.py). The key is repeated in
    clear text at the end, so the session state can map a user key to its
    widget without a table lookup in the browser's messages.

Receives/hands: imported by runtime/state/session_state.py and the widget
modules in elements/widgets/.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from minilit.proto.BackMsg_pb2 import WidgetState

T = TypeVar("T")

GENERATED_ELEMENT_ID_PREFIX = "$$ID"
"""Every widget id starts with this (Streamlit's prefix)."""

ValueType = Literal[
    "trigger_value",
    "bool_value",
    "double_value",
    "int_value",
    "string_value",
    "double_array_value",
    "int_array_value",
    "string_array_value",
    "json_value",
    "file_uploader_state_value",
    "chat_input_value",
]
"""The WidgetState oneof member a widget's value travels in (Streamlit 1.67's choice)."""

TRIGGER_VALUE_TYPES: frozenset[str] = frozenset(
    {"trigger_value", "string_trigger_value", "chat_input_value", "json_trigger_value"}
)
"""Value kinds that last one run (1.67's _TRIGGER_PROTO_FIELDS): after the run a
``trigger_value`` goes back to False, the others to None."""


def trigger_reset_value(value_type: str) -> Any:
    """What a trigger widget's value becomes after its run (False or None)."""
    return False if value_type == "trigger_value" else None


WidgetCallback = Callable[..., Any]
WidgetArgs = tuple[Any, ...] | list[Any]
WidgetKwargs = Mapping[str, Any]


class InvalidWidgetValue(ValueError):
    """The browser sent a value this widget cannot take (wrong kind, out of range...).

    Raised by deserializers; the session state logs a warning and ignores the
    value, so the script sees the previous value (or the default), never a crash.
    """


@dataclass(frozen=True)
class WidgetMetadata(Generic[T]):
    """What the session state needs to know about one widget to read its value.

    Registered on every run the widget is called in (``SessionState.register_widget``).
    """

    id: str
    deserializer: Callable[[WidgetState | None], T]
    """Turns the browser's WidgetState (None: no value from the browser) into the
    value the script sees. Raises InvalidWidgetValue for a value it cannot take."""
    value_type: ValueType
    callback: WidgetCallback | None = None
    callback_args: tuple[Any, ...] = ()
    callback_kwargs: dict[str, Any] = field(default_factory=dict)
    disabled: bool = False
    """A disabled widget cannot be used in the browser, so a value the browser sends for
    it is stale or forged: the session state drops it and runs no callback for it (1.67)."""


@dataclass(frozen=True)
class RegisterWidgetResult(Generic[T]):
    """What registering a widget gives back to the widget function."""

    value: T
    """The value the script sees this run."""
    value_changed: bool
    """True when the value was set through st.session_state this run, so the
    widget proto must carry it with ``set_value`` and the browser adopts it."""


def user_key_from_element_id(element_id: str) -> str | None:
    """The user key at the end of a widget id, or None for an unkeyed widget."""
    user_key = element_id.split("-", maxsplit=2)[-1]
    return None if user_key == "None" else user_key


def is_element_id(key: str) -> bool:
    """True for a generated widget id (``$$ID-...``), False for a user key."""
    return key.startswith(GENERATED_ELEMENT_ID_PREFIX)


def is_keyed_element_id(key: str) -> bool:
    """True for the id of a widget created with ``key=``."""
    return is_element_id(key) and not key.endswith("-None")


def value_kind(state: WidgetState | None) -> str | None:
    """Which WidgetState oneof member is set (``"bool_value"`` ...), None if none."""
    return None if state is None else state.WhichOneof("value")
