"""The upload route: ``PUT``/``DELETE /_stcore/upload_file/<session_id>/<file_id>``.

Mirrors: 1.67's ``create_upload_routes`` in web/server/starlette/starlette_routes.py
(and 1.39's UploadFileRequestHandler in web/server/upload_file_request_handler.py).
The body is a multipart/form-data request with exactly one file; it is
stored in memory for the session (runtime/uploaded_file_manager.py) and the
browser then sends the widget's ``file_uploader_state_value`` in a rerun.

The checks, in order, each with its answer (nothing of ours is in the body
but a one-line reason; never a traceback):

    XSRF double-submit (server.enableXsrfProtection)     403  server/xsrf.py
    the session id is an active session on this server   400  (1.67's answer too)
    PUT: the file id was issued to that session          404  (stricter than 1.67)
    Content-Length over the limit plus 1 MiB             413  (see below for when)
    body over the limit plus 1 MiB while streaming       413  (Content-Length lied or
                                                              was absent: chunked)
    not multipart/form-data, malformed, not exactly one file  400
    the file itself over the limit                       413

The body is streamed (``stream_request_body``): the handler counts bytes as
they arrive and stops keeping them as soon as they pass the cap (the limit
plus 1 MiB for the multipart framing, as in 1.67), so an oversize upload
never sits whole in memory. When to answer: an answer sent while the client
is still sending makes Tornado close the connection under it, and the client
may see a broken pipe instead of the 413. So a body up to twice the cap is
read to its end and thrown away, then refused with 413; a Content-Length
above twice the cap is refused at once, before any of the body is read, and
Tornado's own ``max_body_size`` (twice the cap, for this request) cuts off a
chunked body that goes on beyond it.

CORS headers (1.67's ``_set_upload_headers``, on every answer of the route,
``OPTIONS`` preflights included): ``Access-Control-Allow-Methods: PUT, OPTIONS,
DELETE`` and ``Access-Control-Allow-Headers: Content-Type``, then

    XSRF on                   Allow-Origin: the server's own URL, Allow-Headers:
                              X-Xsrftoken, Content-Type, Vary: Origin,
                              Allow-Credentials: true
    XSRF off, CORS off        Allow-Origin: *   (any page may upload: lesson 10)
    XSRF off, CORS on         Allow-Origin: the request's Origin if it is in
                              server.corsAllowedOrigins, else none

The server's own URL is 1.67's ``get_url(browser.serverAddress)`` with that
option's defaults: ``http(s)://localhost:<port>``, https when
``server.sslCertFile`` is set. minilit has no ``browser.serverAddress`` or
``browser.serverPort`` option, so it is always ``localhost`` and the port the
request arrived on (1.67's ``browser.serverPort`` defaults to ``server.port``).
minilit has no development mode, so ``global.developmentMode`` does not turn on
``*`` as it does in 1.67. Unlike 1.67, whose refusals (``HTTPException``) carry
no CORS headers, minilit's refusals carry them too (as 1.56's
``set_default_headers`` did), plus ``Cache-Control: no-cache``.

Each decision is a ``security.upload.*`` or ``security.xsrf.rejected`` trace event.
"""

from __future__ import annotations

import logging
from typing import Any

import tornado.http1connection
import tornado.httputil
import tornado.web

from minilit.config import Config
from minilit.runtime.runtime import Runtime
from minilit.runtime.uploaded_file_manager import (
    UPLOAD_ENDPOINT,
    MemoryUploadedFileManager,
    UploadedFileRec,
)
from minilit.server.security import is_listed_origin
from minilit.server.xsrf import XSRF_COOKIE_NAME, XSRF_HEADER, check_double_submit
from minilit.trace import events
from minilit.trace.bus import BUS

_LOGGER = logging.getLogger(__name__)

UPLOAD_ROUTE = UPLOAD_ENDPOINT + r"/([^/]+)/([^/]+)"

