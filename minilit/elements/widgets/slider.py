"""st.slider: one number, or a (low, high) range; values travel as ``double_array_value``.

Mirrors: streamlit/elements/widgets/slider.py (SliderMixin.slider, SliderSerde).
Simplified: no ``bind``/``persist_state``. Dates, times and datetimes are
handed to date_slider.py; st.select_slider is select_slider.py.

Types follow the arguments, as in Streamlit: all ints -> an INT slider that
returns ints (default range 0..100, step 1, format "%d"); any float -> all must
be floats -> a FLOAT slider (0.0..1.0, step 0.01, format "%0.2f"). A tuple or
list ``value`` makes a range slider that returns a tuple.

Identity (1.67): label, min_value, max_value, value, step, format, help, width
("stretch"), each exactly as passed (None when omitted); with a key, only
min_value, max_value and step. Verified against a real 1.67 id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from minilit.elements.layout_utils import (
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
    to_key,
)
from minilit.elements.widgets.date_slider import is_timelike, timelike_slider
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_finite, expect_kind
from minilit.errors import MinilitAPIException
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


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _data_type(*numbers: object) -> SliderProto.DataType:
    """INT if every given number is an int, FLOAT if every one is a float; else raise."""
    given = [n for n in numbers if n is not None]
    for n in given:
        if not (_is_int(n) or isinstance(n, float)):
            raise MinilitAPIException(
                f"Slider values must be int or float; got {n!r} ({type(n).__name__})."
            )
    if all(_is_int(n) for n in given):
        return SliderProto.INT
    if all(isinstance(n, float) for n in given):
        return SliderProto.FLOAT
    raise MinilitAPIException(
        "All numerical arguments must be of the same type. "
        f"`value` has {', '.join(type(n).__name__ for n in given)} types."
    )


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

        single = not isinstance(value, (list, tuple))
        if value is None:
            value = min_value if min_value is not None else 0
            if max_value is not None and isinstance(max_value, float) and _is_int(value):
                value = float(value)
        raw_values: list[Any] = [value] if single else list(value)  # type: ignore[arg-type]
        if not single and len(raw_values) not in (1, 2):
            raise MinilitAPIException(
                "Slider value should either be an int/float or a list/tuple of 1 or 2 ints/floats."
            )
        data_type = _data_type(min_value, max_value, step, *raw_values)
        lo_default, hi_default, step_default, format_default = _DEFAULTS[data_type]
        lo: Number = min_value if min_value is not None else lo_default
        hi: Number = max_value if max_value is not None else hi_default
        if min_value is None and raw_values and min(raw_values) < lo:
            lo = min(raw_values)
        if max_value is None and raw_values and max(raw_values) > hi:
            hi = max(raw_values)
        step_value: Number = step if step is not None else step_default
        if step_value <= 0:
            raise MinilitAPIException("Slider components cannot be passed a `step` of 0 or less.")
        if lo > hi:
            raise MinilitAPIException(
                f"Slider `min_value` must be less than the `max_value`. "
                f"The values were {lo} and {hi}."
            )
        for v in raw_values:
            if not lo <= v <= hi:
                raise MinilitAPIException(
                    f"The default `value` of {value} must lie between the `min_value` of {lo} "
                    f"and the `max_value` of {hi}, inclusively."
                )
        is_int = data_type == SliderProto.INT
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
            proto.value[:] = [float(v) for v in numbers]
            proto.set_value = True
        dg._enqueue("slider", proto, width=width_cfg)
        return result.value
