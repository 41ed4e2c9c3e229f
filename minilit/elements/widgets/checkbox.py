"""st.checkbox and st.toggle: a bool, sent as ``bool_value``.

Mirrors: streamlit/elements/widgets/checkbox.py (CheckboxMixin.checkbox,
toggle, _checkbox). One proto for both; ``type`` TOGGLE draws a switch.
Simplified: no width.

Identity (1.67): element type ("checkbox" or "toggle"), label, value, help,
width ("content"); with a key, only the key. Verified against a real 1.67 id
(a sidebar checkbox).
"""

from __future__ import annotations

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
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import Checkbox as CheckboxProto
from minilit.runtime.state.common import WidgetArgs, WidgetCallback, WidgetKwargs


class CheckboxMixin(DGMixin):
    def checkbox(
        self,
        label: str,
        value: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "content",
    ) -> bool:
        """A checkbox; returns whether it is ticked.

        Example:
            >>> agree = st.checkbox("I agree")      # doctest: +SKIP
        """
        return self._checkbox(
            label,
            value,
            to_key(key),
            help,
            on_change,
            args,
            kwargs,
            disabled,
            CheckboxProto.DEFAULT,
            label_visibility,
            width,
        )

    def toggle(
        self,
        label: str,
        value: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "content",
    ) -> bool:
        """A switch; returns whether it is on."""
        return self._checkbox(
            label,
            value,
            to_key(key),
            help,
            on_change,
            args,
            kwargs,
            disabled,
            CheckboxProto.TOGGLE,
            label_visibility,
            width,
        )

    def _checkbox(
        self,
        label: str,
        value: bool,
        key: str | None,
        help: str | None,
        on_change: WidgetCallback | None,
        args: WidgetArgs | None,
        kwargs: WidgetKwargs | None,
        disabled: bool,
        style: CheckboxProto.StyleType,
        label_visibility: LabelVisibilityName,
        width: Width,
    ) -> bool:
        width_cfg = width_config(width, allow_content=True)
        dg = self.dg
        check_widget_policies(dg, key, on_change, default_value=None if value is False else value)
        element_type = "toggle" if style == CheckboxProto.TOGGLE else "checkbox"
        default = bool(value)
        element_id = compute_and_register_element_id(
            element_type, key, True, dg, label=label, value=default, help=help, width=width
        )

        def deserialize(state: WidgetState | None) -> bool:
            if state is None:
                return default
            expect_kind(state, "bool_value")
            return bool(state.bool_value)

        proto = CheckboxProto(
            id=element_id,
            label=label_text(label),
            default=default,
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            disabled=disabled,
            type=style,
        )
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="bool_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        if result.value_changed:
            proto.value = bool(result.value)
            proto.set_value = True
        dg._enqueue("checkbox", proto, width=width_cfg)
        return bool(result.value)
