"""Shared helpers for the security-surface tests: real HTTP to a real server.

Everything here talks to a ServerThread on 127.0.0.1 over real sockets:
urllib for plain HTTP (no proxy from the environment), minilit's own
websocket client for the session.
"""

from __future__ import annotations

import http.client
import json
import ssl
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minilit.proto.BackMsg_pb2 import BackMsg, WidgetStates
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.trace.bus import BUS, TraceEvent
from tests.wire import RawSocket, read_until_idle, recv, rerun_msg


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(
    server: ServerThread,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    *,
    context: ssl.SSLContext | None = None,
) -> Response:
    """One HTTP request on its own connection; any status comes back (no raise)."""
    if context is not None:
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            "127.0.0.1", server.port, timeout=10, context=context
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return Response(answer.status, answer.headers, answer.read())
    finally:
        conn.close()


def xsrf_cookie(server: ServerThread) -> str:
    """The _streamlit_xsrf cookie value the health route gives a browser."""
    answer = request(server, "GET", "/_stcore/health")
    for name, value in answer.headers.items():
        if name.lower() == "set-cookie" and value.startswith("_streamlit_xsrf="):
            return value.split(";", 1)[0].split("=", 1)[1]
    raise AssertionError(f"no XSRF cookie in {answer.headers.items()}")


def multipart(
    files: list[tuple[str, str, bytes]], boundary: str = "minilitboundary"
) -> tuple[bytes, str]:
    """A multipart/form-data body with ``(name, content_type, data)`` files."""
    parts = []
    for name, content_type, data in files:
        parts.append(
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def request_file_urls(ws: RawSocket, names: list[str]) -> list[Any]:
    """BackMsg.file_urls_request -> the FileURLs of the response (other messages skipped)."""
    msg = BackMsg()
    request_id = str(uuid.uuid4())
    msg.file_urls_request.request_id = request_id
    msg.file_urls_request.file_names.extend(names)
    ws.send(msg.SerializeToString())
    while True:
        reply = recv(ws)
        if reply.WhichOneof("type") == "file_urls_response":
            assert reply.file_urls_response.response_id == request_id
            return list(reply.file_urls_response.file_urls)


def session_id_of(ws: RawSocket) -> str:
    """Run the script once and return the session id from new_session."""
    ws.send(rerun_msg())
    run = read_until_idle(ws)
    return str(run.messages[0].new_session.initialize.session_id)


@dataclass
class Uploader:
    """A browser's view of one session: its socket, session id and XSRF cookie."""

    server: ServerThread
    ws: RawSocket
    session_id: str
    cookie: str
    last_run: list[ForwardMsg] = field(default_factory=list)

    def put(
        self,
        url: str,
        files: list[tuple[str, str, bytes]],
        *,
        token: str | None = "cookie",
        cookie: str | None = "cookie",
        extra: dict[str, str] | None = None,
    ) -> Response:
        body, content_type = multipart(files)
        headers = {"Content-Type": content_type, **(extra or {})}
        cookie_value = self.cookie if cookie == "cookie" else cookie
        header_value = self.cookie if token == "cookie" else token
        if cookie_value is not None:
            headers["Cookie"] = f"_streamlit_xsrf={cookie_value}"
        if header_value is not None:
            headers["X-Xsrftoken"] = header_value
        return request(self.server, "PUT", url, body, headers)

    def delete(self, url: str, *, token: str | None = "cookie") -> Response:
        headers = {"Cookie": f"_streamlit_xsrf={self.cookie}"}
        header_value = self.cookie if token == "cookie" else token
        if header_value is not None:
            headers["X-Xsrftoken"] = header_value
        return request(self.server, "DELETE", url, None, headers)


def rerun_with(ws: RawSocket, states: WidgetStates) -> list[ForwardMsg]:
    ws.send(rerun_msg(states))
    return read_until_idle(ws).messages


def texts(messages: list[ForwardMsg]) -> list[str]:
    """The bodies of the text elements a run sent, in order."""
    out = []
    for m in messages:
        if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == "text":
            out.append(m.delta.new_element.text.body)
    return out


def element_of(messages: list[ForwardMsg], kind: str) -> Any:
    for m in messages:
        if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == kind:
            return getattr(m.delta.new_element, kind)
    raise AssertionError(f"no {kind} element in the run")


@contextmanager
def traced() -> Iterator[list[TraceEvent]]:
    """Collect the trace events published inside the block (in the list, after it)."""
    sub = BUS.subscribe()
    seen: list[TraceEvent] = []
    try:
        yield seen
    finally:
        seen.extend(sub.drain())
        BUS.unsubscribe(sub)


def security_events(seen: list[TraceEvent], name: str) -> list[dict[str, Any]]:
    return [dict(e.fields) for e in seen if e.name == name]


def write_app(tmp_path: Path, source: str, name: str = "app.py") -> Path:
    script = tmp_path / name
    script.write_text(source, encoding="utf-8")
    return script


def get_json(server: ServerThread, path: str) -> Any:
    return json.loads(request(server, "GET", path).body)


def quote(path: str) -> str:
    return urllib.parse.quote(path, safe="/")
