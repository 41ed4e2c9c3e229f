"""Widget wrappers: read a widget's value and change it, ``app.slider[0].set_value(3).run()``.

Mirrors: the widget half of Streamlit's ``lib/streamlit/testing/v1/element_tree.py``
(``Widget``, ``Button``, ``Checkbox``, ``Toggle``, ``TextInput``, ``NumberInput``,
``Slider``, ``Selectbox``, ``Radio``, ``Multiselect``), and, for how each value travels,
the browser's widget components (``setBoolValue``, ``setStringValue`` ... of
``WidgetStateManager.ts``). Value kinds, as Streamlit 1.67 sends them: checkbox/toggle
``bool_value``; text_input/text_area ``string_value``; number_input ``double_value``
(``int_value`` for an INT one); slider ``double_array_value``; selectbox/radio
``string_value`` (the option text);
multiselect ``string_array_value``; button/form_submit_button ``trigger_value``;
chat_input ``chat_input_value`` (a trigger too: sent with one rerun only).

The difference from AppTest: AppTest reads values from the server's session state, while
these wrappers see only what crossed the wire. A widget's ``value`` is therefore the value
the *browser* would show: the one you set through this API, else the one the server pushed
with ``set_value``, else the widget's default from its proto.

Simplified: option lists are the option *texts* the server sent (a ``format_func`` has
already been applied); date/time sliders and select_slider can be read but not set;
``default`` has field presence for text, number and single-choice widgets (``optional``
in the protos, as in 1.67), so a widget created with ``value=None`` / ``index=None``
shows ``None`` until something is chosen.

Receives: ``TreeItem``s via ``minilit.testing.page.wrap``. Hands to: the page's
``WidgetStateManager`` (``minilit.testing.widget_state``), the values set by
``set_value``/``click``/``input``/``select``; a form submit goes through
``Page.submit_form``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

from minilit.proto import BackMsg_pb2, Widgets_pb2
from minilit.testing.elements import Element, widget_key

WidgetState = BackMsg_pb2.WidgetState


class Widget(Element):
    """An element the user can change. Changes are kept by the client until ``run()``.

    ``value`` is what the browser would show (see the module docstring). Subclasses add
    verbs (``check``, ``input``, ``select`` ...); all return the widget, so calls chain.
    """

    @property
    def id(self) -> str:
        """The widget id, ``$$ID-<hash>-<key or None>``."""
        return str(self.proto.id)

    @property
    def key(self) -> str | None:
        """The user key part of the id, or None."""
        return widget_key(self.id)

    @property
    def label(self) -> str:
        """The widget's label."""
        return str(self.proto.label)

    @property
    def form_id(self) -> str:
        """The form the widget belongs to ("" when not in a form)."""
        return str(self.proto.form_id)

    @property
    def disabled(self) -> bool:
        """Whether the widget is disabled."""
        return bool(self.proto.disabled)

    @property
    def help(self) -> str:
        """The tooltip text."""
        return str(self.proto.help)

    @property
    def value(self) -> Any:
        """The value the browser would show: set here, else pushed by the server, else default."""
        state = self._app.widget_states.current(self.id, self.form_id)
        if state is not None and state.WhichOneof("value") is not None:
            return self.decode_state(state)
        server_state = self.server_state()
        if server_state is not None:
            return self.decode_state(server_state)
        return self._default()

    def set_value(self, value: Any) -> Self:
        """Set the widget's value for the next run (parked in the form if in one)."""
        state = self._encode(value)
        state.id = self.id
        return self.set_widget_state(state)

    def set_widget_state(self, state: WidgetState) -> Self:
        """Low level: use this exact ``WidgetState`` (its ``id`` is overwritten)."""
        copy = WidgetState()
        copy.CopyFrom(state)
        copy.id = self.id
        self._app.widget_states.set_state(copy, self.form_id)
        return self

    def server_state(self) -> WidgetState | None:
        """The value the server pushed with ``set_value=true``, as a WidgetState, or None."""
        if not getattr(self.proto, "set_value", False):
            return None
        return self._server_value()

    def mount_state(self) -> WidgetState | None:
        """The value the browser commits when this widget mounts: its default, or None.

        A state with no value when the default is None (the browser sends the widget's
        id alone for a null value); None when the widget has no value of its own (a
        button) and so sends nothing until used.
        """
        default = self._default()
        if default is None:
            return WidgetState()  # an id and no value: what the browser sends for null
        try:
            return self._encode(default)
        except (NotImplementedError, ValueError):
            return None

    # Subclasses: how values travel.
    def _encode(self, value: Any) -> WidgetState:
        raise NotImplementedError(f"{type(self).__name__} cannot be set through this client")

    def decode_state(self, state: WidgetState) -> Any:
        """The Python value a ``WidgetState`` stands for (the inverse of ``set_value``)."""
        return getattr(state, state.WhichOneof("value") or "id")

    def _default(self) -> Any:
        return None

    def _server_value(self) -> WidgetState | None:
        return None


