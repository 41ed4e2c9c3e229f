"""st.link_button: a button that opens a URL in a new tab.

Mirrors: streamlit/elements/widgets/button.py (ButtonMixin.link_button,
_link_button). Simplified: no ``shortcut``.

By default (``on_click="ignore"``) a link button is not a widget at all: it has
no id, the proto says ``ignore_rerun: true`` and a click only opens the URL.
With ``on_click="rerun"`` or a callback it is also a trigger widget, like
st.button: the click sends ``trigger_value: true`` and the call returns True in
that one run (False otherwise); with "ignore" it returns the DeltaGenerator of
its slot, as 1.67 does.

Identity (1.67, when it has one): label, icon, url, help, type, width,
icon_position, shortcut (None); with a key, only the key (for "ignore" with a
key the key is the whole identity too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minilit.elements.layout_utils import (
    InvalidValueError,
    Width,
    icon_text,
    label_text,
    use_container_width_to_width,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.button import deserialize_trigger
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    on_change_callback,
    register_widget,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.proto.Widgets_pb2 import ButtonLikeIconPosition
from minilit.proto.Widgets_pb2 import LinkButton as LinkButtonProto
from minilit.runtime.state.common import WidgetArgs, WidgetKwargs

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_TYPES = ("primary", "secondary", "tertiary")
_ICON_POSITIONS = {"left": ButtonLikeIconPosition.LEFT, "right": ButtonLikeIconPosition.RIGHT}


class LinkButtonMixin(DGMixin):
    def link_button(
        self,
        label: str,
        url: str,
        *,
        key: Key | None = None,
        on_click: Any = "ignore",
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        help: str | None = None,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Width = "content",
        wrap: bool | None = None,
    ) -> bool | DeltaGenerator:
        """A link styled as a button.

        Returns the element's DeltaGenerator, or, with ``on_click="rerun"`` or a
        callback, True in the run its click caused.

        Example:
            >>> st.link_button("Docs", "https://docs.streamlit.io")      # doctest: +SKIP
        """
        if type not in _TYPES:
            raise InvalidValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        position = "left" if icon_position is None else icon_position
        if position not in _ICON_POSITIONS:
            raise InvalidValueError("icon_position", ["'left'", "'right'"])
        width = use_container_width_to_width(use_container_width, width)
        width_cfg = width_config(width, allow_content=True)
        callback, ignore = on_change_callback(on_click, "on_click")
        rerun_mode = not ignore
        dg = self.dg
        user_key = to_key(key)
        proto = LinkButtonProto(
            label=label_text(label),
            url=str(url),
            type=type,
            disabled=disabled,
            ignore_rerun=not rerun_mode,
            help=help_text(help),
            icon=icon_text(icon),
            icon_position=_ICON_POSITIONS[position],
        )
        if wrap is not None:
            proto.wrap = wrap
        if rerun_mode or user_key is not None:
            check_widget_policies(dg, user_key, callback, writes_allowed=False)
            proto.id = compute_and_register_element_id(
                "link_button",
                user_key,
                True,
                dg,
                label=proto.label,
                icon=icon,
                url=url,
                help=help,
                type=type,
                width=width,
                icon_position=position,
                shortcut=None,
            )
        clicked = False
        if rerun_mode:
            clicked = register_widget(
                proto.id,
                deserializer=deserialize_trigger,
                value_type="trigger_value",
                on_change=callback,
                args=args,
                kwargs=kwargs,
                disabled=disabled,
            ).value
        slot = dg._enqueue("link_button", proto, width=width_cfg)
        return clicked if rerun_mode else slot
