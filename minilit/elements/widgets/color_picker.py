"""st.color_picker: a colour as "#rrggbb" text.

Mirrors: streamlit/elements/widgets/color_picker.py (ColorPickerMixin.color_picker,
ColorPickerSerde). Simplified: no ``bind``/``persist_state``.

Wire (1.67): ``string_value`` with the hex text; the browser's picker sends
"#rrggbb" (lower case). The default goes out exactly as passed ("#000" stays
three digits). A text without "#" gets one, as 1.67 reads it; one that is
still not a hex colour is refused (1.67 falls back to the default).

Identity (1.67): label, value (``str(value)``: "None" when omitted), help, width
("content"); with a key, only the key.
"""

from __future__ import annotations

import re

from minilit.elements.layout_utils import (
    InvalidParameterTypeError,
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
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import ColorPicker as ColorPickerProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
# 1.67 widens a pixel width below this to it, so the swatch always fits.
_MIN_WIDTH_PX = 40


class ColorPickerMixin(DGMixin):
    def color_picker(
        self,
        label: str,
        value: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | str | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "content",
    ) -> str:
        """A colour swatch that opens a picker; returns "#rrggbb" (default "#000000").

        Example:
            >>> color = st.color_picker("Pick a color", "#00f900")   # doctest: +SKIP
        """
        dg = self.dg
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        check_widget_policies(dg, user_key, callback, default_value=value)
        if isinstance(width, int) and not isinstance(width, bool) and 0 < width < _MIN_WIDTH_PX:
            width = _MIN_WIDTH_PX
        width_cfg = width_config(width, allow_content=True)
        element_id = compute_and_register_element_id(
            "color_picker",
            user_key,
            True,
            dg,
            label=label,
            value=str(value),
            help=help,
            width=width,
        )
        default = "#000000" if value is None else value
        if not isinstance(default, str):
            raise InvalidParameterTypeError(
                "value",
                type(default).__name__,
                ["str"],
                detail="Pass a hex string like `'#00FFAA'` or `'#000'`.",
            )
        if not HEX_COLOR.match(default):
            raise MinilitAPIException(
                f"'{default}' is not a valid hex code for colors. Valid ones are like "
                "'#00FFAA' or '#000'."
            )

        def deserialize(state: WidgetState | None) -> str:
            if state is None or state.WhichOneof("value") is None:
                return default
            expect_kind(state, "string_value")
            text = state.string_value
            if text == "":
                return default
            text = text if text.startswith("#") else f"#{text}"
            if not HEX_COLOR.match(text):
                raise InvalidWidgetValue(f"{text!r} is not a hex colour")
            return text

        proto = ColorPickerProto(
            id=element_id,
            label=label_text(label),
            default=default,
            help=help_text(help),
            form_id=dg.form_id,
            disabled=disabled,
            label_visibility=label_visibility_proto(label_visibility),
            ignore_rerun=ignore_rerun,
        )
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        if result.value_changed:
            proto.value = str(result.value)
            proto.set_value = True
        dg._enqueue("color_picker", proto, width=width_cfg)
        return str(result.value)