class Button(Widget):
    """``st.button``: ``click()`` sends ``trigger_value=true`` with the next run only.

    ``value`` is True while a click is waiting to be sent (the script sees True for
    exactly the one run that carries it).
    """

    @property
    def value(self) -> bool:
        """Whether a click is waiting for the next run."""
        return self._app.widget_states.has_trigger(self.id)

    def click(self) -> Self:
        """Press the button."""
        self._app.widget_states.set_trigger(self.id)
        return self

    def set_value(self, value: Any) -> Self:
        """``set_value(True)`` is ``click()``; False does nothing (triggers reset themselves)."""
        return self.click() if value else self

    def mount_state(self) -> WidgetState | None:
        """A button sends nothing until clicked."""
        return None


class FormSubmitButton(Button):
    """``st.form_submit_button``: ``click()`` submits the form it belongs to."""

    def click(self) -> Self:
        """Submit the form: its parked values are committed and this button is triggered."""
        self._app.submit_form(self.form_id, self.id)
        return self


class Checkbox(Widget):
    """``st.checkbox`` (and the base of ``st.toggle``): a ``bool_value``."""

    @property
    def value(self) -> bool:
        """Checked or not."""
        return bool(super().value)

    def check(self) -> Self:
        """Tick it."""
        return self.set_value(True)

    def uncheck(self) -> Self:
        """Untick it."""
        return self.set_value(False)

    def _encode(self, value: Any) -> WidgetState:
        return WidgetState(bool_value=bool(value))

    def decode_state(self, state: WidgetState) -> bool:
        return state.bool_value

    def _default(self) -> bool:
        return bool(self.proto.default)

    def _server_value(self) -> WidgetState:
        return WidgetState(bool_value=self.proto.value)


class Toggle(Checkbox):
    """``st.toggle``: a checkbox drawn as a switch."""


class TextInput(Widget):
    """``st.text_input`` (and the base of ``st.text_area``): a ``string_value``."""

    @property
    def value(self) -> str:
        """The text."""
        return str(super().value)

    @property
    def max_chars(self) -> int:
        """The length limit (0 = none)."""
        return int(self.proto.max_chars)

    @property
    def placeholder(self) -> str:
        """The greyed-out hint shown when empty."""
        return str(self.proto.placeholder)

    def input(self, text: str) -> Self:
        """Type ``text`` (replacing what was there), as if the user pressed Enter."""
        return self.set_value(text)

    def _encode(self, value: Any) -> WidgetState:
        text = str(value)
        if self.max_chars and len(text) > self.max_chars:
            raise ValueError(f"{self.label!r} takes at most {self.max_chars} characters")
        return WidgetState(string_value=text)

    def decode_state(self, state: WidgetState) -> str:
        return state.string_value

    def _default(self) -> str | None:
        return str(self.proto.default) if self.proto.HasField("default") else None

    def _server_value(self) -> WidgetState:
        return WidgetState(string_value=self.proto.value)


class TextArea(TextInput):
    """``st.text_area``."""


