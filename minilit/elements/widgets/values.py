"""Checks shared by the widgets' deserializers: is this browser value acceptable?

Not in Streamlit as such: Streamlit's deserializers trust the browser (a value
of the wrong kind is read as "no value", which resets the widget). minilit's
refuse it with InvalidWidgetValue; the session state logs a warning and keeps
the previous value (runtime/state/widget_states.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.runtime.state.common import InvalidWidgetValue


def expect_kind(state: WidgetState, *kinds: str) -> str:
    """The oneof member of ``state``; raises InvalidWidgetValue unless it is one of ``kinds``."""
    kind: str | None = state.WhichOneof("value")
    if kind is None or kind not in kinds:
        expected = " or ".join(kinds)
        raise InvalidWidgetValue(f"expected {expected}, got {kind or 'no value'}")
    return kind


def expect_finite(value: float) -> float:
    if not math.isfinite(value):
        raise InvalidWidgetValue(f"{value} is not a finite number")
    return value


def expect_index(index: int, options: Sequence[object]) -> int:
    if not 0 <= index < len(options):
        raise InvalidWidgetValue(f"index {index} is out of range for {len(options)} options")
    return index


def expect_option(text: str, formatted_options: Sequence[str]) -> int:
    """The index of an option given by its text (as 1.67 browsers send it)."""
    try:
        return list(formatted_options).index(text)
    except ValueError:
        raise InvalidWidgetValue(f"{text!r} is not one of the options") from None
