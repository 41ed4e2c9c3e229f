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

Newer kinds: date_input ``string_array_value`` ("YYYY-MM-DD"); time_input and
color_picker ``string_value``; date/time sliders ``double_array_value`` (microseconds);
select_slider, pills and segmented_control ``string_array_value`` (option texts);
feedback ``string_value`` (the index as text); a link_button with ``on_click`` a
``trigger_value``.

Simplified: option lists are the option *texts* the server sent (a ``format_func`` has
already been applied);
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
from datetime import date, datetime, time
from typing import Any, Self

from minilit.elements.widgets.date_slider import slider_micros, slider_moment
from minilit.elements.widgets.time_widgets import date_text, parse_wire_date
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
        self._app.widget_states.user_set_state(copy, self.form_id)
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


def _moment(value: Any, data_type: int) -> Any:
    """A date, time or datetime for a slider of ``data_type``; ISO texts are read too."""
    if not isinstance(value, str):
        return value
    if data_type == Widgets_pb2.Slider.DATE:
        return date.fromisoformat(value)
    if data_type == Widgets_pb2.Slider.TIME:
        return time.fromisoformat(value)
    return datetime.fromisoformat(value)


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

    def set_range(self, low: Any, high: Any) -> Self:
        """Set both ends of a range slider."""
        return self.set_value((low, high))

    def _encode(self, value: Any) -> WidgetState:
        items = list(value) if isinstance(value, tuple | list) else [value]
        if self.proto.data_type in self._NUMERIC:
            values = [float(v) for v in items]
        else:
            values = [
                float(slider_micros(_moment(v, self.proto.data_type), self.proto.data_type))
                for v in items
            ]
        for v in values:
            if not self.min <= v <= self.max:
                raise ValueError(f"{v} is outside [{self.min}, {self.max}] of {self.label!r}")
        state = WidgetState()
        state.double_array_value.data.extend(values)
        return state

    def _shape(self, raw: Sequence[float]) -> Any:
        if self.proto.data_type == Widgets_pb2.Slider.INT:
            numbers: list[Any] = [int(v) for v in raw]
        elif self.proto.data_type == Widgets_pb2.Slider.FLOAT:
            numbers = list(raw)
        else:
            numbers = [slider_moment(v, self.proto.data_type) for v in raw]
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


def _string_array(texts: Sequence[str]) -> WidgetState:
    state = WidgetState()
    state.string_array_value.SetInParent()  # an empty list is still a value
    state.string_array_value.data.extend(texts)
    return state


class SelectSlider(Widget):
    """``st.select_slider``: the chosen option's text, or a (low, high) pair of texts."""

    @property
    def options(self) -> list[str]:
        """The option texts, in order."""
        return list(self.proto.options)

    def set_range(self, low: str, high: str) -> Self:
        """Set both ends of a range select_slider."""
        return self.set_value((low, high))

    def _encode(self, value: Any) -> WidgetState:
        texts = [str(v) for v in value] if isinstance(value, tuple | list) else [str(value)]
        if len(texts) != len(self.proto.default):
            raise ValueError(f"{self.label!r} takes {len(self.proto.default)} value(s)")
        for text in texts:
            if text not in self.options:
                raise ValueError(f"{text!r} is not an option of {self.label!r}")
        return _string_array(texts)

    def _shape(self, texts: Sequence[str]) -> Any:
        return tuple(texts) if len(self.proto.default) == 2 else (texts[0] if texts else None)

    def decode_state(self, state: WidgetState) -> Any:
        return self._shape(list(state.string_array_value.data))

    def _default(self) -> Any:
        options = self.options
        return self._shape([options[int(i)] for i in self.proto.default])

    def _server_value(self) -> WidgetState:
        return _string_array(list(self.proto.raw_value))


class DateInput(Widget):
    """``st.date_input``: a ``datetime.date``, a tuple of them for a range, or None."""

    @property
    def min(self) -> date:
        """The earliest date offered."""
        return parse_wire_date(self.proto.min)

    @property
    def max(self) -> date:
        """The latest date offered."""
        return parse_wire_date(self.proto.max)

    @property
    def is_range(self) -> bool:
        """Whether the widget takes a (start, end) range."""
        return bool(self.proto.is_range)

    def set_range(self, start: date, end: date | None = None) -> Self:
        """Choose a range (``end`` None: only the start picked so far)."""
        return self.set_value((start,) if end is None else (start, end))

    def _encode(self, value: Any) -> WidgetState:
        if value is None:
            dates: list[date] = []
        elif isinstance(value, tuple | list):
            dates = list(value)
        else:
            dates = [value]
        # ISO texts too ("2024-06-01"), for values typed on a command line (trace --do).
        dates = [date.fromisoformat(d) if isinstance(d, str) else d for d in dates]
        if len(dates) > (2 if self.is_range else 1):
            raise ValueError(f"too many dates for {self.label!r}")
        for d in dates:
            if not self.min <= d <= self.max:
                raise ValueError(f"{d} is outside [{self.min}, {self.max}] of {self.label!r}")
        return _string_array([date_text(d) for d in dates])

    def _shape(self, texts: Sequence[str]) -> Any:
        dates = [parse_wire_date(t) for t in texts]
        if self.is_range:
            return tuple(dates)
        return dates[0] if dates else None

    def decode_state(self, state: WidgetState) -> Any:
        return self._shape(list(state.string_array_value.data))

    def _default(self) -> Any:
        return self._shape(list(self.proto.default))

    def mount_state(self) -> WidgetState | None:
        """The default dates, as the browser commits them (an empty list for none)."""
        return _string_array(list(self.proto.default))

    def _server_value(self) -> WidgetState:
        return _string_array(list(self.proto.value))


