"""st.date_input and st.time_input: dates and times that travel as ISO text.

Mirrors: streamlit/elements/widgets/time_widgets.py (TimeWidgetsMixin.date_input
and time_input, DateInputSerde, TimeInputSerde, _DateInputValues). Simplified:
no st.datetime_input, no ``bind``/``persist_state``. A value from session state
outside explicit ``min_value``/``max_value`` is reset to the default, sent with
``set_value`` and written back under the key, as in 1.67.

Wire (1.67): a date_input sends ``string_array_value`` with "YYYY-MM-DD" texts
(none: no date; one; or two for a range); older browsers sent "YYYY/MM/DD",
which is still read. A time_input sends ``string_value`` "HH:MM", or
"HH:MM:SS" when its step is not whole minutes. The proto carries the bounds
and defaults in the same texts; ``format`` ("YYYY/MM/DD", "12h" ...) only says
how the browser shows them.

Identity (1.67): date_input: label, value (ISO texts; None for "today"),
min_value, max_value, help, format, width, required; with a key, format.
time_input: label, value (a time, or the text passed), help, step, width,
required; with a key, step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

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
    reset_state_value,
    session_state_value,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import (
    InvalidMinMaxError,
    ValueAboveMaxError,
    ValueBelowMinError,
    ValueOutOfRangeError,
)
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import DateInput as DateInputProto
from minilit.proto.Widgets_pb2 import TimeInput as TimeInputProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

ScalarDate = date | datetime | str | None
DateValue = ScalarDate | Sequence[ScalarDate]
DateReturn = date | tuple[date, ...] | None
TimeValue = time | datetime | str | None

DEFAULT_STEP_MINUTES = 15
_DATE_FORMATS = (
    "YYYY/MM/DD",
    "DD/MM/YYYY",
    "MM/DD/YYYY",
    "YYYY.MM.DD",
    "DD.MM.YYYY",
    "MM.DD.YYYY",
    "YYYY-MM-DD",
    "DD-MM-YYYY",
    "MM-DD-YYYY",
)
_TIME_FORMATS = ("12h", "24h", "localized")
_ISO_DATE = re.compile(r"^\d{4}[-/]\d{2}[-/]\d{2}$")


# --- dates ------------------------------------------------------------------------------------


def date_text(value: date) -> str:
    """A date as the wire carries it: always four year digits (strftime drops them < 1000)."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def adjust_years(value: date, years: int) -> date:
    """``value`` moved by whole years, clamped to the calendar; Feb 29 becomes Feb 28."""
    year = value.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    if value.month == 2 and value.day == 29:
        try:
            return value.replace(year=year)
        except ValueError:
            return value.replace(year=year, day=28)
    return value.replace(year=year)


