"""WStates: this run's widget values, as they came from the browser or from a default.

Mirrors: the ``WStates``, ``Serialized`` and ``Value`` classes of
streamlit/runtime/state/session_state.py. A value from the browser is kept as
the raw WidgetState proto (``Serialized``) and turned into a Python value only
when someone reads it, with the deserializer the widget registered
(``WidgetMetadata``). Defaults and values set by the session state are kept as
Python values (``Value``).

Simplified/added: a value the deserializer refuses (InvalidWidgetValue: a
string for a slider, an option that does not exist...) is logged once and
dropped, so lookups fall back to the previous run's value or the default.
Streamlit 1.67 reads the field named by ``value_type`` and, if the browser sent
another kind, deserializes "no value", i.e. resets the widget to its default.

Receives: WidgetStates from session_state.SessionState.on_script_will_rerun.
Hands to: SessionState lookups (``__getitem__``) and callbacks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.runtime.state.common import InvalidWidgetValue, WidgetMetadata

_LOGGER = logging.getLogger("minilit.widgets")


@dataclass(frozen=True)
class Serialized:
    """A value exactly as the browser sent it."""

    value: WidgetState


@dataclass(frozen=True)
class Value:
    """A Python value (a default, or one set through st.session_state)."""

    value: Any


class WStates:
    """Widget id -> value, plus each widget's metadata (kept across runs)."""

    def __init__(self) -> None:
        self.states: dict[str, Serialized | Value] = {}
        self.widget_metadata: dict[str, WidgetMetadata[Any]] = {}

    def __repr__(self) -> str:
        return f"WStates({self.states!r})"

    def __contains__(self, widget_id: object) -> bool:
        try:
            self[str(widget_id)]
        except KeyError:
            return False
        return True

    def __getitem__(self, widget_id: str) -> Any:
        """The widget's value. KeyError if there is none (or it was invalid)."""
        wstate = self.states[widget_id]
        if isinstance(wstate, Value):
            return wstate.value
        metadata = self.widget_metadata.get(widget_id)
        if metadata is None:
            # A value for a widget this session never registered (e.g. from a
            # previous server process): unreadable until the widget is created.
            raise KeyError(widget_id)
        try:
            return metadata.deserializer(wstate.value)
        except InvalidWidgetValue as exc:
            _LOGGER.warning("Ignoring the value the browser sent for widget %s: %s", widget_id, exc)
            del self.states[widget_id]
            raise KeyError(widget_id) from None

    def __setitem__(self, widget_id: str, value: Serialized | Value) -> None:
        self.states[widget_id] = value

    def __delitem__(self, widget_id: str) -> None:
        del self.states[widget_id]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.states))

    def keys(self) -> set[str]:
        return set(self.states)

    def get(self, widget_id: str, default: Any = None) -> Any:
        try:
            return self[widget_id]
        except KeyError:
            return default

    def set_widget_from_proto(self, state: WidgetState) -> None:
        """Store a value from the browser (read lazily, see the module docstring)."""
        copy = WidgetState()
        copy.CopyFrom(state)
        self.states[state.id] = Serialized(copy)

    def set_from_value(self, widget_id: str, value: Any) -> None:
        self.states[widget_id] = Value(value)

    def drop_invalid(self) -> None:
        """Read every browser value once, so refused ones are logged and dropped now."""
        for widget_id in list(self.states):
            if widget_id in self.widget_metadata:
                self.get(widget_id)

    def call_callback(self, widget_id: str) -> bool:
        """Run the widget's on_change/on_click, if it has one. Returns whether it ran."""
        metadata = self.widget_metadata.get(widget_id)
        if metadata is None or metadata.callback is None:
            return False
        metadata.callback(*metadata.callback_args, **metadata.callback_kwargs)
        return True

    def remove_stale_widgets(self, active_widget_ids: set[str]) -> None:
        """Forget values and metadata of widgets that were not in the last completed run."""
        self.states = {k: v for k, v in self.states.items() if k in active_widget_ids}
        self.widget_metadata = {
            k: v for k, v in self.widget_metadata.items() if k in active_widget_ids
        }

    def clear(self) -> None:
        """Forget the values (metadata stays: the widgets still exist)."""
        self.states.clear()
