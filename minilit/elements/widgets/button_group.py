"""st.pills and st.segmented_control: options shown as a row of buttons.

Mirrors: streamlit/elements/widgets/button_group.py (ButtonGroupMixin.pills,
segmented_control, _internal_button_group, _button_group, the two serdes).
Simplified: no ``bind``/``persist_state``, no enum coercion, no recovery of a
selection whose labels changed under a new ``format_func``.

Both send a ButtonGroup proto (``style`` PILLS or SEGMENTED_CONTROL). Wire
(1.67): ``string_array_value`` with the chosen options' texts; in "single" mode
at most one, and an empty list means the user deselected (the script sees
None). An option text that starts with an emoji or a Material icon followed
by a space has that icon sent apart (``content_icon``), as 1.67 does.

Identity (1.67): the style ("pills"/"segmented_control") is the element type;
options (the Option messages), default (indices), click_mode, style, width
("content"), label, help; with a key, click_mode.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from minilit.elements.layout_utils import (
    InvalidValueError,
    LabelVisibilityName,
    Width,
    extract_leading_icon,
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
from minilit.elements.widgets.multiselect import default_indices
from minilit.elements.widgets.values import expect_kind, expect_option
from minilit.errors import IncompatibleParametersError, MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import ButtonGroup as ButtonGroupProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

FormatFunc = Callable[[Any], Any]


def option_proto(text: str) -> ButtonGroupProto.Option:
    """An option as sent: a leading icon followed by a space (or alone) goes apart."""
    first, _, rest = text.partition(" ")
    icon, remaining = extract_leading_icon(first.strip())
    if icon and not remaining:
        return ButtonGroupProto.Option(content=rest, content_icon=icon)
    return ButtonGroupProto.Option(content=text)


class ButtonGroupMixin(DGMixin):
    def pills(
        self,
        label: str,
        options: Iterable[Any],
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: FormatFunc | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | str | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "content",
        wrap: bool | None = None,
    ) -> Any:
        """Options as pill buttons; returns the chosen option (None), or a list in "multi" mode.

        Example:
            >>> st.pills("Tags", ["a", "b"], selection_mode="multi")   # doctest: +SKIP
        """
        return self._button_group(
            "pills", label, options, selection_mode, default, required, format_func, key,
            help, on_change, args, kwargs, disabled, label_visibility, width, wrap,
        )  # fmt: skip

    def segmented_control(
        self,
        label: str,
        options: Iterable[Any],
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: FormatFunc | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | str | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "content",
        wrap: bool | None = None,
    ) -> Any:
        """Options as a joined row of buttons; returns like st.pills.

        Example:
            >>> st.segmented_control("View", ["Day", "Week"], default="Day")   # doctest: +SKIP
        """
        return self._button_group(
            "segmented_control", label, options, selection_mode, default, required,
            format_func, key, help, on_change, args, kwargs, disabled, label_visibility,
            width, wrap,
        )  # fmt: skip

    def _button_group(
        self,
        style: str,
        label: str,
        options: Iterable[Any],
        selection_mode: str,
        default: Any,
        required: bool,
        format_func: FormatFunc | None,
        key: Key | None,
        help: str | None,
        on_change: WidgetCallback | str | None,
        args: WidgetArgs | None,
        kwargs: WidgetKwargs | None,
        disabled: bool,
        label_visibility: LabelVisibilityName,
        width: Width,
        wrap: bool | None,
    ) -> Any:
        visibility = label_visibility_proto(label_visibility)
        if required and selection_mode == "multi":
            raise IncompatibleParametersError(
                "`required=True` and `selection_mode='multi'` cannot be used together. "
                "`required` is only supported for single-select mode."
            )
        opts, formatted = format_options(options, format_func or str)
        defaults = default_indices(default, opts)
        if selection_mode not in ("single", "multi"):
            raise InvalidValueError("selection_mode", ["'single'", "'multi'"])
        single = selection_mode == "single"
        click_mode = ButtonGroupProto.SINGLE_SELECT if single else ButtonGroupProto.MULTI_SELECT
        if single and len(defaults) > 1:
            raise MinilitAPIException(
                f"The default argument to `st.{style}` must be a single value when "
                "`selection_mode='single'`."
            )
        dg = self.dg
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        width_cfg = width_config(width, allow_content=True)
        check_widget_policies(dg, user_key, callback, default_value=defaults or None)
        option_protos = [option_proto(text) for text in formatted]
        element_id = compute_and_register_element_id(
            style,
            user_key,
            {"click_mode"},
            dg,
            options=option_protos,
            default=defaults,
            click_mode=click_mode,
            style=style,
            width=width,
            label=label,
            help=help,
        )

        def deserialize(state: WidgetState | None) -> Any:
            if state is None:
                chosen = [opts[i] for i in defaults]
                return (chosen[0] if chosen else None) if single else chosen
            expect_kind(state, "string_array_value")
            texts = list(state.string_array_value.data)
            if single and len(texts) > 1:
                raise InvalidWidgetValue(f"{len(texts)} options for a single-select {style}")
            chosen = [opts[expect_option(t, formatted)] for t in texts]
            return (chosen[0] if chosen else None) if single else chosen

        proto = ButtonGroupProto(
            id=element_id,
            disabled=disabled,
            click_mode=click_mode,
            form_id=dg.form_id,
            style=ButtonGroupProto.PILLS
            if style == "pills"
            else ButtonGroupProto.SEGMENTED_CONTROL,
            required=required,
            ignore_rerun=ignore_rerun,
        )
        proto.default[:] = defaults
        proto.options.extend(option_protos)
        # A label of None looks like a collapsed one, so 1.67 then leaves the label out.
        if label is not None:
            proto.label = label_text(label)
            proto.label_visibility.SetInParent()
            proto.label_visibility.CopyFrom(visibility)
            if help is not None:
                proto.help = help_text(help)
        if wrap is not None:
            proto.wrap = wrap
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_array_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        value = result.value
        values: Sequence[Any] = ([] if value is None else [value]) if single else list(value or [])
        positions = [index_of(v, opts) for v in values]
        if any(p is None for p in positions):
            # A session_state value that is not an option: 1.67 resets a single one to the
            # default and drops the unknown ones of a multi selection.
            if single:
                value = opts[defaults[0]] if defaults else None
                positions = [defaults[0]] if defaults else []
            else:
                value = [v for v, p in zip(values, positions, strict=True) if p is not None]
                positions = [p for p in positions if p is not None]
            reset_state_value(element_id, value)
            proto.set_value = True
        elif result.value_changed:
            proto.set_value = True
        if proto.set_value:
            proto.raw_values[:] = [formatted[p] for p in positions if p is not None]
        dg._enqueue("button_group", proto, width=width_cfg)
        return value
