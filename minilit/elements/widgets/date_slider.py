"""st.slider over dates, times and datetimes: values travel as microseconds.

Mirrors: the DATE, TIME and DATETIME paths of streamlit/elements/widgets/slider.py
(SliderMixin._slider, SliderSerde, _datetime_to_micros, _window_around).
Simplified: no timezone-aware values beyond carrying ``tzinfo`` back, no
JavaScript safe-integer check on far-away years.

st.slider hands over here (slider.py) when its value or bounds are dates,
times or datetimes. Wire (1.67): the Slider proto with data_type DATE, TIME or
DATETIME; min, max, step, default and the browser's ``double_array_value`` are
microseconds since 1970-01-01 with the wall-clock fields read as UTC. A date
is its midnight; a time is that time on 2000-01-01 (1.67's arbitrary day after
the epoch). ``format`` is a moment.js pattern ("YYYY-MM-DD", "HH:mm").

Defaults (1.67): bounds 14 days either side of the (first) value for dates and
datetimes, the whole day for times; step one day (15 minutes when the bounds
are less than a day apart, and for times).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from minilit.elements.layout_utils import InvalidParameterTypeError, InvalidValueError
from minilit.elements.widgets.common import register_widget
from minilit.elements.widgets.values import expect_finite, expect_kind
from minilit.errors import InvalidMinMaxError, ValueAboveMaxError, ValueBelowMinError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Elements_pb2 import LabelVisibility, WidthConfig
from minilit.proto.Widgets_pb2 import Slider as SliderProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TIME_BASE_DAY = date(2000, 1, 1)
_WINDOW = timedelta(days=14)

_DATA_TYPES = {datetime: SliderProto.DATETIME, date: SliderProto.DATE, time: SliderProto.TIME}
_FORMATS = {
    SliderProto.DATETIME: "YYYY-MM-DD",
    SliderProto.DATE: "YYYY-MM-DD",
    SliderProto.TIME: "HH:mm",
}


def is_timelike(value: object) -> bool:
    """Whether a slider argument is a date, time or datetime (or a sequence of them)."""
    if isinstance(value, (list, tuple)):
        return any(isinstance(v, (date, time)) for v in value)
    return isinstance(value, (date, time))


def _micros(dt: datetime) -> int:
    """The wall-clock fields of ``dt`` as UTC, in microseconds since the epoch."""
    delta = dt.replace(tzinfo=UTC) - _EPOCH
    return delta.microseconds + delta.seconds * 1_000_000 + delta.days * 86_400_000_000


def _delta_micros(delta: timedelta) -> int:
    return delta.microseconds + delta.seconds * 1_000_000 + delta.days * 86_400_000_000


def _as_datetime(value: Any, data_type: int) -> datetime:
    if data_type == SliderProto.TIME:
        return datetime.combine(_TIME_BASE_DAY, value)
    if data_type == SliderProto.DATE:
        return datetime.combine(value, time())
    return value  # type: ignore[no-any-return]


def _from_micros(micros: float, data_type: int, tz: tzinfo | None) -> Any:
    moment = (_EPOCH + timedelta(microseconds=int(micros))).replace(tzinfo=tz)
    if data_type == SliderProto.DATE:
        return moment.date()
    if data_type == SliderProto.TIME:
        return moment.time().replace(tzinfo=tz)
    return moment


def slider_micros(value: date | time, data_type: int) -> int:
    """A date, time or datetime as a slider of ``data_type`` carries it (naive wall clock)."""
    return _micros(_as_datetime(value, data_type))


def slider_moment(micros: float, data_type: int) -> Any:
    """The naive date, time or datetime a slider of ``data_type`` means by ``micros``."""
    return _from_micros(micros, data_type, None)


def timelike_slider(
    dg: DeltaGenerator,
    element_id: str,
    *,
    label: str,
    min_value: Any,
    max_value: Any,
    value: Any,
    step: Any,
    format: str | None,
    help: str,
    on_change: WidgetCallback | None,
    args: WidgetArgs | None,
    kwargs: WidgetKwargs | None,
    disabled: bool,
    label_visibility: LabelVisibility,
    width: WidthConfig,
    ignore_rerun: bool,
) -> Any:
    """Build, register and send a date/time/datetime slider; returns its value."""
    if value is None:
        value = min_value
    single = not isinstance(value, (list, tuple))
    values: list[Any] = [value] if single else list(value)
    if not single and len(values) not in (1, 2):
        raise InvalidValueError(
            "value",
            [
                "int", "float", "date", "time", "datetime",
                "a list containing up to two such values",
                "a tuple containing up to two such values",
            ],
        )  # fmt: skip
    kinds = {type(v) for v in values}
    if len(kinds) > 1 or not kinds or next(iter(kinds)) not in _DATA_TYPES:
        raise InvalidParameterTypeError(
            "value",
            ", ".join(type(v).__name__ for v in values),
            ["list or tuple containing values of the same type"],
        )
    data_type = _DATA_TYPES[type(values[0])]
    if data_type == SliderProto.TIME:
        tz = values[0].tzinfo
        low_default: Any = time.min.replace(tzinfo=tz)
        high_default: Any = time.max.replace(tzinfo=tz)
    else:
        low_default, high_default = values[0] - _WINDOW, values[0] + _WINDOW
    low = low_default if min_value is None else min_value
    high = high_default if max_value is None else max_value
    if step is None:
        step = timedelta(minutes=15) if data_type == SliderProto.TIME else timedelta(days=1)
        if data_type != SliderProto.TIME and abs(high - low) < timedelta(days=1):
            step = timedelta(minutes=15)
    if isinstance(step, timedelta) and step == timedelta(0):
        raise InvalidValueError("step", ["a timedelta"], detail="Zero is not allowed.")
    if not isinstance(step, timedelta) or type(low) is not type(high):
        raise InvalidParameterTypeError(
            "value",
            f"min_value={type(low).__name__}, max_value={type(high).__name__}, "
            f"step={type(step).__name__}",
            ["matching numeric types", "matching date/time types"],
        )
    if _DATA_TYPES.get(type(low)) != data_type:
        raise InvalidParameterTypeError(
            "value",
            f"value={type(value).__name__}, min_value={type(low).__name__}, "
            f"max_value={type(high).__name__}",
            ["value and arguments with matching types"],
        )
    # As 1.67: reversed bounds are swapped, and the bounds widen to take the value.
    if low > high:
        low, high = high, low
    if len(values) == 2 and values[0] > values[1]:
        values = [values[1], values[0]]
    low, high = min(values[0], low), max(values[-1], high)
    low_dt, high_dt = _as_datetime(low, data_type), _as_datetime(high, data_type)
    if low_dt == high_dt:
        raise InvalidMinMaxError(low_dt, high_dt)
    tz = values[0].tzinfo if data_type != SliderProto.DATE else None
    default_micros = [_micros(_as_datetime(v, data_type)) for v in values]
    lo_us, hi_us = _micros(low_dt), _micros(high_dt)

    def shape(micros: Sequence[float]) -> Any:
        out = [_from_micros(m, data_type, tz) for m in micros]
        return out[0] if single else tuple(out)

    def deserialize(state: WidgetState | None) -> Any:
        if state is None:
            return shape(default_micros)
        expect_kind(state, "double_array_value")
        data = list(state.double_array_value.data)
        if len(data) != len(default_micros):
            raise InvalidWidgetValue(f"expected {len(default_micros)} value(s), got {len(data)}")
        for v in data:
            expect_finite(v)
            if not lo_us <= v <= hi_us:
                raise InvalidWidgetValue(f"{v} is outside [{lo_us}, {hi_us}]")
        return shape(data)

    proto = SliderProto(
        id=element_id,
        form_id=dg.form_id,
        label=label,
        format=format if format is not None else _FORMATS[data_type],
        data_type=data_type,
        min=float(lo_us),
        max=float(hi_us),
        step=float(_delta_micros(step)),
        help=help,
        label_visibility=label_visibility,
        disabled=disabled,
        type=SliderProto.SLIDER,
        ignore_rerun=ignore_rerun,
    )
    proto.default[:] = [float(m) for m in default_micros]
    result = register_widget(
        element_id,
        deserializer=deserialize,
        value_type="double_array_value",
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
    )
    if result.value_changed:
        current = result.value
        chosen = list(current) if isinstance(current, (list, tuple)) else [current]
        micros = [_micros(_as_datetime(v, data_type)) for v in chosen]
        for v, us in zip(chosen, micros, strict=True):
            if us < lo_us:
                raise ValueBelowMinError(v, _from_micros(lo_us, data_type, tz))
            if us > hi_us:
                raise ValueAboveMaxError(v, _from_micros(hi_us, data_type, tz))
        proto.value[:] = [float(m) for m in micros]
        proto.set_value = True
    dg._enqueue("slider", proto, width=width)
    return result.value
