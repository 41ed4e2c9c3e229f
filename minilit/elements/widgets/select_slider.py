"""st.select_slider: a slider over a list of options (one, or a range of two).

Mirrors: streamlit/elements/widgets/select_slider.py (SelectSliderMixin.select_slider,
SelectSliderSerde). Simplified: no ``bind``/``persist_state``, no enum coercion.

Sent as a Slider proto of type SELECT_SLIDER: the option texts in ``options``,
min 0, max the last index, step 1, the default as indices and format "%s".
Wire (1.67): unlike st.slider the browser sends ``string_array_value`` with the
chosen options' *texts* (one, or two for a range); a value pushed from
st.session_state goes out as texts in ``raw_value``. A text that is not an
option is refused (1.67 falls back to the default for that end).

Identity (1.67): label, options (texts), value (indices), help, width
("stretch"); with a key, only the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from minilit.elements.layout_utils import (
    LabelVisibilityName,
    Width,
    label_text,
    label_visibility_proto,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.choice import format_options, index_of
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    on_change_callback,
    register_widget,
    reset_state_value,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind, expect_option
from minilit.errors import MissingRequiredParameterError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import Slider as SliderProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

FormatFunc = Callable[[Any], Any]


def _position(options: Sequence[Any], value: Any) -> int:
    position = index_of(value, options)
    if position is None:
        # 1.67's index_ raises this plain ValueError.
        raise ValueError(f"{value} is not in iterable")
    return position


class SelectSliderMixin(DGMixin):
    def select_slider(
        self,
        label: str,
        options: Iterable[Any] = (),
        value: Any = None,
        format_func: FormatFunc = str,
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
        """A slider over ``options``; returns the chosen option, or a (low, high) tuple.

        Example:
            >>> size = st.select_slider("Size", ["S", "M", "L"], value="M")   # doctest: +SKIP
        """
        dg = self.dg
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        check_widget_policies(dg, user_key, callback, default_value=value)
        opts, formatted = format_options(options, format_func)
        if not opts:
            raise MissingRequiredParameterError("options", detail="Provide at least one option.")
        is_range = isinstance(value, (list, tuple))
        if is_range:
            indices = [_position(opts, v) for v in value]
            if len(indices) != 2:
                # 1.67 unpacks the pair and fails the same way.
                raise ValueError(
                    f"{'not enough' if len(indices) < 2 else 'too many'} values to unpack "
                    f"(expected 2{', got ' + str(len(indices)) if len(indices) < 2 else ''})"
                )
            indices = sorted(indices)
        else:
            position = index_of(value, opts)
            if position is None and value is not None:
                raise ValueError(f"{value} is not in iterable")
            indices = [position or 0]
        element_id = compute_and_register_element_id(
            "select_slider",
            user_key,
            True,
            dg,
            label=label,
            options=formatted,
            value=indices,
            help=help,
            width=width,
        )
        width_cfg = width_config(width, allow_content=False)

        def shape(positions: Sequence[int]) -> Any:
            return tuple(opts[i] for i in positions) if is_range else opts[positions[0]]

        def deserialize(state: WidgetState | None) -> Any:
            if state is None:
                return shape(indices)
            expect_kind(state, "string_array_value")
            texts = list(state.string_array_value.data)
            if len(texts) != len(indices):
                raise InvalidWidgetValue(f"expected {len(indices)} option(s), got {len(texts)}")
            return shape(sorted(expect_option(t, formatted) for t in texts))

        proto = SliderProto(
            id=element_id,
            type=SliderProto.SELECT_SLIDER,
            label=label_text(label),
            format="%s",
            min=0,
            max=len(opts) - 1,
            step=1,
            data_type=SliderProto.INT,
            form_id=dg.form_id,
            disabled=disabled,
            label_visibility=label_visibility_proto(label_visibility),
            help=help_text(help),
            ignore_rerun=ignore_rerun,
        )
        proto.default[:] = indices
        proto.options[:] = formatted
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_array_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        current = result.value
        chosen = list(current) if isinstance(current, tuple) else [current]
        positions = [index_of(v, opts) for v in chosen]
        if any(p is None for p in positions) or len(positions) != len(indices):
            # A session_state value that is not an option: shown as the default (1.67 resets).
            current, positions = shape(indices), list(indices)
            reset_state_value(element_id, current)
            proto.set_value = True
        elif result.value_changed:
            proto.set_value = True
        if proto.set_value:
            proto.raw_value[:] = [formatted[p] for p in positions if p is not None]
        dg._enqueue("slider", proto, width=width_cfg)
        return current
