"""st.download_button: a button that downloads data the script made.

Mirrors: streamlit/elements/widgets/button.py (ButtonMixin.download_button,
marshall_file) of 1.67. The data is stored as a DOWNLOADABLE media file
(runtime/media_file_manager.py) with its file name; the media route serves it
with ``Content-Disposition: attachment`` (server/media.py). Clicking it is a
trigger (``trigger_value``), as in 1.67 with ``on_click="rerun"``, so the
function returns True in the run the click caused. Simplified: no deferred
(callable) data, no on_click="ignore", no width or shortcut.

Identity (1.67): element type, label, icon, file_name, mime, help, type,
width (the data itself is not part of it).
"""

from __future__ import annotations

from typing import Any

from minilit.elements.layout_utils import (
    Width,
    icon_text,
    label_text,
    use_container_width_to_width,
    width_config,
)
from minilit.elements.media_util import read_data, store
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.button import deserialize_trigger
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    help_text,
    register_widget,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.errors import MinilitAPIException
from minilit.proto.Widgets_pb2 import DownloadButton as DownloadButtonProto
from minilit.runtime.media_file_manager import MediaFileKind
from minilit.runtime.state.common import WidgetArgs, WidgetCallback, WidgetKwargs


class DownloadButtonMixin(DGMixin):
    def download_button(
        self,
        label: str,
        data: str | bytes | Any,
        file_name: str | None = None,
        mime: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_click: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Width = "content",
    ) -> bool:
        """A button that downloads ``data`` as ``file_name``; True in the run its click caused.

        Example:
            >>> st.download_button("CSV", "a,b\\n1,2\\n", file_name="d.csv")  # doctest: +SKIP
        """
        width = use_container_width_to_width(use_container_width, width)
        width_cfg = width_config(width, allow_content=True)
        dg = self.dg
        if dg.form_id:
            raise MinilitAPIException("`st.download_button()` can't be used in an `st.form()`.")
        user_key = to_key(key)
        check_widget_policies(dg, user_key, on_click, writes_allowed=False)
        if isinstance(data, str):
            raw = data.encode("utf-8")
            mimetype = mime or "text/plain"
        else:
            raw = read_data(data)
            mimetype = mime or "application/octet-stream"
        element_id = compute_and_register_element_id(
            "download_button",
            user_key,
            True,
            dg,
            label=label,
            icon=icon,
            file_name=file_name,
            mime=mime,  # as given (None when inferred), as 1.67 hashes it
            help=help,
            type=type,
            width=width,
            icon_position="left",  # 1.67's parameters, always their defaults here
            shortcut=None,
        )
        url = store(dg, raw, mimetype, kind=MediaFileKind.DOWNLOADABLE, filename=file_name)
        proto = DownloadButtonProto(
            id=element_id,
            label=label_text(label),
            help=help_text(help),
            form_id=dg.form_id,
            url=url,
            disabled=disabled,
            type=type,
            icon=icon_text(icon),
        )
        result = register_widget(
            element_id,
            deserializer=deserialize_trigger,
            value_type="trigger_value",
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        dg._enqueue("download_button", proto, width=width_cfg)
        return bool(result.value)