def to_date(value: object) -> date:
    """A date from a date, a datetime, "today" or an ISO text; else 1.67's type error."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value == "today":
        return datetime.now().date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise InvalidParameterTypeError(
        "value", type(value).__name__, ["date", "datetime", "ISO string", '"today"']
    )


def _parse_date_value(value: object) -> tuple[list[date] | None, bool]:
    """The dates of ``value`` and whether it asks for a range (a sequence does)."""
    if value is None:
        return None, False
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = list(value)
        if len(items) > 2:
            raise InvalidParameterTypeError(
                "value",
                type(value).__name__,
                ["date", "datetime", "sequence of 0 to 2 date or datetime values"],
            )
        return [to_date(v) for v in items], True
    return [to_date(value)], False


def _bound(name: str, bound: object, fallback: date) -> date:
    if bound is None:
        return fallback
    if isinstance(bound, (datetime, date, str)):
        return to_date(bound)
    raise InvalidParameterTypeError(
        name, type(bound).__name__, ["date", "datetime", "ISO string", "None"]
    )


@dataclass(frozen=True)
class DateInputValues:
    """What a date_input call asks for, checked: its dates, range or not, and bounds."""

    value: list[date] | None
    is_range: bool
    max: date
    min: date

    @classmethod
    def parse(cls, value: object, min_value: object, max_value: object) -> DateInputValues:
        dates, is_range = _parse_date_value(value)
        # Without bounds 1.67 offers ten years either side of the value (or today).
        low = _bound("min_value", min_value, adjust_years(dates[0] if dates else date.today(), -10))
        high = _bound(
            "max_value", max_value, adjust_years(dates[-1] if dates else date.today(), 10)
        )
        if value == "today" and dates:
            # "today" outside the bounds is clamped, not an error.
            dates = [min(max(dates[0], low), high)]
        return cls(value=dates, is_range=is_range, max=high, min=low)

    def __post_init__(self) -> None:
        # Checked on construction, as 1.67's _DateInputValues does (so an error's
        # traceback has the same frames as on 1.67).
        if self.min > self.max:
            raise InvalidMinMaxError(self.min, self.max)
        if self.value:
            if self.value[0] < self.min:
                raise ValueBelowMinError(self.value[0], self.min)
            if self.value[-1] > self.max:
                raise ValueAboveMaxError(self.value[-1], self.max)

    def shape(self, dates: Sequence[date] | None) -> DateReturn:
        """What the script sees: a date (or None), or a tuple for a range."""
        if not dates:
            return () if self.is_range else None
        return tuple(dates) if self.is_range else dates[0]

    def in_bounds(self, current: object) -> bool:
        """Whether a value from session state fits this widget (its kind and its bounds)."""
        if current is None:
            return True
        if self.is_range and isinstance(current, tuple):
            dates = [d.date() if isinstance(d, datetime) else d for d in current]
            return not dates or (dates[0] >= self.min and dates[-1] <= self.max)
        if not self.is_range and isinstance(current, date):
            d = current.date() if isinstance(current, datetime) else current
            return self.min <= d <= self.max
        return False


def parse_wire_date(text: str) -> date:
    """A date the browser sent: "YYYY-MM-DD" (1.67) or "YYYY/MM/DD" (older browsers)."""
    if not _ISO_DATE.match(text):
        raise InvalidWidgetValue(f"{text!r} is not a YYYY-MM-DD date")
    try:
        return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        raise InvalidWidgetValue(f"{text!r} is not a date") from None


def _id_date(value: object) -> str | None:
    """A date as it goes into the widget id: its ISO text, a text as given, "today" None."""
    if value == "today":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return date_text(value.date())
    if isinstance(value, date):
        return date_text(value)
    return None


# --- times ------------------------------------------------------------------------------------


def to_time(value: object) -> time:
    """A time from a time, a datetime, "now" or an ISO text; else 1.67's type error."""
    if value == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value).replace(microsecond=0)
        except ValueError:
            try:
                return datetime.fromisoformat(value).time().replace(microsecond=0)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    if isinstance(value, time):
        return value
    raise InvalidParameterTypeError(
        "value", type(value).__name__, ["datetime", "time", "ISO string"]
    )


def time_wire_format(step_seconds: int) -> str:
    """Whole-minute steps send "HH:MM"; others need the seconds too."""
    return "%H:%M:%S" if step_seconds % 60 else "%H:%M"


def _step_seconds(step: object) -> int:
    if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
        raise InvalidParameterTypeError("step", type(step).__name__, ["int", "timedelta"])
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if not 1 <= seconds <= timedelta(hours=23).seconds:
        raise ValueOutOfRangeError("step", f"{seconds} seconds", "1 second", "23 hours")
    return seconds


