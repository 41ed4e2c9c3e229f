"""st.text_input and st.text_area: a string (or None), sent as ``string_value``.

Mirrors: streamlit/elements/widgets/text_widgets.py (TextWidgetsMixin.text_input,
text_area). A text area's height travels in ``Element.height_config`` (122
pixels unless given, as in 1.67). Simplified: text_input types "default" and
"password" only; no validation regex, no width.

``value=None`` makes an empty widget that returns None until the user types.

Identity (1.67): text_input: label, value, max_chars, type, help, autocomplete,
placeholder (as str), icon, width ("stretch"), validate; with a key, only
max_chars and validate (verified against a real 1.67 id for the keyed case).
text_area: label, value, height, max_chars, help, placeholder (as str), width
("stretch"); with a key, only max_chars (not verified against a recording).
"""

from __future__ import annotations

from collections.abc import Callable

from minilit.elements.layout_utils import (
    LabelVisibilityName,
    Width,
    height_config,
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
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import TextArea as TextAreaProto
from minilit.proto.Widgets_pb2 import TextInput as TextInputProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)

_TYPES = {"default": TextInputProto.DEFAULT, "password": TextInputProto.PASSWORD}


def _text_deserializer(
    default: str | None, max_chars: int | None
) -> Callable[[WidgetState | None], str | None]:
    def deserialize(state: WidgetState | None) -> str | None:
        if state is None:
            return default
        expect_kind(state, "string_value")
        text = str(state.string_value)
        if max_chars is not None and len(text) > max_chars:
            raise InvalidWidgetValue(f"{len(text)} characters, more than max_chars={max_chars}")
        return text

    return deserialize


class TextWidgetsMixin(DGMixin):
    def text_input(
        self,
        label: str,
        value: str | None = "",
        max_chars: int | None = None,
        key: Key | None = None,
        type: str = "default",
        help: str | None = None,
        autocomplete: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        icon: str | None = None,
        width: Width = "stretch",
    ) -> str | None:
        """A one-line text box; returns its text (sent on Enter or when it loses focus).

        Example:
            >>> name = st.text_input("Your name", key="name")    # doctest: +SKIP
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_change, default_value=None if value == "" else value)
        if type not in _TYPES:
            raise MinilitAPIException(
                f"'{type}' is not a valid text_input type. Valid types are 'default' and "
                "'password'."
            )
        text = str(value) if value is not None else None
        element_id = compute_and_register_element_id(
            "text_input",
            user_key,
            {"max_chars", "validate"},
            dg,
            label=label,
            value=text,
            max_chars=max_chars,
            type=type,
            help=help,
            autocomplete=autocomplete,
            placeholder=str(placeholder),
            icon=icon,
            width=width,
            # 1.67 hashes its later parameters too (minilit has not got them: always
            # their defaults): live off is None, and required is False.
            live=None,
            validate=None,
            required=False,
        )
        proto = TextInputProto(
            id=element_id,
            label=label_text(label),
            type=_TYPES[type],
            max_chars=max_chars or 0,
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            placeholder=placeholder or "",
            disabled=disabled,
            autocomplete=autocomplete
            if autocomplete is not None
            else ("new-password" if type == "password" else ""),
            icon=icon_text(icon),
        )
        if text is not None:
            proto.default = text
        result = register_widget(
            element_id,
            deserializer=_text_deserializer(text, max_chars),
            value_type="string_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        if result.value_changed:
            if result.value is not None:
                proto.value = str(result.value)
            proto.set_value = True
        dg._enqueue("text_input", proto, width=width_cfg)
        return result.value

    def text_area(
        self,
        label: str,
        value: str | None = "",
        height: int | str | None = None,
        max_chars: int | None = None,
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
    ) -> str | None:
        """A multi-line text box; returns its text.

        ``height`` (pixels, "content" or "stretch") goes into ``Element.height_config``;
        without it 1.67 sends 122 pixels, about three lines (94 with a collapsed label).
        """
        width_cfg = width_config(width, allow_content=False)
        dg = self.dg
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_change, default_value=None if value == "" else value)
        text = str(value) if value is not None else None
        element_id = compute_and_register_element_id(
            "text_area",
            user_key,
            {"max_chars"},
            dg,
            label=label,
            value=text,
            height=height,
            max_chars=max_chars,
            help=help,
            placeholder=str(placeholder),
            width=width,
            required=False,  # 1.67's parameter; minilit's is always the default
        )
        proto = TextAreaProto(
            id=element_id,
            label=label_text(label),
            max_chars=max_chars or 0,
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            placeholder=placeholder or "",
            disabled=disabled,
        )
        if text is not None:
            proto.default = text
        result = register_widget(
            element_id,
            deserializer=_text_deserializer(text, max_chars),
            value_type="string_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        if result.value_changed:
            if result.value is not None:
                proto.value = str(result.value)
            proto.set_value = True
        if height is None:
            height = 122 if label_visibility != "collapsed" else 94
        dg._enqueue(
            "text_area", proto, width=width_cfg, height=height_config(height, allow_content=True)
        )
        return result.value