class TimeInput(Widget):
    """``st.time_input``: a ``datetime.time`` or None (``string_value`` "HH:MM")."""

    @property
    def step(self) -> int:
        """Seconds between the times offered."""
        return int(self.proto.step)

    def _encode(self, value: Any) -> WidgetState:
        if isinstance(value, datetime):
            value = value.time()
        if isinstance(value, str):
            value = time.fromisoformat(value)
        if not isinstance(value, time):
            raise ValueError(f"{value!r} is not a time")
        fmt = "%H:%M:%S" if self.step % 60 else "%H:%M"
        return WidgetState(string_value=value.strftime(fmt))

    def decode_state(self, state: WidgetState) -> time | None:
        text = state.string_value
        return time.fromisoformat(text) if text else None

    def _default(self) -> time | None:
        return time.fromisoformat(self.proto.default) if self.proto.HasField("default") else None

    def _server_value(self) -> WidgetState:
        return (
            WidgetState(string_value=self.proto.value)
            if self.proto.HasField("value")
            else WidgetState()
        )


class ColorPicker(Widget):
    """``st.color_picker``: a "#rrggbb" text."""

    @property
    def value(self) -> str:
        """The colour."""
        return str(super().value)

    def pick(self, color: str) -> Self:
        """Choose a colour, as the browser's picker sends it (lower case)."""
        return self.set_value(color)

    def _encode(self, value: Any) -> WidgetState:
        return WidgetState(string_value=str(value).lower())

    def decode_state(self, state: WidgetState) -> str:
        return state.string_value

    def _default(self) -> str:
        return str(self.proto.default)

    def _server_value(self) -> WidgetState:
        return WidgetState(string_value=self.proto.value)


def option_text(option: Widgets_pb2.ButtonGroup.Option) -> str:
    """The text a ButtonGroup option travels as: its icon, a space, its content (1.67)."""
    if option.HasField("content_icon") and option.content_icon:
        return f"{option.content_icon} {option.content}".strip()
    return str(option.content)


class ButtonGroup(Widget):
    """``st.pills`` and ``st.segmented_control``: the chosen option text(s).

    ``value`` is a text or None in "single" mode, a list of texts in "multi" mode.
    """

    @property
    def options(self) -> list[str]:
        """The option texts as they travel (icon and content)."""
        return [option_text(o) for o in self.proto.options]

    @property
    def multi(self) -> bool:
        """Whether several options can be chosen."""
        return bool(self.proto.click_mode == Widgets_pb2.ButtonGroup.MULTI_SELECT)

    def select(self, option: str) -> Self:
        """Click an unchosen option (in "single" mode it replaces the chosen one)."""
        if self.multi:
            current = list(self.value)
            return self.set_value(current if option in current else [*current, option])
        return self.set_value(option)

    def unselect(self, option: str) -> Self:
        """Click a chosen option again to unchoose it."""
        if self.multi:
            return self.set_value([v for v in self.value if v != option])
        return self.set_value(None if self.value == option else self.value)

    def _encode(self, value: Any) -> WidgetState:
        if self.multi:
            chosen = [value] if isinstance(value, str) else list(value or [])
            texts = [str(v) for v in chosen]
        else:
            texts = [] if value is None else [str(value)]
        for text in texts:
            if text not in self.options:
                raise ValueError(f"{text!r} is not an option of {self.label!r}: {self.options}")
        return _string_array(texts)

    def _shape(self, texts: Sequence[str]) -> Any:
        if self.multi:
            return list(texts)
        return texts[0] if texts else None

    def decode_state(self, state: WidgetState) -> Any:
        return self._shape(list(state.string_array_value.data))

    def _default(self) -> Any:
        options = self.options
        return self._shape([options[i] for i in self.proto.default if i < len(options)])

    def mount_state(self) -> WidgetState | None:
        """The default option texts, as the browser commits them."""
        options = self.options
        return _string_array([options[i] for i in self.proto.default if i < len(options)])

    def _server_value(self) -> WidgetState:
        return _string_array(list(self.proto.raw_values))


class Feedback(Widget):
    """``st.feedback``: the chosen icon's index, or None (``string_value`` "2", "" cleared)."""

    @property
    def label(self) -> str:
        """A feedback widget has no label."""
        return ""

    @property
    def help(self) -> str:
        """Nor a tooltip."""
        return ""

    def rate(self, index: int | None) -> Self:
        """Click the icon at ``index`` (None: click the chosen one again to clear)."""
        return self.set_value(index)

    def _encode(self, value: Any) -> WidgetState:
        return WidgetState(string_value="" if value is None else str(int(value)))

    def decode_state(self, state: WidgetState) -> int | None:
        text = state.string_value
        return int(text) if text else None

    def _default(self) -> int | None:
        return int(self.proto.default) if self.proto.HasField("default") else None

    def mount_state(self) -> WidgetState | None:
        """What 1.67's browser commits on mount: the default's index as text, else ""."""
        return self._encode(self._default())

    def _server_value(self) -> WidgetState:
        if self.proto.HasField("value"):
            return WidgetState(string_value=str(self.proto.value))
        return WidgetState(string_value="")


class LinkButton(Button):
    """``st.link_button``: opens its URL; with ``on_click`` a click is also a trigger."""

    @property
    def form_id(self) -> str:
        """Never in a form (its proto has no form_id)."""
        return ""

    @property
    def url(self) -> str:
        """Where the link goes."""
        return str(self.proto.url)

    def click(self) -> Self:
        """Press it: a trigger for the next run, unless the button ignores reruns."""
        if self.proto.ignore_rerun:
            return self  # the browser only opens the URL
        return super().click()


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
