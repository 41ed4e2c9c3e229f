"""Helpers for the media elements: turn what the script passed into a /media URL.

Mirrors the shared parts of streamlit/elements/lib/image_utils.py and
elements/media.py (``_marshall_av_media``) of 1.67: a URL passes through, a
path is read, bytes are stored in the media file manager
(runtime/media_file_manager.py) under the element's coordinates (its delta
path), and the element carries the URL the manager returns.
"""

from __future__ import annotations

import io
import mimetypes
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minilit.errors import MinilitAPIException
from minilit.runtime.media_file_manager import MEDIA_FILES, MediaFileKind
from minilit.scriptrunner.script_run_context import get_script_run_ctx

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://", "data:"))


def coordinates(dg: DeltaGenerator) -> str:
    """Where the element about to be sent goes (``root.index...``), Streamlit's media key."""
    cursor = dg._active_dg._cursor
    return ".".join(str(i) for i in cursor.delta_path) if cursor is not None else "none"


def read_data(data: Any) -> bytes:
    """bytes, a str/Path naming a file, or a readable file-like object -> bytes."""
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    if isinstance(data, str | Path):
        try:
            return Path(data).read_bytes()
        except OSError as exc:
            raise MinilitAPIException(f"Cannot read {str(data)!r}: {exc.strerror}") from None
    if isinstance(data, io.IOBase) or hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        raw = data.read()
        return raw.encode() if isinstance(raw, str) else bytes(raw)
    raise MinilitAPIException(f"Unsupported media data of type {type(data).__name__}")


def guess_mimetype(data: Any, default: str) -> str:
    if isinstance(data, str | Path):
        guessed, _ = mimetypes.guess_type(str(data))
        if guessed:
            return guessed
    return default


def store(
    dg: DeltaGenerator,
    data: bytes,
    mimetype: str,
    *,
    kind: MediaFileKind = MediaFileKind.MEDIA,
    filename: str | None = None,
) -> str:
    """Put ``data`` in the media file manager; return its URL (``/media/...``).

    Outside a script run (no session) nothing is stored and the URL is empty.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return ""
    return MEDIA_FILES.add(
        data,
        mimetype,
        coordinates(dg),
        session_id=ctx.session_id,
        run_id=ctx.script_run_id,
        kind=kind,
        filename=filename,
    )


def file_name_of(data: Any) -> str | None:
    if isinstance(data, str | Path) and not is_url(data):
        return os.path.basename(str(data))
    return None