class NumberInput(Widget):
    """``st.number_input``: a ``double_value`` (an int when the widget is an INT one)."""

    @property
    def is_int(self) -> bool:
        """Whether the widget holds ints (``data_type == INT``)."""
        return bool(self.proto.data_type == Widgets_pb2.NumberInput.INT)

    @property
    def step(self) -> float:
        """The step of the +/- buttons (the browser's default when the server sent none)."""
        if self.proto.step:
            return float(self.proto.step)
        return 1.0 if self.is_int else 0.01

    def increment(self) -> Self:
        """Press "+"."""
        return self.set_value(self.value + self.step)

    def decrement(self) -> Self:
        """Press "-"."""
        return self.set_value(self.value - self.step)

    def _encode(self, value: Any) -> WidgetState:
        number = float(value)
        if self.proto.has_min and number < self.proto.min:
            raise ValueError(f"{number} is below the minimum {self.proto.min} of {self.label!r}")
        if self.proto.has_max and number > self.proto.max:
            raise ValueError(f"{number} is above the maximum {self.proto.max} of {self.label!r}")
        if self.is_int:
            # Chromium on 1.67 sends an INT number input's value as int_value.
            if not number.is_integer():
                raise ValueError(f"{number} is not a whole number ({self.label!r} takes ints)")
            return WidgetState(int_value=int(number))
        return WidgetState(double_value=number)

    def _number(self, raw: float) -> int | float:
        return int(raw) if self.is_int else raw

    def decode_state(self, state: WidgetState) -> int | float:
        if state.WhichOneof("value") == "int_value":
            return int(state.int_value)
        return self._number(state.double_value)

    def _default(self) -> int | float | None:
        if not self.proto.HasField("default"):
            return None
        return self._number(self.proto.default)

    def _server_value(self) -> WidgetState:
        return WidgetState(double_value=self.proto.value)


class Slider(Widget):
    """``st.slider``: a ``double_array_value`` with one value, or two for a range.

    ``value`` is a number, or a ``(low, high)`` tuple for a range slider; ints when the
    slider is an INT one.
    """

    _NUMERIC = (Widgets_pb2.Slider.INT, Widgets_pb2.Slider.FLOAT)

    @property
    def min(self) -> float:
        """The lowest value."""
        return float(self.proto.min)

    @property
    def max(self) -> float:
        """The highest value."""
        return float(self.proto.max)

    @property
    def step(self) -> float:
        """The step between values."""
        return float(self.proto.step)

    def set_range(self, low: float, high: float) -> Self:
        """Set both ends of a range slider."""
        return self.set_value((low, high))

    def _encode(self, value: Any) -> WidgetState:
        if self.proto.data_type not in self._NUMERIC:
            raise NotImplementedError("only numeric sliders can be set through this client")
        values = [float(v) for v in value] if isinstance(value, tuple | list) else [float(value)]
        for v in values:
            if not self.min <= v <= self.max:
                raise ValueError(f"{v} is outside [{self.min}, {self.max}] of {self.label!r}")
        state = WidgetState()
        state.double_array_value.data.extend(values)
        return state

    def _shape(self, raw: Sequence[float]) -> Any:
        if self.proto.data_type == Widgets_pb2.Slider.INT:
            numbers: list[Any] = [int(v) for v in raw]
        else:
            numbers = list(raw)
        return numbers[0] if len(numbers) == 1 else tuple(numbers)

    def decode_state(self, state: WidgetState) -> Any:
        return self._shape(state.double_array_value.data)

    def _default(self) -> Any:
        return self._shape(self.proto.default)

    def mount_state(self) -> WidgetState | None:
        """The default as the proto carries it (also for date and select sliders)."""
        state = WidgetState()
        state.double_array_value.data.extend(self.proto.default)
        return state

    def _server_value(self) -> WidgetState:
        state = WidgetState()
        state.double_array_value.data.extend(self.proto.value)
        return state


