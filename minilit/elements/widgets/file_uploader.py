"""st.file_uploader: files the browser uploaded, as UploadedFile objects.

Mirrors: streamlit/elements/widgets/file_uploader.py (FileUploaderMixin,
FileUploaderSerde) and elements/lib/file_uploader_utils.py
(normalize_upload_file_type, enforce_filename_restriction) of 1.67.
Simplified: no directory uploads, no width; ``type``
takes extensions only (1.67 also takes MIME types and the "image"/"audio"
shortcuts).

The value travels in two parts (runtime/uploaded_file_manager.py has the
whole flow): the bytes by HTTP PUT to the upload route, then the widget's
``file_uploader_state_value`` (file ids, names, sizes) in a rerun. The
deserializer looks the ids up in the session's files; an id the session does
not hold (never uploaded, deleted, another session's) is simply absent.

A file whose extension is not in ``type`` is refused as 1.67 refuses it
(the frontend filters too, but a hand-made client need not): here it is an
InvalidWidgetValue, so the session keeps the previous value and logs a
warning instead of raising in the script.

Identity (1.67): with a key, the key plus type, accept_multiple_files and
max_upload_size; without, also label and help.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal, overload

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
from minilit.errors import MinilitAPIException
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import FileUploader as FileUploaderProto
from minilit.runtime.state.common import (
    InvalidWidgetValue,
    WidgetArgs,
    WidgetCallback,
    WidgetKwargs,
)
from minilit.runtime.uploaded_file_manager import UPLOADED_FILES, UploadedFile
from minilit.scriptrunner.script_run_context import get_script_run_ctx

_TYPE_PAIRS = [(".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff")]


def normalize_upload_file_type(file_type: str | Sequence[str]) -> list[str]:
    """``"CSV"`` or ``["png", ".jpg"]`` -> ``[".csv"]``, ``[".png", ".jpg", ".jpeg"]``."""
    entries = [file_type] if isinstance(file_type, str) else list(file_type)
    out: list[str] = []
    for raw in entries:
        ext = raw.strip().lower()
        if not ext:
            continue
        if "/" in ext:
            raise MinilitAPIException(
                f"file_uploader type {raw!r}: minilit takes file extensions only"
            )
        out.append(ext if ext.startswith(".") else f".{ext}")
    for a, b in _TYPE_PAIRS:  # 1.67 pairs equivalent extensions
        if a in out and b not in out:
            out.append(b)
        if b in out and a not in out:
            out.append(a)
    return out


def enforce_filename_restriction(filename: str, allowed: Sequence[str]) -> None:
    if "\0" in filename:
        raise InvalidWidgetValue("a file name contains a NUL byte")
    if not allowed:
        return
    if not any(filename.lower().endswith(ext) for ext in allowed):
        _, extension = os.path.splitext(filename)
        raise InvalidWidgetValue(f"Invalid file extension: {extension!r}. Allowed: {allowed}")


class FileUploaderMixin(DGMixin):
    @overload
    def file_uploader(
        self,
        label: str,
        type: str | Sequence[str] | None = None,
        accept_multiple_files: Literal[False] = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> UploadedFile | None: ...

    @overload
    def file_uploader(
        self,
        label: str,
        type: str | Sequence[str] | None = None,
        *,
        accept_multiple_files: Literal[True],
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> list[UploadedFile]: ...

    def file_uploader(
        self,
        label: str,
        type: str | Sequence[str] | None = None,
        accept_multiple_files: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: WidgetCallback | None = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        *,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
    ) -> UploadedFile | list[UploadedFile] | None:
        """A file chooser; returns the uploaded file (or a list with ``accept_multiple_files``).

        ``type`` limits the extensions (``"csv"`` or ``["png", "jpg"]``);
        ``max_upload_size`` (MiB) is the limit the browser applies for this
        widget (as in 1.67, the upload route enforces ``server.maxUploadSize``).

        Example:
            >>> f = st.file_uploader("A CSV", type="csv")     # doctest: +SKIP
            >>> if f is not None:                             # doctest: +SKIP
            ...     st.text(f.getvalue().decode())
        """
        dg = self.dg
        user_key = to_key(key)
        # A file cannot be given to the widget through st.session_state (as in 1.67).
        check_widget_policies(dg, user_key, on_change, writes_allowed=False)
        allowed = normalize_upload_file_type(type) if type is not None else []
        ctx = get_script_run_ctx()
        server_limit = UPLOADED_FILES.max_upload_size_mb(ctx.session_id if ctx else "")
        limit = max_upload_size if max_upload_size is not None else server_limit
        if limit <= 0:
            raise MinilitAPIException("max_upload_size must be a positive number of MiB")
        element_id = compute_and_register_element_id(
            "file_uploader",
            user_key,
            {"type", "accept_multiple_files", "max_upload_size"},
            dg,
            max_upload_size=max_upload_size,
            label=label,
            type=type,
            accept_multiple_files=accept_multiple_files,
            help=help,
            width=width,
        )

        def deserialize(state: WidgetState | None) -> list[UploadedFile]:
            if state is None:
                return []
            expect_kind(state, "file_uploader_state_value")
            infos = state.file_uploader_state_value.uploaded_file_info
            run_ctx = get_script_run_ctx()
            if run_ctx is None or not infos:
                return []
            for info in infos:
                enforce_filename_restriction(info.name, allowed)
            urls = {info.file_id: info.file_urls for info in infos}
            records = UPLOADED_FILES.get_files(run_ctx.session_id, list(urls))
            return [UploadedFile(r, urls[r.file_id]) for r in records]

        proto = FileUploaderProto(
            id=element_id,
            label=label_text(label),
            type=allowed,
            max_upload_size_mb=limit,
            multiple_files=accept_multiple_files,
            help=help_text(help),
            label_visibility=label_visibility_proto(label_visibility),
            form_id=dg.form_id,
            disabled=disabled,
        )
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="file_uploader_state_value",
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        dg._enqueue("file_uploader", proto, width=width_config(width))
        files: list[UploadedFile] = list(result.value)
        if accept_multiple_files:
            return files
        return files[0] if files else None