MULTIPART_OVERHEAD = 1024 * 1024
"""Bytes a multipart body may carry beyond the file (boundaries, part headers), as in 1.67."""


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@tornado.web.stream_request_body
class UploadFileRequestHandler(tornado.web.RequestHandler):
    """Stores one uploaded file per PUT; DELETE forgets it."""

    def initialize(
        self, runtime: Runtime, config: Config, uploads: MemoryUploadedFileManager
    ) -> None:
        self._runtime = runtime
        self._config = config
        self._uploads = uploads
        self._max_bytes = int(config.get("server.maxUploadSize")) * 1024 * 1024
        self._chunks: list[bytes] = []
        self._received = 0
        self._late: _Refused | None = None
        """A refusal to send once the body has been read (see the module docstring)."""

    # --- CORS preflight and headers (1.67's _set_upload_headers) ---------------

    def _set_upload_headers(self) -> None:
        self.set_header("Access-Control-Allow-Methods", "PUT, OPTIONS, DELETE")
        self.set_header("Access-Control-Allow-Headers", "Content-Type")
        if self._xsrf_enabled():
            # Credentials (the cookie) and the token header, but only for the
            # server's own page; another origin's preflight fails in the browser.
            self.set_header("Access-Control-Allow-Origin", self._server_url())
            self.set_header("Access-Control-Allow-Headers", f"{XSRF_HEADER}, Content-Type")
            self.set_header("Vary", "Origin")
            self.set_header("Access-Control-Allow-Credentials", "true")
        elif not self._config.get("server.enableCORS"):
            # Both protections off: any page on any site may upload (lesson 10).
            self.set_header("Access-Control-Allow-Origin", "*")
        else:
            origin = self.request.headers.get("Origin")
            allowed = list(self._config.get("server.corsAllowedOrigins"))
            if origin and is_listed_origin(origin, allowed):
                self.set_header("Access-Control-Allow-Origin", origin)
        self.set_header("Cache-Control", "no-cache")

    def _server_url(self) -> str:
        """1.67's ``get_url(browser.serverAddress)`` with that option's defaults."""
        scheme = "https" if self._config.get("server.sslCertFile") else "http"
        port = int(self._config.get("server.port"))
        connection = self.request.connection
        if isinstance(connection, tornado.http1connection.HTTP1Connection):
            # server.port may be 0 (any free port) or busy (the next one was
            # taken): the port this request arrived on is the one browsers use.
            sock = connection.stream.socket
            if sock is not None:
                port = int(sock.getsockname()[1])
        return f"{scheme}://localhost:{port}"

    def options(self, session_id: str, file_id: str) -> None:
        self.set_status(204)

    # --- The checks before the body -------------------------------------------

    def prepare(self) -> None:
        self._set_upload_headers()
        if self.request.method not in ("PUT", "DELETE"):
            return
        session_id, file_id = self.path_args
        try:
            self._check_xsrf()
            if self._runtime.session_mgr.get_active_session_info(session_id) is None:
                raise _Refused(400, "Invalid session_id: no active session has this id")
            if self.request.method == "PUT":
                if not self._uploads.is_issued(session_id, file_id):
                    raise _Refused(404, "Unknown file_id: it was not issued to this session")
                self._check_content_length()
                connection = self.request.connection
                if isinstance(connection, tornado.http1connection.HTTP1Connection):
                    # Twice our own cap: our count (data_received) answers 413
                    # first; Tornado's cap only stops a single chunk declared huge.
                    connection.set_max_body_size(2 * (self._max_bytes + MULTIPART_OVERHEAD))
        except _Refused as refused:
            self._refuse(refused, file_id)

    def _xsrf_enabled(self) -> bool:
        return bool(self._config.get("server.enableXsrfProtection"))

    def _check_xsrf(self) -> None:
        if not self._xsrf_enabled():
            return
        decision = check_double_submit(
            self.request.headers.get(XSRF_HEADER), self.get_cookie(XSRF_COOKIE_NAME)
        )
        if not decision.allowed:
            BUS.publish(
                events.XSRF_REJECTED,
                session_id=self.path_args[0],
                reason=decision.reason,
                method=self.request.method or "",
                path=self.request.path,
            )
            raise _Refused(403, f"XSRF check failed: {decision.reason}")

    def _check_content_length(self) -> None:
        raw = self.request.headers.get("Content-Length")
        if raw is None:
            return  # chunked: counted while streaming
        try:
            length = int(raw)
        except ValueError:
            raise _Refused(400, "Invalid Content-Length header") from None
        cap = self._max_bytes + MULTIPART_OVERHEAD
        if length > 2 * cap:
            raise _Refused(413, self._too_large(length))
        if length > cap:
            self._late = _Refused(413, self._too_large(length))

    def _too_large(self, size: int) -> str:
        limit = int(self._config.get("server.maxUploadSize"))
        return f"File too large: {size} bytes is over server.maxUploadSize ({limit} MiB)"

    # --- The body ---------------------------------------------------------------

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return
        self._received += len(chunk)
        if self._late is None and self._received > self._max_bytes + MULTIPART_OVERHEAD:
            self._late = _Refused(413, self._too_large(self._received))
        if self._late is not None:
            self._chunks.clear()  # read to the end, keep nothing
            return
        self._chunks.append(chunk)

    def put(self, session_id: str, file_id: str) -> None:
        if self._late is not None:
            self._refuse(self._late, file_id)
            return
        body = b"".join(self._chunks)
        self._chunks.clear()
        try:
            record = self._parse(file_id, body)
        except _Refused as refused:
            self._refuse(refused, file_id)
            return
        self._uploads.add_file(session_id, record)
        BUS.publish(
            events.UPLOAD_ACCEPTED,
            session_id=session_id,
            file_id=file_id,
            file_name=record.name,
            size=len(record.data),
        )
        self.set_status(204)

    def _parse(self, file_id: str, body: bytes) -> UploadedFileRec:
        content_type = self.request.headers.get("Content-Type", "")
        if not content_type.lower().startswith("multipart/form-data"):
            raise _Refused(400, "Expected a multipart/form-data body")
        arguments: dict[str, list[bytes]] = {}
        files: dict[str, list[tornado.httputil.HTTPFile]] = {}
        try:
            tornado.httputil.parse_body_arguments(content_type, body, arguments, files)
        except tornado.httputil.HTTPInputError:
            raise _Refused(400, "Malformed multipart/form-data body") from None
        uploads = [f for parts in files.values() for f in parts]
        if len(uploads) != 1:
            raise _Refused(400, f"Expected 1 file, but got {len(uploads)}")
        upload = uploads[0]
        if len(upload.body) > self._max_bytes:
            raise _Refused(413, self._too_large(len(upload.body)))
        return UploadedFileRec(
            file_id=file_id,
            name=upload.filename or "",
            type=upload.content_type or "application/octet-stream",
            data=upload.body,
        )

    def delete(self, session_id: str, file_id: str) -> None:
        existed = self._uploads.remove_file(session_id, file_id)
        BUS.publish(events.UPLOAD_DELETED, session_id=session_id, file_id=file_id, existed=existed)
        self.set_status(204)

    # --- Refusals -----------------------------------------------------------------

    def _refuse(self, refused: _Refused, file_id: str) -> None:
        if self._finished:
            return
        _LOGGER.info("Upload refused (%d): %s", refused.status, refused.reason)
        BUS.publish(
            events.UPLOAD_REJECTED,
            session_id=self.path_args[0] if self.path_args else "",
            reason=refused.reason,
            status=refused.status,
            method=self.request.method or "",
            file_id=file_id,
        )
        self.set_status(refused.status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(refused.reason + "\n")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Tornado's own errors (e.g. a body over max_body_size): the status line only."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n")