class TimeWidgetsMixin(DGMixin):
    def date_input(
        self,
        label: str,
        value: DateValue = "today",
        min_value: ScalarDate = None,
        max_value: ScalarDate = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | str | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        format: str = "YYYY/MM/DD",
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> DateReturn:
        """A date picker; returns a date, or a tuple of dates when ``value`` is a sequence.

        Example:
            >>> day = st.date_input("Day", datetime.date(2024, 5, 17))     # doctest: +SKIP
            >>> start, end = st.date_input("Trip", (d1, d2))               # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        check_widget_policies(
            dg, user_key, callback, default_value=value if value != "today" else None
        )
        id_value: str | list[str | None] | None
        if value == "today":
            id_value = None
        elif isinstance(value, Sequence) and not isinstance(value, str):
            id_value = [_id_date(v) for v in value]
        else:
            id_value = _id_date(value)
        element_id = compute_and_register_element_id(
            "date_input",
            user_key,
            {"format"},
            dg,
            label=label,
            value=id_value,
            min_value=_id_date(min_value),
            max_value=_id_date(max_value),
            help=help,
            format=format,
            width=width,
            required=required,
        )
        if not isinstance(format, str):
            raise InvalidParameterTypeError("format", type(format).__name__, ["str"])
        if format not in _DATE_FORMATS:
            raise InvalidValueError(
                "format", [repr(f) for f in _DATE_FORMATS], detail=f"Provided value: {format!r}."
            )
        values = DateInputValues.parse(value, min_value, max_value)
        if value == "today":
            # Range or not is unknown without a value: a keyed widget's session state tells.
            known, state_value = session_state_value(user_key)
            if known:
                values = DateInputValues.parse(state_value, min_value, max_value)
        explicit_bounds = min_value is not None or max_value is not None

        def deserialize(state: WidgetState | None) -> DateReturn:
            if state is None:
                return values.shape(values.value)
            expect_kind(state, "string_array_value")
            texts = list(state.string_array_value.data)
            if len(texts) > (2 if values.is_range else 1):
                raise InvalidWidgetValue(f"{len(texts)} dates for this date_input")
            dates = [parse_wire_date(t) for t in texts]
            for d in dates:
                if not values.min <= d <= values.max:
                    raise InvalidWidgetValue(f"{d} is outside [{values.min}, {values.max}]")
            if len(dates) == 2 and dates[0] > dates[1]:
                raise InvalidWidgetValue(f"range {texts} is reversed")
            return values.shape(dates)

        proto = DateInputProto(
            id=element_id,
            label=label_text(label),
            min=date_text(values.min),
            max=date_text(values.max),
            is_range=values.is_range,
            help=help_text(help),
            form_id=dg.form_id,
            disabled=disabled,
            label_visibility=label_visibility_proto(label_visibility),
            format=format,
            required=required,
            ignore_rerun=ignore_rerun,
        )
        proto.default[:] = [date_text(d) for d in values.value or []]
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_array_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        current: DateReturn = result.value
        reset = explicit_bounds and not values.in_bounds(current)
        if reset:
            current = values.shape(values.value)
            reset_state_value(element_id, current)
        if reset or result.value_changed:
            shown = (
                []
                if current is None
                else list(current)
                if isinstance(current, tuple)
                else [current]
            )
            proto.value[:] = [date_text(d.date() if isinstance(d, datetime) else d) for d in shown]
            proto.set_value = True
        dg._enqueue("date_input", proto, width=width_cfg)
        return current

    def time_input(
        self,
        label: str,
        value: TimeValue = "now",
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | str | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        disabled: bool = False,
        required: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        step: int | timedelta = timedelta(minutes=DEFAULT_STEP_MINUTES),
        format: str = "24h",
        width: Width = "stretch",
    ) -> time | None:
        """A time picker; returns a ``datetime.time`` (None when empty).

        Example:
            >>> alarm = st.time_input("Alarm", datetime.time(7, 30))       # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        check_widget_policies(
            dg, user_key, callback, default_value=value if value != "now" else None
        )
        parsed = None if value is None else to_time(value)
        # Whole-minute steps drop the seconds before the id, so value=datetime.now()
        # keeps one identity within a minute.
        raw_step = (
            int(step.total_seconds())
            if isinstance(step, timedelta)
            else step
            if isinstance(step, int)
            else 0
        )
        if parsed is not None and raw_step > 0 and raw_step % 60 == 0:
            parsed = parsed.replace(second=0, microsecond=0)
        element_id = compute_and_register_element_id(
            "time_input",
            user_key,
            {"step"},
            dg,
            label=label,
            value=parsed if isinstance(value, (datetime, time)) else value,
            help=help,
            step=step,
            width=width,
            required=required,
        )
        known, state_value = session_state_value(user_key)
        if known and state_value is None:
            parsed = None
        step_seconds = _step_seconds(step)
        if format not in _TIME_FORMATS:
            raise InvalidValueError("format", ["'12h'", "'24h'", "'localized'"])
        wire = time_wire_format(step_seconds)
        default = parsed

        def deserialize(state: WidgetState | None) -> time | None:
            if state is None or state.WhichOneof("value") is None:
                return default
            expect_kind(state, "string_value")
            text = state.string_value
            for fmt in ("%H:%M:%S", "%H:%M"):
                try:
                    chosen = datetime.strptime(text, fmt).time()
                except ValueError:
                    continue
                return chosen.replace(second=0) if step_seconds % 60 == 0 else chosen
            raise InvalidWidgetValue(f"{text!r} is not an HH:MM time")

        proto = TimeInputProto(
            id=element_id,
            label=label_text(label),
            help=help_text(help),
            form_id=dg.form_id,
            step=step_seconds,
            disabled=disabled,
            required=required,
            label_visibility=label_visibility_proto(label_visibility),
            format=format,
            ignore_rerun=ignore_rerun,
        )
        if parsed is not None:
            proto.default = parsed.strftime(wire)
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        current = result.value
        if result.value_changed:
            if isinstance(current, datetime):
                current = current.time()
            if isinstance(current, time):
                proto.value = current.strftime(wire)
            proto.set_value = True
        dg._enqueue("time_input", proto, width=width_cfg)
        return result.value
