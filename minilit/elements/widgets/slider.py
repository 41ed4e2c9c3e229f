"""st.slider: one number, or a (low, high) range; values travel as ``double_array_value``.

Mirrors: streamlit/elements/widgets/slider.py (SliderMixin.slider, SliderSerde).
Simplified: no ``bind``/``persist_state``. Dates, times and datetimes are
handed to date_slider.py; st.select_slider is select_slider.py.

Types follow the value, as in Streamlit: ints -> an INT slider that returns
ints (default range 0..100, step 1, format "%d"); floats -> a FLOAT slider
(0.0..1.0, step 0.01, format "%0.2f"); bounds and step must be of the same
kind. A tuple or list ``value`` makes a range slider that returns a tuple.
As 1.67, reversed bounds are swapped and a value outside them widens them.

Identity (1.67): label, min_value, max_value, value, step, format, help, width
("stretch"), each exactly as passed (None when omitted); with a key, only
min_value, max_value and step. Verified against a real 1.67 id.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from numbers import Integral, Real
from typing import Any

from minilit.elements.layout_utils import (
    InvalidParameterTypeError,
    InvalidValueError,
    LabelVisibilityName,
    Width,
    label_text,
    label_visibility_proto,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    on_change_callback,
    register_widget,
    session_state_value,
    to_key,
)
from minilit.elements.widgets.date_slider import is_timelike, timelike_slider
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.number_input import MAX_SAFE_INTEGER, check_js_number
from minilit.elements.widgets.values import expect_finite, expect_kind
from minilit.errors import InvalidMinMaxError, ValueAboveMaxError, ValueBelowMinError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import Slider as SliderProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

Number = int | float
SliderValue = Number | tuple[Number, ...]

_DEFAULTS = {
    SliderProto.INT: (0, 100, 1, "%d"),
    SliderProto.FLOAT: (0.0, 1.0, 0.01, "%0.2f"),
}


def _kind(value: object) -> SliderProto.DataType:
    """INT for an integral number (bools too, as in 1.67), FLOAT for another real."""
    return SliderProto.INT if isinstance(value, Integral) else SliderProto.FLOAT


class SliderMixin(DGMixin):
    def slider(
        self,
        label: str,
        min_value: Number | None = None,
        max_value: Number | None = None,
        value: Number | Sequence[Number] | None = None,
        step: Number | None = None,
        format: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | str | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> Any:
        """A slider; returns a number, or a tuple for a range slider.

        Example:
            >>> age = st.slider("Age", 0, 130, 25)               # doctest: +SKIP
            >>> low, high = st.slider("Range", 0.0, 100.0, (25.0, 75.0))  # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        check_widget_policies(dg, user_key, callback, default_value=value)
        element_id = compute_and_register_element_id(
            "slider",
            user_key,
            {"min_value", "max_value", "step"},
            dg,
            label=label,
            min_value=min_value,
            max_value=max_value,
            value=value,
            step=step,
            format=format,
            help=help,
            width=width,
        )
        if is_timelike(value) or is_timelike(min_value) or is_timelike(max_value):
            return timelike_slider(
                dg,
                element_id,
                label=label_text(label),
                min_value=min_value,
                max_value=max_value,
                value=value,
                step=step,
                format=format,
                help=help_text(help),
                on_change=callback,
                args=args,
                kwargs=kwargs,
                disabled=disabled,
                label_visibility=label_visibility_proto(label_visibility),
                width=width_cfg,
                ignore_rerun=ignore_rerun,
            )

        if value is None:
            # No value: one thumb at min_value, unless a keyed slider's session state
            # holds a range (1.67 asks it, as the value decides range or not).
            known, state_value = session_state_value(user_key)
            if known and isinstance(state_value, (list, tuple)):
                value = [
                    min_value if min_value is not None else 0,
                    max_value if max_value is not None else 100,
                ]
            else:
                value = min_value if min_value is not None else 0
        single = isinstance(value, Real)
        if not single and not (isinstance(value, (list, tuple)) and len(value) <= 2):
            if isinstance(value, (list, tuple)):
                raise InvalidValueError(
                    "value",
                    [
                        "int", "float", "date", "time", "datetime",
                        "a list containing up to two such values",
                        "a tuple containing up to two such values",
                    ],
                )  # fmt: skip
            raise InvalidParameterTypeError(
                "value",
                type(value).__name__,
                ["int", "float", "date", "time", "datetime", "list", "tuple"],
            )
        raw_values: list[Any] = [value] if single else list(value)  # type: ignore[arg-type]
        kinds = {_kind(v) for v in raw_values}
        if len(kinds) > 1:
            raise InvalidParameterTypeError(
                "value",
                ", ".join(type(v).__name__ for v in raw_values),
                ["list or tuple containing values of the same type"],
            )
        data_type = kinds.pop() if kinds else SliderProto.INT
        lo_default, hi_default, step_default, format_default = _DEFAULTS[data_type]
        lo: Any = min_value if min_value is not None else lo_default
        hi: Any = max_value if max_value is not None else hi_default
        step_value: Any = step if step is not None else step_default
        if step_value == 0:
            raise InvalidValueError("step", ["a number"], detail="Zero is not allowed.")
        bounds = (lo, hi, step_value)
        int_args = all(isinstance(a, Integral) for a in bounds)
        float_args = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
        if not int_args and not float_args:
            raise InvalidParameterTypeError(
                "value",
                f"min_value={type(lo).__name__}, max_value={type(hi).__name__}, "
                f"step={type(step_value).__name__}",
                ["matching numeric types", "matching date/time types"],
            )
        is_int = data_type == SliderProto.INT
        if not (is_int and int_args) and not (not is_int and float_args):
            raise InvalidParameterTypeError(
                "value",
                f"value={type(value).__name__}, min_value={type(lo).__name__}, "
                f"max_value={type(hi).__name__}",
                ["value and arguments with matching types"],
            )
        # As 1.67: reversed bounds are swapped, a value outside them widens them, and a
        # reversed range is put in order; no value at all (an empty list) is the whole range.
        if lo > hi:
            lo, hi = hi, lo
        if len(raw_values) == 2 and raw_values[0] > raw_values[1]:
            raw_values = [raw_values[1], raw_values[0]]
        if raw_values:
            lo, hi = min(raw_values[0], lo), max(raw_values[-1], hi)
        else:
            raw_values = [lo, hi]
        for name, bound in (("min_value", lo), ("max_value", hi)):
            check_js_number(name, bound, MAX_SAFE_INTEGER if is_int else sys.float_info.max)
        if lo == hi:
            raise InvalidMinMaxError(lo, hi)
        default: SliderValue = raw_values[0] if single else tuple(raw_values)

        def shape(numbers: Sequence[float]) -> SliderValue:
            out = [int(n) for n in numbers] if is_int else [float(n) for n in numbers]
            return out[0] if single else tuple(out)

        def deserialize(state: WidgetState | None) -> SliderValue:
            if state is None:
                return default
            expect_kind(state, "double_array_value")
            data = list(state.double_array_value.data)
            if len(data) != len(raw_values):
                raise InvalidWidgetValue(f"expected {len(raw_values)} value(s), got {len(data)}")
            for v in data:
                expect_finite(v)
                if not lo <= v <= hi:
                    raise InvalidWidgetValue(f"{v} is outside [{lo}, {hi}]")
                if is_int and not float(v).is_integer():
                    raise InvalidWidgetValue(f"{v} is not a whole number")
            if len(data) == 2 and data[0] > data[1]:
                raise InvalidWidgetValue(f"range {data} is reversed")
            return shape(data)

        proto = SliderProto(
            id=element_id,
            form_id=dg.form_id,
            label=label_text(label),
            format=format if format is not None else format_default,
            data_type=data_type,
            min=float(lo),
            max=float(hi),
            step=float(step_value),
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            disabled=disabled,
            type=SliderProto.SLIDER,
            ignore_rerun=ignore_rerun,
        )
        proto.default[:] = [float(v) for v in raw_values]
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="double_array_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        if result.value_changed:
            current = result.value
            numbers = list(current) if isinstance(current, (list, tuple)) else [current]
            # A value set through st.session_state outside the bounds is an error (1.67).
            for number in numbers:
                if number < lo:
                    raise ValueBelowMinError(number, lo)
                if number > hi:
                    raise ValueAboveMaxError(number, hi)
            proto.value[:] = [float(v) for v in numbers]
            proto.set_value = True
        dg._enqueue("slider", proto, width=width_cfg)
        return result.value
