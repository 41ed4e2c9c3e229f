"""The media route: ``GET``/``HEAD /media/<file_id><ext>``.

Mirrors: 1.67's ``create_media_routes`` in web/server/starlette/starlette_routes.py
(1.39: MediaFileHandler in web/server/media_file_handler.py). Serves the bytes
that st.image, st.audio, st.video and st.download_button stored in
runtime/media_file_manager.py:

* ``Content-Type`` is the mimetype the element gave (``text/plain`` if none);
  with ``nosniff`` (server/headers.py) the browser takes it as given.
* ``Accept-Ranges: bytes``; a ``Range: bytes=a-b`` (or ``a-``, ``-n``) request
  gets 206 with ``Content-Range``; a range that cannot be satisfied, or a
  multi-range request, gets 416 with ``Content-Range: bytes */<size>``.
  Audio and video players seek with ranges.
* A download gets ``Content-Disposition: attachment`` with its name, quoted
  when that is safe and as RFC 5987 ``filename*=utf-8''...`` otherwise (a
  quote, backslash, control character or non-ASCII letter), as 1.67 does.
* An unknown id (never stored, or released when no session referred to it
  any more) is a 404.

Each answer is a ``security.media.served`` or ``security.media.rejected`` event.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import tornado.web

from minilit.runtime.media_file_manager import (
    MediaFileKind,
    MediaFileManager,
    extension_for_mimetype,
)
from minilit.trace import events
from minilit.trace.bus import BUS

MEDIA_ROUTE = r"/media/(.*)"

_QUOTED_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f]')


def parse_range(header: str, size: int) -> tuple[int, int]:
    """``bytes=a-b`` -> (a, b) inclusive; raises ValueError if it cannot be served."""
    if size <= 0:
        raise ValueError("empty content")
    units, sep, spec = header.partition("=")
    if units.strip().lower() != "bytes" or not sep or "," in spec:
        raise ValueError("invalid range")
    spec = spec.strip()
    first, dash, last = spec.partition("-")
    if not dash:
        raise ValueError("invalid range")
    if not first:  # suffix: the last n bytes
        n = int(last)
        if n <= 0:
            raise ValueError("empty suffix")
        return max(0, size - n), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if start < 0 or start >= size or end < start:
        raise ValueError("unsatisfiable range")
    return start, min(end, size - 1)


def content_disposition(filename: str) -> str:
    if filename.isascii() and not _QUOTED_UNSAFE.search(filename):
        return f'attachment; filename="{filename}"'
    return f"attachment; filename*=utf-8''{quote(filename, safe='')}"


class MediaFileHandler(tornado.web.RequestHandler):
    def initialize(self, media: MediaFileManager) -> None:
        self._media = media

    def get(self, name: str) -> None:
        self._serve(name, include_body=True)

    def head(self, name: str) -> None:
        self._serve(name, include_body=False)

    def _serve(self, name: str, include_body: bool) -> None:
        file = self._media.get(name)
        if file is None:
            self._reject(404, "no media file with this id (never stored, or released)", name)
            return
        if file.kind == MediaFileKind.DOWNLOADABLE:
            filename = file.filename or f"minilit_download{extension_for_mimetype(file.mimetype)}"
            self.set_header("Content-Disposition", content_disposition(filename))
        self.set_header("Accept-Ranges", "bytes")
        self.set_header("Content-Type", file.mimetype or "text/plain")
        self.set_header("Cache-Control", "no-cache")
        content = file.content
        size = len(content)
        requested = self.request.headers.get("Range")
        status = 200
        if requested:
            try:
                start, end = parse_range(requested, size)
            except ValueError:
                self.set_header("Content-Range", f"bytes */{size}")
                self._reject(416, f"range {requested!r} cannot be served", name)
                return
            content = content[start : end + 1]
            status = 206
            self.set_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.set_status(status)
        self.set_header("Content-Length", str(len(content)))
        BUS.publish(
            events.MEDIA_SERVED,
            file_id=name,
            status=status,
            bytes=len(content),
            range=requested or "",
        )
        if include_body:
            self.write(content)

    def compute_etag(self) -> str | None:
        # 1.67's media route sends no ETag. Tornado's default would add one by
        # hashing the whole body (SHA-1 of every byte of a 10 MB download, about
        # half the time minilit took to serve it).
        return None

    def _reject(self, status: int, reason: str, name: str) -> None:
        BUS.publish(events.MEDIA_REJECTED, file_id=name, reason=reason, status=status)
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status}: {reason}\n")
