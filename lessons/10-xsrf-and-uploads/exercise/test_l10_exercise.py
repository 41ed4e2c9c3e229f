"""Exercise xsrf_check: the double-submit comparison, then uploads to a real server."""

from __future__ import annotations

import http.client

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.server import xsrf
from minilit.server.background import ServerThread
from minilit.testing import WireConnection

TOKEN = bytes(range(16))
OTHER = bytes(range(16, 32))
A = xsrf.generate_token_string(TOKEN, 1_700_000_000)
A_AGAIN = xsrf.generate_token_string(TOKEN, 1_700_000_000)  # another mask, same token
B = xsrf.generate_token_string(OTHER, 1_700_000_000)


@pytest.mark.parametrize(
    ("header", "cookie", "allowed"),
    [
        (A, A, True),
        (A_AGAIN, A, True),
        (A, f'"{A}"', True),
        (B, A, False),
        (None, A, False),
        ("", A, False),
        (A, None, False),
        (A, "", False),
        ("not-a-token", A, False),
        (A, "not-a-token", False),
        (TOKEN.hex(), A, False),  # an unmasked "version 1" token: minilit refuses it
        ("2|zz|yy|1", A, False),
        (A[:-3] + "|x", A, False),
    ],
    ids=[
        "same string",
        "another masking",
        "quoted cookie",
        "another token",
        "no header",
        "empty header",
        "no cookie",
        "empty cookie",
        "header not a token",
        "cookie not a token",
        "version 1 token",
        "bad hex",
        "bad time",
    ],
)
def test_the_decision(header: str | None, cookie: str | None, allowed: bool) -> None:
    decision = xsrf.check_double_submit(header, cookie)
    assert decision.allowed is allowed, decision
    assert decision.reason.strip()


def test_the_two_reasons_the_lesson_quotes() -> None:
    assert xsrf.check_double_submit(A, None).reason == "no _streamlit_xsrf cookie"
    assert xsrf.check_double_submit(None, A).reason == "no X-Xsrftoken header"
    assert xsrf.check_double_submit(None, None).reason == "no _streamlit_xsrf cookie"


def _upload_path(server: ServerThread) -> tuple[WireConnection, str]:
    """A session on ``server`` and an upload URL issued to it (as a browser gets one)."""
    connection = WireConnection(server.url)
    connection.send(BackMsg(rerun_script=ClientState()))
    session_id = ""
    while not session_id:
        msg = connection.recv(10)
        if msg.HasField("new_session"):
            session_id = msg.new_session.initialize.session_id
    ask = BackMsg()
    ask.file_urls_request.request_id = "exercise"
    ask.file_urls_request.file_names.append("report.txt")
    ask.file_urls_request.session_id = session_id
    connection.send(ask)
    while True:
        msg = connection.recv(10)
        if msg.WhichOneof("type") == "file_urls_response":
            return connection, msg.file_urls_response.file_urls[0].upload_url


def _put(server: ServerThread, path: str, cookie: str, header: str | None) -> int:
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="report.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\nmy expenses\r\n--b--\r\n"
    )
    headers = {
        "Content-Type": "multipart/form-data; boundary=b",
        "Cookie": f"_streamlit_xsrf={cookie}",
    }
    if header is not None:
        headers["X-Xsrftoken"] = header
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("PUT", path, body=body, headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def test_the_real_upload_route(server: ServerThread) -> None:
    connection, path = _upload_path(server)
    try:
        assert _put(server, path, A, None) == 403
        assert _put(server, path, A, B) == 403
        assert _put(server, path, A, A) == 204
        assert _put(server, path, A, A_AGAIN) == 204
    finally:
        connection.close()