class Selectbox(Widget):
    """``st.selectbox`` (and the base of ``st.radio``): the chosen option's text."""

    @property
    def options(self) -> list[str]:
        """The option texts, in order."""
        return list(self.proto.options)

    @property
    def index(self) -> int | None:
        """The position of the current value in ``options`` (None if not there)."""
        value = self.value
        return self.options.index(value) if value in self.options else None

    def select(self, option: str) -> Self:
        """Choose an option by its text."""
        return self.set_value(option)

    def select_index(self, index: int) -> Self:
        """Choose an option by its position."""
        return self.set_value(self.options[index])

    def _encode(self, value: Any) -> WidgetState:
        if value not in self.options:
            raise ValueError(f"{value!r} is not an option of {self.label!r}: {self.options}")
        return WidgetState(string_value=str(value))

    def decode_state(self, state: WidgetState) -> str:
        return state.string_value

    def _default(self) -> str | None:
        if not self.proto.HasField("default"):
            return None
        options = self.options
        return options[self.proto.default] if 0 <= self.proto.default < len(options) else None

    def _server_value(self) -> WidgetState:
        return WidgetState(string_value=self.proto.raw_value)


class Radio(Selectbox):
    """``st.radio``."""


class Multiselect(Widget):
    """``st.multiselect``: the chosen options' texts (``string_array_value``)."""

    @property
    def options(self) -> list[str]:
        """The option texts, in order."""
        return list(self.proto.options)

    @property
    def value(self) -> list[str]:
        """The chosen options."""
        return list(super().value)

    def select(self, option: str) -> Self:
        """Add an option to the selection."""
        current = self.value
        return self.set_value([*current, option] if option not in current else current)

    def unselect(self, option: str) -> Self:
        """Remove an option from the selection."""
        return self.set_value([v for v in self.value if v != option])

    def _encode(self, value: Any) -> WidgetState:
        chosen = [str(v) for v in value]
        for option in chosen:
            if option not in self.options:
                raise ValueError(f"{option!r} is not an option of {self.label!r}")
        if self.proto.max_selections and len(chosen) > self.proto.max_selections:
            raise ValueError(f"{self.label!r} allows {self.proto.max_selections} selections")
        state = WidgetState()
        state.string_array_value.SetInParent()  # an empty selection is still a value
        state.string_array_value.data.extend(chosen)
        return state

    def decode_state(self, state: WidgetState) -> list[str]:
        return list(state.string_array_value.data)

    def _default(self) -> list[str]:
        options = self.options
        return [options[i] for i in self.proto.default if 0 <= i < len(options)]

    def _server_value(self) -> WidgetState:
        state = WidgetState()
        state.string_array_value.data.extend(self.proto.raw_values)
        return state


class ChatInput(Widget):
    """``st.chat_input``: ``set_value("hi")`` sends the message with the next run only.

    ``value`` is the message waiting to be sent (None when there is none): like a
    button, the script sees it in exactly the one run that carries it. A text the
    script put there through st.session_state (``set_value``) fills the box but is not
    sent until the user sends it (``submit()``).
    """

    @property
    def label(self) -> str:
        """A chat input has no label; its placeholder stands in."""
        return str(self.proto.placeholder)

    @property
    def placeholder(self) -> str:
        return str(self.proto.placeholder)

    @property
    def value(self) -> str | None:
        """The message waiting for the next run, or None."""
        state = self._app.widget_states.pending_trigger(self.id)
        if state is None or not state.chat_input_value.HasField("data"):
            return None
        return state.chat_input_value.data

    def set_value(self, value: Any) -> Self:
        """Type ``value`` and press Enter: it goes out with the next run only."""
        if value is None:
            return self
        state = WidgetState()
        state.chat_input_value.data = str(value)
        self._app.widget_states.set_trigger(self.id, state)
        return self

    def submit(self) -> Self:
        """Send the text the server put in the box (``set_value`` from st.session_state)."""
        if self.proto.set_value:
            self.set_value(self.proto.value)
        return self

    def mount_state(self) -> WidgetState | None:
        """A chat input sends nothing until a message is sent."""
        return None
