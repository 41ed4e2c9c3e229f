"""Every HTTP request the browser makes, forwarded to the target; both bodies streamed.

Not in Streamlit (a reverse proxy's plain job). Static files, ``/_stcore/health``,
``/_stcore/host-config``, uploads (``PUT /_stcore/upload_file/...`` with the
``X-Xsrftoken`` header), ``/media/`` (with Range), ``/component/``, ``/app/static``
and anything a later Streamlit adds all take this one path: the method, path,
query, headers (Note [Host and Origin] in rewrite.py) and body go to the target,
and its status, headers and body come back, byte for byte (gzip stays gzip).

Note [Streaming bodies]
    Neither body is held whole in the proxy. A request body (an upload of a few
    hundred megabytes) flows through a small queue: Tornado hands the proxy
    each chunk as it arrives (``stream_request_body``), and the upstream
    request's ``body_producer`` writes it on; when the queue is full the
    browser's upload waits (flow control), and when the upstream request has
    ended early (the target refused the upload) the rest is read and
    discarded. A response body is written to the browser chunk by chunk as
    the target sends it (``streaming_callback``), with the target's
    Content-Length if it gave one. The proxy does not limit body sizes: the
    target enforces its own ``server.maxUploadSize``.

Receives: HTTP requests from the browser. Hands to: the target, then the
browser; a 502 page (badgateway.py) when the target does not answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, cast

import tornado.web
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest, HTTPResponse
from tornado.httputil import HTTPHeaders, parse_response_start_line
from tornado.iostream import StreamClosedError

from inspector.proxy import badgateway
from inspector.proxy.rewrite import downstream_headers, upstream_headers
from inspector.proxy.target import Upstream

_LOGGER = logging.getLogger(__name__)

MAX_BODY = 2**40
"""The proxy's own request-body limit: none to speak of (the target has its own)."""
QUEUE_CHUNKS = 16
"""Request-body chunks buffered between the browser and the target (Note [Streaming bodies])."""
CONNECT_TIMEOUT = 10.0
REQUEST_TIMEOUT = 24 * 3600.0
"""A long media stream may take its time; a dead target is caught by the connect timeout."""


def proxy_origin(request: tornado.httputil.HTTPServerRequest) -> str:
    """``scheme://host[:port]`` as the browser addressed the proxy."""
    return f"{request.protocol}://{request.host}"


