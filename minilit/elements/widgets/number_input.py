"""st.number_input: an int or a float (or None), sent as ``double_value``.

Mirrors: streamlit/elements/widgets/number_input.py (NumberInputMixin.number_input,
NumberInputSerde). Without ``min_value``/``max_value`` the widest bounds the
browser's numbers hold are sent, as 1.67 sends them. Simplified: no width;
``format`` is passed to the browser as is.

Types follow the arguments: all ints -> INT (returns ints, step 1, "%d"),
floats (or no number at all) -> FLOAT (step 0.01, "%0.2f"); mixing them
raises, as in Streamlit.
``value="min"`` (the default) starts at ``min_value`` (or 0); ``value=None``
starts empty and returns None until the user types a number. The browser
sends ``double_value`` (1.67); an ``int_value`` (older browsers) is accepted
too.

Identity (1.67, not verified against a recording): label, min_value,
max_value, value, step, format, help, placeholder, width ("stretch"); with a
key, only min_value, max_value and step.
"""

from __future__ import annotations

import math
import sys
from typing import Any

from minilit.elements.layout_utils import (
    LabelVisibilityName,
    Width,
    icon_text,
    label_text,
    label_visibility_proto,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    register_widget,
    reset_state_value,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_finite, expect_kind
from minilit.errors import JSNumberBoundsError, MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import NumberInput as NumberInputProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

Number = int | float


MAX_SAFE_INTEGER = (1 << 53) - 1
"""JavaScript's largest exact integer (Number.MAX_SAFE_INTEGER)."""


def check_js_number(name: str, n: Number | None, bound: Number) -> None:
    """A number the browser cannot hold raises, worded as 1.67's JSNumber checks."""
    if n is None:
        return
    if isinstance(n, float) and math.isnan(n):
        raise JSNumberBoundsError(f"`{name}` ({n}) must be a finite number")
    # 1.67 names the limits as JSNumber writes them, not as numbers.
    limit = "(1 << 53) - 1" if bound == MAX_SAFE_INTEGER else "1.797e+308"
    if n < -bound:
        low = "-((1 << 53) - 1)" if bound == MAX_SAFE_INTEGER else "-1.797e+308"
        raise JSNumberBoundsError(f"`{name}` ({n}) must be >= {low}")
    if n > bound:
        raise JSNumberBoundsError(f"`{name}` ({n}) must be <= {limit}")


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


class NumberInputMixin(DGMixin):
    def number_input(
        self,
        label: str,
        min_value: Number | None = None,
        max_value: Number | None = None,
        value: Number | str | None = "min",
        step: Number | None = None,
        format: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        icon: str | None = None,
        width: Width = "stretch",
    ) -> Any:
        """A number box with +/- buttons; returns an int or a float (or None).

        Example:
            >>> n = st.number_input("How many?", min_value=0, value=3)   # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        check_widget_policies(
            dg, user_key, on_change, default_value=value if value != "min" else None
        )
        element_id = compute_and_register_element_id(
            "number_input",
            user_key,
            True,  # 1.67: with a key, the key alone (out-of-bounds values reset below)
            dg,
            label=label,
            min_value=min_value,
            max_value=max_value,
            value=value,
            step=step,
            format=format,
            help=help,
            placeholder=None if placeholder is None else str(placeholder),
            icon=None,  # 1.67's parameter; minilit's is always the default
            width=width,
            required=False,  # likewise
        )
        if isinstance(value, str) and value != "min":
            raise MinilitAPIException(
                f"number_input value must be a number, None or 'min'; got {value!r}."
            )
        numbers = [n for n in (min_value, max_value, step) if n is not None]
        if value is not None and value != "min":
            numbers.append(value)  # type: ignore[arg-type]
        for n in numbers:
            if not (_is_int(n) or isinstance(n, float)):
                raise MinilitAPIException(
                    f"number_input arguments must be int or float; got {n!r}."
                )
        if numbers and all(_is_int(n) for n in numbers):
            is_int = True
        elif all(isinstance(n, float) for n in numbers):  # no number at all: float
            is_int = False
        else:
            raise MinilitAPIException(
                "All numerical arguments must be of the same type. "
                f"`value` has {type(value).__name__} type, `min_value` has "
                f"{type(min_value).__name__} type, `max_value` has {type(max_value).__name__} "
                f"type and `step` has {type(step).__name__} type."
            )
        default: Number | None
        if value == "min":
            default = min_value if min_value is not None else (0 if is_int else 0.0)
        else:
            default = value  # type: ignore[assignment]
        if min_value is not None and max_value is not None and min_value > max_value:
            raise MinilitAPIException(
                f"The `min_value`, set to {min_value}, shouldn't be larger than the "
                f"`max_value`, set to {max_value}."
            )
        if default is not None:
            if min_value is not None and default < min_value:
                raise MinilitAPIException(
                    f"The default `value` {default} must be greater than or equal to the "
                    f"`min_value` {min_value}."
                )
            if max_value is not None and default > max_value:
                raise MinilitAPIException(
                    f"The default `value` {default} must be less than or equal to the "
                    f"`max_value` {max_value}."
                )
        bound: Number = MAX_SAFE_INTEGER if is_int else sys.float_info.max
        named: list[tuple[str, Number | None]] = [
            ("min_value", min_value),
            ("max_value", max_value),
            ("step", step),
            ("value", default),
        ]
        for name, number in named:
            check_js_number(name, number, bound)
        step_value: Number = step if step is not None else (1 if is_int else 0.01)
        if step_value <= 0:
            raise MinilitAPIException("number_input `step` must be positive.")

        def deserialize(state: WidgetState | None) -> Number | None:
            if state is None:
                return default
            kind = expect_kind(state, "double_value", "int_value")
            number = float(state.double_value if kind == "double_value" else state.int_value)
            expect_finite(number)
            if min_value is not None and number < min_value:
                raise InvalidWidgetValue(f"{number} is below min_value {min_value}")
            if max_value is not None and number > max_value:
                raise InvalidWidgetValue(f"{number} is above max_value {max_value}")
            if is_int:
                if not number.is_integer():
                    raise InvalidWidgetValue(f"{number} is not a whole number")
                return int(number)
            return number

        proto = NumberInputProto(
            id=element_id,
            label=label_text(label),
            form_id=dg.form_id,
            format=format if format is not None else ("%d" if is_int else "%0.2f"),
            has_min=min_value is not None,
            has_max=max_value is not None,
            data_type=NumberInputProto.INT if is_int else NumberInputProto.FLOAT,
            step=float(step_value),
            # Without a bound 1.67 still sends one, the widest the browser's numbers
            # hold (has_min/has_max stay false): JavaScript's safe integers for
            # ints, the largest doubles for floats.
            min=float(min_value if min_value is not None else -bound),
            max=float(max_value if max_value is not None else bound),
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            placeholder=placeholder or "",
            disabled=disabled,
            icon=icon_text(icon),
        )
        if default is not None:
            proto.default = float(default)
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="double_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        current = result.value
        # A value outside the bounds (set through st.session_state, or kept from a run
        # with other bounds) goes back to the default, also under the key (1.67).
        reset = current is not None and (
            (min_value is not None and current < min_value)
            or (max_value is not None and current > max_value)
        )
        if reset:
            current = default
            reset_state_value(element_id, current)
        if reset or result.value_changed:
            if current is not None:
                proto.value = float(current)
            proto.set_value = True
        dg._enqueue("number_input", proto, width=width_cfg)
        return current
