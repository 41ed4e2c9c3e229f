"""st.multiselect: any number of options, sent as their texts (``string_array_value``).

Mirrors: streamlit/elements/widgets/multiselect.py (MultiSelectMixin,
MultiSelectSerde). Simplified: no accept_new_options or select_all parameters
(both are sent with 1.67's defaults), no width.

1.67 browsers send the chosen options' texts; 1.39 browsers sent their
indices (``int_array_value``); both are accepted. A text that is not an
option, an index out of range, or more than ``max_selections`` values is
ignored with a warning.

Identity (1.6x source): label, options (texts), default (indices), help,
max_selections, placeholder, accept_new_options (False), width ("stretch");
with a key, max_selections and accept_new_options.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from minilit.elements.layout_utils import (
    LabelVisibilityName,
    Width,
    label_text,
    label_visibility_proto,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.choice import FormatFunc, format_options, index_of
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    register_widget,
    reset_state_value,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_index, expect_kind, expect_option
from minilit.errors import DefaultNotInOptionsError, MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import MultiSelect as MultiSelectProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)


def default_indices(default: Any, opts: Sequence[Any]) -> list[int]:
    if default is None:
        return []
    values = list(default) if isinstance(default, (list, tuple, set)) else [default]
    indices = []
    for value in values:
        position = index_of(value, opts)
        if position is None:
            raise DefaultNotInOptionsError(
                f"The default value '{value}' is not part of the options. Please make sure "
                "that every default value also exists in the options."
            )
        indices.append(position)
    return indices


class MultiSelectMixin(DGMixin):
    def multiselect(
        self,
        label: str,
        options: Iterable[Any],
        default: Any | None = None,
        format_func: FormatFunc = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        max_selections: int | None = None,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> list[Any]:
        """A multi-choice list; returns the chosen options, in the order chosen.

        Example:
            >>> st.multiselect("Toppings", ["cheese", "ham"], ["cheese"])  # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_change, default_value=default)
        opts, formatted = format_options(options, format_func)
        default_idx = default_indices(default, opts)
        if max_selections is not None and len(default_idx) > max_selections:
            raise MinilitAPIException(
                f"Multiselect has {len(default_idx)} options selected but max_selections "
                f"is set to {max_selections}."
            )
        element_id = compute_and_register_element_id(
            "multiselect",
            user_key,
            {"max_selections", "accept_new_options"},
            dg,
            label=label,
            options=formatted,
            default=default_idx,
            help=help,
            max_selections=max_selections,
            placeholder=placeholder,
            accept_new_options=False,
            # 1.67's later parameters, always their defaults in minilit: fuzzy
            # filtering, and "Select all" offered up to 1000 options (encoded 1000).
            filter_mode="fuzzy",
            select_all=1000,
            width=width,
        )

        def deserialize(state: WidgetState | None) -> list[Any]:
            if state is None:
                return [opts[i] for i in default_idx]
            kind = expect_kind(state, "string_array_value", "int_array_value")
            if kind == "string_array_value":
                indices = [expect_option(t, formatted) for t in state.string_array_value.data]
            else:
                indices = [expect_index(int(i), opts) for i in state.int_array_value.data]
            if max_selections is not None and len(indices) > max_selections:
                raise InvalidWidgetValue(f"{len(indices)} selections, max is {max_selections}")
            return [opts[i] for i in indices]

        proto = MultiSelectProto(
            id=element_id,
            label=label_text(label),
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            disabled=disabled,
            max_selections=max_selections or 0,
            placeholder=placeholder or "",
            # Sent explicitly, as 1.67 sends them: no typed-in options, and the
            # default "select all" threshold (at most 1000 selectable options).
            accept_new_options=False,
            select_all=1000,
        )
        proto.default[:] = default_idx
        proto.options[:] = formatted
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_array_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        values = list(result.value) if result.value is not None else []
        positions = [index_of(v, opts) for v in values]
        if any(p is None for p in positions):
            # session_state held values that are not options: keep the valid ones (1.67).
            values = [v for v, p in zip(values, positions, strict=True) if p is not None]
            positions = [p for p in positions if p is not None]
            reset_state_value(element_id, values)
            proto.set_value = True
        elif result.value_changed:
            proto.set_value = True
        if proto.set_value:
            proto.raw_values[:] = [formatted[p] for p in positions if p is not None]
        dg._enqueue("multiselect", proto, width=width_cfg)
        return values