@tornado.web.stream_request_body
class ForwardHandler(tornado.web.RequestHandler):
    """One request, forwarded (Note [Streaming bodies])."""

    SUPPORTED_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")

    def initialize(self, upstream: Upstream) -> None:
        self.upstream = upstream
        self.target = upstream.target
        self._body: asyncio.Queue[bytes | None] | None = None
        self._fetch: asyncio.Future[HTTPResponse | None] | None = None
        self._status_line: tuple[int, str] | None = None
        self._response_headers = HTTPHeaders()
        self._answered = False
        self._gone = False
        """The browser closed the connection: what still comes from the target is dropped."""

    def compute_etag(self) -> str | None:
        return None  # the target's ETag, or none: the proxy adds no header of its own

    def prepare(self) -> None:
        connection = self.request.connection
        if connection is not None and hasattr(connection, "set_max_body_size"):
            connection.set_max_body_size(MAX_BODY)
        headers = self.request.headers
        has_body = "Content-Length" in headers or "Transfer-Encoding" in headers
        if has_body:
            self._body = asyncio.Queue(QUEUE_CHUNKS)
        self._fetch = asyncio.ensure_future(self._forward())

    async def data_received(self, chunk: bytes) -> None:
        body, fetch = self._body, self._fetch
        if body is None or fetch is None or fetch.done():
            return  # the target has answered already: discard the rest
        if not body.full():
            body.put_nowait(chunk)
            return
        put = asyncio.ensure_future(body.put(chunk))
        waiting: set[asyncio.Future[Any]] = {put, fetch}
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        if not put.done():
            put.cancel()

    async def _respond(self, *args: Any) -> None:
        """Every method: the request has been read; wait for the target's answer."""
        if self._body is not None:
            await self._body.put(None)
        assert self._fetch is not None
        await self._fetch

    get = head = post = put = delete = patch = options = _respond

    def _producer(self) -> Callable[[Callable[[bytes], Awaitable[None]]], Awaitable[None]]:
        body = self._body
        assert body is not None

        async def produce(write: Callable[[bytes], Awaitable[None]]) -> None:
            while (chunk := await body.get()) is not None:
                await write(chunk)

        return produce

    async def _forward(self) -> HTTPResponse | None:
        request = self.request
        refused = await self.upstream.check()
        if refused:
            self._bad_gateway(refused)
            return None
        headers = upstream_headers(request.headers, self.target, proxy_origin(request))
        headers.pop("Expect", None)  # Tornado answered the browser's 100-continue itself
        upstream = HTTPRequest(
            self.target.http_url(request.uri or "/"),
            method=request.method or "GET",
            headers=headers,
            # Tornado's ``write`` returns a Future; its annotation says None.
            body_producer=cast(Any, self._producer()) if self._body is not None else None,
            follow_redirects=False,
            decompress_response=False,
            allow_nonstandard_methods=True,
            connect_timeout=CONNECT_TIMEOUT,
            request_timeout=REQUEST_TIMEOUT,
            header_callback=self._on_header_line,
            streaming_callback=self._on_chunk,
        )
        if upstream.body_producer is None and request.method in ("POST", "PUT", "PATCH"):
            upstream.body = b""
        try:
            # raise_error=False returns HTTP errors as answers; a connection
            # that fails (refused, reset, timed out: Tornado's 599) still raises.
            response: HTTPResponse | None = await AsyncHTTPClient().fetch(
                upstream, raise_error=False
            )
            failure = ""
        except (HTTPClientError, OSError) as exc:
            response, failure = None, badgateway.one_line(str(exc) or type(exc).__name__)
        if self._gone:
            return response  # the browser left first; nothing to answer, nothing to report
        if failure or response is None or response.code == 599:
            reason = failure or badgateway.one_line(
                str(response.error if response else "") or "no answer"
            )
            self.upstream.lost(f"{self.target.url} did not answer: {reason}")
            if not self._answered:
                self._bad_gateway(f"{self.target.url} did not answer: {reason}")
                return response
            # Cut off mid-body: the browser must see a broken response, not a short one.
            _LOGGER.warning("minilit proxy: %s cut off: %s", request.uri, reason)
            close = getattr(request.connection, "close", None)
            if close is not None:
                close()
            self._finished = True
            return response
        if not self._answered:
            self._start_response()  # no body came (the callbacks never saw one)
        if not self._finished:
            self.finish()
        return response

    # ----- the target's answer, as it arrives ---------------------------------

    def _on_header_line(self, line: str) -> None:
        """Tornado's header_callback: the status line, each header, then a blank line."""
        if self._status_line is None:
            start = parse_response_start_line(line.strip())
            self._status_line = (start.code, start.reason)
            return
        if line in ("\r\n", "\n", ""):
            if self._status_line[0] == 100:  # an interim answer: the real one follows
                self._status_line = None
                self._response_headers = HTTPHeaders()
            return
        self._response_headers.parse_line(line)

    def _start_response(self) -> None:
        """Copy the target's status and headers onto this response (once)."""
        if self._answered:
            return
        self._answered = True
        code, reason = self._status_line or (502, "Bad Gateway")
        self.set_status(code, reason)
        for name in ("Content-Type", "Server", "Date"):  # Tornado's defaults, not the target's
            self.clear_header(name)
        for name, value in downstream_headers(
            self._response_headers.get_all(), self.target, proxy_origin(self.request)
        ):
            self.add_header(name, value)

    def _on_chunk(self, chunk: bytes) -> None:
        if self._gone:
            # Nowhere to go: the rest of the target's answer is read and
            # dropped (Tornado's client offers no quiet way to end it early).
            return
        self._start_response()
        if self.request.method == "HEAD" or self._finished:
            return
        try:
            self.write(chunk)
            self.flush()
        except StreamClosedError:
            self._gone = True

    def _bad_gateway(self, reason: str) -> None:
        line = badgateway.one_line(reason)
        _LOGGER.warning("minilit proxy: %s %s: %s", self.request.method, self.request.uri, line)
        self._answered = True
        self.clear()
        self.set_status(502)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header(badgateway.ERROR_HEADER, line)
        self.finish(badgateway.page(reason, self.target.url))

    def on_connection_close(self) -> None:
        """The browser left: end the request body, and the transfer at the next chunk."""
        self._gone = True
        if self._body is not None and not self._body.full():
            self._body.put_nowait(None)
