"""st.selectbox and st.radio: one option out of a list, sent as the option's text.

Mirrors: streamlit/elements/widgets/selectbox.py and radio.py (SelectboxSerde,
RadioSerde). Simplified: no accept_new_options (sent as false), no width.

Options can be any objects; the browser sees ``str(format_func(option))``.
Streamlit 1.67 browsers send the chosen option's *text* (``string_value``);
1.39 browsers sent its *index* (``int_value``). Both are accepted; text that is
not an option, or an index out of range, is ignored with a warning.
``index=None`` starts with nothing chosen (the script sees None).

Identity (1.67, not verified against a recording): selectbox: label, options
(the texts), index, help, placeholder, accept_new_options (False), width
("stretch"); with a key, options and accept_new_options. radio: label,
options, index, help, horizontal, captions, width ("content"); with a key,
options.
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
from minilit.errors import MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import Radio as RadioProto
from minilit.proto.Widgets_pb2 import Selectbox as SelectboxProto
from minilit.runtime.state.common import WidgetArgs, WidgetCallback, WidgetKwargs

FormatFunc = Callable[[Any], Any]


def format_options(options: Iterable[Any], format_func: FormatFunc) -> tuple[list[Any], list[str]]:
    """The options as a list, and their texts as the browser shows them."""
    opts = list(options.keys()) if isinstance(options, dict) else list(options)
    return opts, [str(format_func(o)) for o in opts]


def index_of(value: Any, options: Sequence[Any]) -> int | None:
    """The position of ``value`` in ``options`` (None if it is not there)."""
    for i, option in enumerate(options):
        try:
            if option is value or bool(option == value):
                return i
        except Exception:
            continue
    return None


def check_index(widget: str, index: int | None, options: Sequence[Any]) -> None:
    if index is None:
        return
    if isinstance(index, bool) or not isinstance(index, int):
        raise MinilitAPIException(f"{widget} index must be an int or None; got {index!r}.")
    if options and not 0 <= index < len(options):
        raise MinilitAPIException(
            f"{widget} index must be greater than or equal to 0 and less than the length "
            f"of options ({len(options)}); got {index}."
        )


def single_choice_deserializer(
    options: Sequence[Any], formatted: Sequence[str], default_index: int | None
) -> Callable[[WidgetState | None], Any]:
    def deserialize(state: WidgetState | None) -> Any:
        if state is None:
            return options[default_index] if default_index is not None and options else None
        kind = expect_kind(state, "string_value", "int_value")
        if kind == "string_value":
            return options[expect_option(state.string_value, formatted)]
        return options[expect_index(int(state.int_value), options)]

    return deserialize


class ChoiceMixin(DGMixin):
    def selectbox(
        self,
        label: str,
        options: Iterable[Any],
        index: int | None = 0,
        format_func: FormatFunc = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> Any:
        """A drop-down list; returns the chosen option (None if nothing is chosen).

        Example:
            >>> color = st.selectbox("Color", ["red", "green", "blue"])   # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_change, default_value=None if index == 0 else index)
        opts, formatted = format_options(options, format_func)
        check_index("Selectbox", index, opts)
        element_id = compute_and_register_element_id(
            "selectbox",
            user_key,
            # 1.67: with a key, only accept_new_options changes the id (the options
            # may change and the value is kept if it is still among them).
            {"accept_new_options"},
            dg,
            label=label,
            options=formatted,
            index=index,
            help=help,
            placeholder=placeholder,
            accept_new_options=False,
            # 1.67's later parameters, always their defaults in minilit:
            filter_mode="fuzzy",
            width=width,
            required=False,
            icon=None,
        )
        default_index = index if opts else None
        proto = SelectboxProto(
            id=element_id,
            label=label_text(label),
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            placeholder=placeholder or "",
            disabled=disabled,
            # Sent explicitly, as 1.67 sends it (minilit has no typed-in options).
            accept_new_options=False,
        )
        proto.options[:] = formatted
        if default_index is not None:
            proto.default = default_index
        value = self._register_choice(
            proto, element_id, opts, formatted, default_index, on_change, args, kwargs
        )
        dg._enqueue("selectbox", proto, width=width_cfg)
        return value

    def radio(
        self,
        label: str,
        options: Iterable[Any],
        index: int | None = 0,
        format_func: FormatFunc = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        horizontal: bool = False,
        captions: Sequence[str] | None = None,
        width: Width = "content",
    ) -> Any:
        """Radio buttons; returns the chosen option (None if nothing is chosen)."""
        width_cfg = width_config(width, allow_content=True)
        dg = self.dg
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_change, default_value=None if index == 0 else index)
        opts, formatted = format_options(options, format_func)
        check_index("Radio", index, opts)
        if captions is not None and len(captions) != len(opts):
            raise MinilitAPIException("The number of captions has to match number of options!")
        element_id = compute_and_register_element_id(
            "radio",
            user_key,
            True,  # 1.67: with a key, the key alone (a value no longer offered resets)
            dg,
            label=label,
            options=formatted,
            index=index,
            help=help,
            horizontal=horizontal,
            captions=captions,
            width=width,
        )
        default_index = index if opts else None
        proto = RadioProto(
            id=element_id,
            label=label_text(label),
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            disabled=disabled,
            horizontal=horizontal,
        )
        proto.options[:] = formatted
        proto.captions[:] = [str(c) for c in captions or []]
        if default_index is not None:
            proto.default = default_index
        value = self._register_choice(
            proto, element_id, opts, formatted, default_index, on_change, args, kwargs
        )
        dg._enqueue("radio", proto, width=width_cfg)
        return value

    def _register_choice(
        self,
        proto: SelectboxProto | RadioProto,
        element_id: str,
        opts: list[Any],
        formatted: list[str],
        default_index: int | None,
        on_change: WidgetCallback | None,
        args: WidgetArgs | None,
        kwargs: WidgetKwargs | None,
    ) -> Any:
        result = register_widget(
            element_id,
            deserializer=single_choice_deserializer(opts, formatted, default_index),
            value_type="string_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=bool(proto.disabled),
        )
        value = result.value
        position = index_of(value, opts)
        if value is not None and position is None:
            # A session_state value that is not an option: show the default (1.67 resets too).
            value = opts[default_index] if default_index is not None else None
            position = default_index
            reset_state_value(element_id, value)
            proto.set_value = True
        elif result.value_changed:
            proto.set_value = True
        if proto.set_value and position is not None:
            proto.raw_value = formatted[position]
        return value
