"""Uploads over real HTTP: 1.67's flow, the XSRF double-submit, sizes, bad bodies.

Each test runs a real server on 127.0.0.1, a real websocket session, and
real HTTP PUT/DELETE requests to /_stcore/upload_file/<session>/<file>.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minilit.proto.BackMsg_pb2 import WidgetStates
from minilit.runtime.uploaded_file_manager import UPLOADED_FILES
from minilit.trace import events
from tests.surface.helpers import (
    Uploader,
    element_of,
    request,
    request_file_urls,
    rerun_with,
    security_events,
    session_id_of,
    texts,
    traced,
    xsrf_cookie,
)
from tests.wire import serve, ws_connect

ONE_MIB: dict[str, Any] = {"server.maxUploadSize": 1}

APP = """
import minilit as st
f = st.file_uploader("One file", type=["txt", "csv"], key="one")
if f is None:
    st.text("none")
else:
    st.text(f"{f.name}|{f.type}|{f.size}|{f.getvalue().decode()}|{f.read(3).decode()}")
many = st.file_uploader("Many", accept_multiple_files=True, key="many")
st.text("many:" + ",".join(sorted(x.name for x in many)))
"""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Uploader]:
    with serve(tmp_path, APP, **ONE_MIB) as server:
        cookie = xsrf_cookie(server)
        with ws_connect(server) as ws:
            yield Uploader(server, ws, session_id_of(ws), cookie)


def state_for(widget_id: str, uploads: list[tuple[object, str, int]]) -> WidgetStates:
    states = WidgetStates()
    w = states.widgets.add()
    w.id = widget_id
    w.file_uploader_state_value.SetInParent()
    for urls, name, size in uploads:
        info = w.file_uploader_state_value.uploaded_file_info.add()
        info.file_id = urls.file_id  # type: ignore[attr-defined]
        info.name = name
        info.size = size
        info.file_urls.CopyFrom(urls)  # type: ignore[arg-type]
    return states


def first_widget_id(b: Uploader) -> tuple[str, str]:
    from tests.wire import read_until_idle, rerun_msg

    b.ws.send(rerun_msg())
    run = read_until_idle(b.ws)
    ids = [
        m.delta.new_element.file_uploader.id
        for m in run.messages
        if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == "file_uploader"
    ]
    return ids[0], ids[1]


def test_the_whole_flow_gives_the_script_an_uploaded_file(browser: Uploader) -> None:
    one_id, _ = first_widget_id(browser)
    (urls,) = request_file_urls(browser.ws, ["notes.txt"])
    assert urls.upload_url == f"/_stcore/upload_file/{browser.session_id}/{urls.file_id}"
    assert urls.delete_url == urls.upload_url
    with traced() as seen:
        answer = browser.put(urls.upload_url, [("notes.txt", "text/plain", b"hello world")])
    assert answer.status == 204, answer.text
    accepted = security_events(seen, events.UPLOAD_ACCEPTED)
    assert accepted == [{"file_id": urls.file_id, "file_name": "notes.txt", "size": 11}]
    run = rerun_with(browser.ws, state_for(one_id, [(urls, "notes.txt", 11)]))
    assert texts(run)[0] == "notes.txt|text/plain|11|hello world|hel"


def test_an_accepted_put_and_delete_carry_the_cors_headers(browser: Uploader) -> None:
    # The same headers as the preflight (surface/test_headers.py has every case).
    (urls,) = request_file_urls(browser.ws, ["notes.txt"])
    own = f"http://localhost:{browser.server.port}"
    for answer in (
        browser.put(urls.upload_url, [("notes.txt", "text/plain", b"hi")]),
        browser.delete(urls.delete_url),
    ):
        assert answer.status == 204, answer.text
        assert answer.header("Access-Control-Allow-Origin") == own
        assert answer.header("Access-Control-Allow-Headers") == "X-Xsrftoken, Content-Type"
        assert answer.header("Access-Control-Allow-Credentials") == "true"


def test_the_widget_proto_carries_types_and_the_server_limit(browser: Uploader) -> None:
    from tests.wire import read_until_idle, rerun_msg

    browser.ws.send(rerun_msg())
    proto = element_of(read_until_idle(browser.ws).messages, "file_uploader")
    assert list(proto.type) == [".txt", ".csv"]
    assert proto.max_upload_size_mb == 1
    assert proto.multiple_files is False


def test_multiple_files_and_delete(browser: Uploader) -> None:
    _, many_id = first_widget_id(browser)
    a, b = request_file_urls(browser.ws, ["a.bin", "b.bin"])
    for urls, name in ((a, "a.bin"), (b, "b.bin")):
        assert browser.put(urls.upload_url, [(name, "application/x", b"x" * 5)]).status == 204
    assert UPLOADED_FILES.file_count(browser.session_id) == 2
    both = state_for(many_id, [(a, "a.bin", 5), (b, "b.bin", 5)])
    assert texts(rerun_with(browser.ws, both))[-1] == "many:a.bin,b.bin"
    with traced() as seen:
        assert browser.delete(a.delete_url).status == 204
    assert security_events(seen, events.UPLOAD_DELETED)[0]["existed"] is True
    assert UPLOADED_FILES.file_count(browser.session_id) == 1
    # The browser still names the deleted file: it is simply gone.
    assert texts(rerun_with(browser.ws, both))[-1] == "many:b.bin"


def test_a_file_of_a_type_not_allowed_is_refused_by_the_script(browser: Uploader) -> None:
    one_id, _ = first_widget_id(browser)
    (urls,) = request_file_urls(browser.ws, ["evil.exe"])
    assert browser.put(urls.upload_url, [("evil.exe", "application/x", b"MZ")]).status == 204
    run = rerun_with(browser.ws, state_for(one_id, [(urls, "evil.exe", 2)]))
    assert texts(run)[0] == "none"


@pytest.mark.parametrize(
    ("token", "cookie", "why"),
    [
        (None, "cookie", "no X-Xsrftoken header"),
        ("cookie", None, "no _streamlit_xsrf cookie"),
        ("2|00000000|00112233445566778899aabbccddeeff|1", "cookie", "does not match"),
        ("not-a-token", "cookie", "header is not a token"),
    ],
)
def test_missing_or_wrong_xsrf_is_a_403_and_stores_nothing(
    browser: Uploader, token: str | None, cookie: str | None, why: str
) -> None:
    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    with traced() as seen:
        answer = browser.put(
            urls.upload_url, [("x.txt", "text/plain", b"x")], token=token, cookie=cookie
        )
    assert answer.status == 403
    assert why in answer.text
    assert "Traceback" not in answer.text
    assert UPLOADED_FILES.file_count(browser.session_id) == 0
    (refusal,) = security_events(seen, events.XSRF_REJECTED)
    assert why in refusal["reason"] and refusal["method"] == "PUT"


def test_a_token_masked_differently_still_matches(browser: Uploader) -> None:
    """Double-submit compares the unmasked tokens: the health route re-masks each time."""
    from minilit.server.xsrf import decode_token_string, generate_token_string

    token, stamp = decode_token_string(browser.cookie)
    remasked = generate_token_string(token, stamp)
    assert remasked != browser.cookie
    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    answer = browser.put(urls.upload_url, [("x.txt", "text/plain", b"x")], token=remasked)
    assert answer.status == 204


def test_delete_without_xsrf_is_a_403_and_keeps_the_file(browser: Uploader) -> None:
    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    assert browser.put(urls.upload_url, [("x.txt", "text/plain", b"x")]).status == 204
    assert browser.delete(urls.delete_url, token=None).status == 403
    assert UPLOADED_FILES.file_count(browser.session_id) == 1


def test_xsrf_protection_off_accepts_a_put_without_token(tmp_path: Path) -> None:
    options: dict[str, Any] = {"server.enableXsrfProtection": False}
    with serve(tmp_path, APP, **options) as server, ws_connect(server) as ws:
        health = request(server, "GET", "/_stcore/health")
        assert health.header("Set-Cookie") == ""
        b = Uploader(server, ws, session_id_of(ws), "")
        (urls,) = request_file_urls(ws, ["x.txt"])
        assert (
            b.put(urls.upload_url, [("x.txt", "text/plain", b"x")], token=None, cookie=None).status
            == 204
        )
        # With server.enableCORS still on, no other origin is named.
        answer = b.put(
            urls.upload_url,
            [("x.txt", "text/plain", b"x")],
            token=None,
            cookie=None,
            extra={"Origin": "http://attacker.localhost"},
        )
        assert answer.status == 204 and answer.header("Access-Control-Allow-Origin") == ""


def test_oversize_is_a_413_with_a_clear_message(browser: Uploader) -> None:
    (urls,) = request_file_urls(browser.ws, ["big.txt"])
    big = b"x" * (2 * 1024 * 1024 + 10)
    with traced() as seen:
        answer = browser.put(urls.upload_url, [("big.txt", "text/plain", big)])
    assert answer.status == 413
    assert "server.maxUploadSize (1 MiB)" in answer.text
    assert UPLOADED_FILES.file_count(browser.session_id) == 0
    assert security_events(seen, events.UPLOAD_REJECTED)[0]["status"] == 413


def test_a_file_just_over_the_limit_inside_the_allowance_is_a_413(browser: Uploader) -> None:
    """Content-Length passes (limit + 1 MiB multipart allowance); the file itself does not."""
    (urls,) = request_file_urls(browser.ws, ["big.txt"])
    answer = browser.put(urls.upload_url, [("big.txt", "text/plain", b"y" * (1024 * 1024 + 1))])
    assert answer.status == 413
    exact = b"z" * (1024 * 1024)
    (urls2,) = request_file_urls(browser.ws, ["ok.txt"])
    assert browser.put(urls2.upload_url, [("ok.txt", "text/plain", exact)]).status == 204


def test_chunked_oversize_is_cut_off_while_streaming(browser: Uploader) -> None:
    """No Content-Length (chunked): the handler counts the bytes as they arrive."""
    import http.client

    (urls,) = request_file_urls(browser.ws, ["big.txt"])
    conn = http.client.HTTPConnection("127.0.0.1", browser.server.port, timeout=10)
    conn.putrequest("PUT", urls.upload_url)
    conn.putheader("Transfer-Encoding", "chunked")
    conn.putheader("Content-Type", "multipart/form-data; boundary=b")
    conn.putheader("Cookie", f"_streamlit_xsrf={browser.cookie}")
    conn.putheader("X-Xsrftoken", browser.cookie)
    conn.endheaders()
    chunk = b"q" * 65536
    try:
        for _ in range(40):  # 2.5 MiB: over 1 MiB + the 1 MiB allowance
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
        answer = conn.getresponse()
        status, body = answer.status, answer.read()
    finally:
        conn.close()
    assert status == 413, body
    assert b"server.maxUploadSize" in body
    assert UPLOADED_FILES.file_count(browser.session_id) == 0


@pytest.mark.parametrize(
    ("body", "content_type", "why"),
    [
        (b"just bytes", "application/octet-stream", "Expected a multipart/form-data body"),
        (b"--b\r\nnonsense", "multipart/form-data; boundary=b", "Malformed multipart"),
        (b"--b--\r\n", "multipart/form-data; boundary=b", "Expected 1 file, but got 0"),
    ],
)
def test_malformed_bodies_are_a_400(
    browser: Uploader, body: bytes, content_type: str, why: str
) -> None:
    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    headers = {
        "Content-Type": content_type,
        "Cookie": f"_streamlit_xsrf={browser.cookie}",
        "X-Xsrftoken": browser.cookie,
    }
    answer = request(browser.server, "PUT", urls.upload_url, body, headers)
    assert answer.status == 400
    assert why in answer.text and "Traceback" not in answer.text


def test_two_files_in_one_put_is_a_400(browser: Uploader) -> None:
    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    answer = browser.put(urls.upload_url, [("a", "text/plain", b"a"), ("b", "text/plain", b"b")])
    assert answer.status == 400
    assert "Expected 1 file, but got 2" in answer.text


def test_unknown_session_is_a_400_and_unissued_file_id_a_404(browser: Uploader) -> None:
    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    wrong_session = urls.upload_url.replace(browser.session_id, "0" * 36)
    answer = browser.put(wrong_session, [("x.txt", "text/plain", b"x")])
    assert answer.status == 400 and "Invalid session_id" in answer.text
    made_up = f"/_stcore/upload_file/{browser.session_id}/my-own-id"
    answer = browser.put(made_up, [("x.txt", "text/plain", b"x")])
    assert answer.status == 404 and "Unknown file_id" in answer.text


def test_a_file_id_of_another_session_is_refused(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        cookie = xsrf_cookie(server)
        with ws_connect(server) as ws_a, ws_connect(server) as ws_b:
            a = Uploader(server, ws_a, session_id_of(ws_a), cookie)
            b = Uploader(server, ws_b, session_id_of(ws_b), cookie)
            (urls_a,) = request_file_urls(ws_a, ["x.txt"])
            # B puts A's file id under its own session: not issued to B.
            crossed = f"/_stcore/upload_file/{b.session_id}/{urls_a.file_id}"
            assert b.put(crossed, [("x.txt", "text/plain", b"x")]).status == 404
            assert UPLOADED_FILES.file_count(b.session_id) == 0
            assert a.put(urls_a.upload_url, [("x.txt", "text/plain", b"x")]).status == 204


def test_bad_uploads_leave_other_sessions_working(tmp_path: Path) -> None:
    with serve(tmp_path, APP, **ONE_MIB) as server:
        cookie = xsrf_cookie(server)
        with ws_connect(server) as ws_a, ws_connect(server) as ws_b:
            a = Uploader(server, ws_a, session_id_of(ws_a), cookie)
            b = Uploader(server, ws_b, session_id_of(ws_b), cookie)
            (urls,) = request_file_urls(ws_a, ["x.txt"])
            assert a.put(urls.upload_url, [("x", "t/p", b"x" * (3 << 20))]).status == 413
            assert a.put(urls.upload_url, [("x", "t/p", b"x")], token=None).status == 403
            assert request(server, "PUT", urls.upload_url, b"junk", {}).status == 403
            # Both sessions still upload and run.
            one_id, _ = first_widget_id(b)
            (ub,) = request_file_urls(ws_b, ["ok.txt"])
            assert b.put(ub.upload_url, [("ok.txt", "text/plain", b"fine")]).status == 204
            assert texts(rerun_with(ws_b, state_for(one_id, [(ub, "ok.txt", 4)])))[0].startswith(
                "ok.txt|"
            )
            assert a.put(urls.upload_url, [("x.txt", "text/plain", b"x")]).status == 204


def test_files_go_when_the_session_goes(tmp_path: Path) -> None:
    options: dict[str, Any] = {"server.disconnectedSessionTTL": 0}
    with serve(tmp_path, APP, **options) as server:
        cookie = xsrf_cookie(server)
        with ws_connect(server) as ws:
            b = Uploader(server, ws, session_id_of(ws), cookie)
            (urls,) = request_file_urls(ws, ["x.txt"])
            assert b.put(urls.upload_url, [("x.txt", "text/plain", b"abc")]).status == 204
            assert UPLOADED_FILES.file_count(b.session_id) == 1
        # Disconnected, then expired (TTL 0): the runtime's expiry pass shuts it down.
        runtime = server.runtime
        server.call(runtime.session_mgr.expire_stored)
        assert server.call(lambda: runtime.session_mgr.get_session(b.session_id)) is None
        assert UPLOADED_FILES.file_count(b.session_id) == 0
        assert UPLOADED_FILES.max_upload_size_mb(b.session_id) == 200  # forgotten entirely


def test_a_huge_content_length_is_refused_before_the_body(browser: Uploader) -> None:
    """Nothing of the body is read: the answer comes after the headers alone."""
    import socket

    (urls,) = request_file_urls(browser.ws, ["huge.bin"])
    with socket.create_connection(("127.0.0.1", browser.server.port), timeout=5) as sock:
        sock.sendall(
            (
                f"PUT {urls.upload_url} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: multipart/form-data; boundary=b\r\n"
                f"Cookie: _streamlit_xsrf={browser.cookie}\r\nX-Xsrftoken: {browser.cookie}\r\n"
                "Content-Length: 10000000000\r\n\r\n"
            ).encode()
        )
        head = sock.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 413"), head
    assert "server.maxUploadSize" in head


def test_the_session_id_is_a_bearer_secret(browser: Uploader) -> None:
    """XSRF stops *pages* in a browser; a script sets its own cookie and header pair.

    A client that is not a browser, knowing only the session id and an issued
    file id, makes up a token, sends it as both cookie and header, and uploads
    into the victim's session. Nothing else ties the upload to the session.
    """
    from minilit.server.xsrf import generate_token_string

    (urls,) = request_file_urls(browser.ws, ["x.txt"])
    own = generate_token_string()
    stranger = Uploader(browser.server, browser.ws, browser.session_id, own)
    assert stranger.put(urls.upload_url, [("x.txt", "text/plain", b"from a script")]).status == 204
    assert UPLOADED_FILES.file_count(browser.session_id) == 1


def test_a_websocket_without_origin_is_accepted(browser: Uploader) -> None:
    """The Origin check stops other pages; a script just leaves the header out."""
    with ws_connect(browser.server) as ws:  # minilit's client sends no Origin
        assert session_id_of(ws) != browser.session_id
