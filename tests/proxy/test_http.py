"""HTTP through the proxy: the same answers as the real server, and exactly the header
changes Note [Host and Origin] lists.

Against real Streamlit 1.67 the proxied answers (status, body bytes as sent, i.e.
still gzipped, and the headers that matter) equal the direct ones. What reaches
a server, header by header and byte by byte, is read from a small real Tornado
server that answers ``/_stcore/health`` like Streamlit and reports what it got.
"""

from __future__ import annotations

import asyncio
import hashlib
import http.client
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import tornado.web

from tests.proxy.conftest import ProxyThread
from tests.realstreamlit import RealServer

pytestmark = pytest.mark.timeout(120)


def fetch(
    port: int, method: str, path: str, headers: dict[str, str] | None = None, body: Any = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request, the body as sent (no decompression, no redirect following)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.headers, answer.read()
    finally:
        conn.close()


def test_answers_equal_the_real_servers(proxy: ProxyThread, streamlit_167: RealServer) -> None:
    gzip = {"Accept-Encoding": "gzip"}
    _, _, index = fetch(streamlit_167.port, "GET", "/", gzip)
    index_text = index.decode() if not index.startswith(b"\x1f\x8b") else ""
    scripts = re.findall(r'src="\.?/?(static/js/[^"]+\.js)"', index_text)
    paths = ["/", "/_stcore/health", "/_stcore/host-config", "/some/page", "/_stcore/nothing"]
    paths += [f"/{scripts[0]}"] if scripts else []
    assert scripts, "the index names its script bundle"
    encodings = set()
    for path in paths:
        direct = fetch(streamlit_167.port, "GET", path, gzip)
        encodings.add(direct[1].get("Content-Encoding"))
        proxied = fetch(proxy.proxy.port, "GET", path, gzip)
        assert proxied[0] == direct[0], path
        if path != "/_stcore/host-config":  # host-config names no port; same JSON anyway
            assert proxied[2] == direct[2], path
        else:
            assert json.loads(proxied[2]) == json.loads(direct[2])
        for name in ("Content-Type", "Content-Encoding", "Cache-Control", "Content-Length"):
            assert proxied[1].get(name) == direct[1].get(name), (path, name)
    assert "gzip" in encodings  # so some body above went through still compressed
    # The XSRF cookie the frontend needs comes through, as the server set it.
    _, headers, _ = fetch(proxy.proxy.port, "GET", "/_stcore/health")
    cookies = headers.get_all("Set-Cookie") or []
    assert any(c.startswith("_streamlit_xsrf=") and "Domain" not in c for c in cookies)


class Echo(tornado.web.RequestHandler):
    """Reports the request it got: headers, and the body's size and digest."""

    SUPPORTED_METHODS = ("GET", "PUT", "POST", "DELETE")

    def _report(self) -> None:
        body = self.request.body
        self.finish(
            {
                "headers": [list(pair) for pair in self.request.headers.get_all()],
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
            }
        )

    get = put = post = delete = _report


class Health(tornado.web.RequestHandler):
    def get(self) -> None:
        self.finish("ok")


class Redirect(tornado.web.RequestHandler):
    def get(self) -> None:
        origin = f"http://{self.request.host}"
        self.redirect(origin + "/echo?from=redirect" if self.get_argument("abs", "") else "/echo")


class Stream(tornado.web.RequestHandler):
    async def get(self) -> None:
        for i in range(64):  # 4 MiB, chunked (no Content-Length)
            self.write(bytes([i]) * 65536)
            await self.flush()


@pytest.fixture(scope="module")
def echo_server() -> Iterator[int]:
    """A real Tornado server on its own thread; yields its port."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    ports: list[int] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        app = tornado.web.Application(
            [
                (r"/_stcore/health", Health),
                (r"/redirect", Redirect),
                (r"/stream", Stream),
                (r"/.*", Echo),
            ]
        )
        server = app.listen(0, "127.0.0.1", max_body_size=64 * 2**20)
        ports.append(next(iter(server._sockets.values())).getsockname()[1])
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    yield ports[0]
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


@pytest.fixture
def echo_proxy(echo_server: int) -> Iterator[ProxyThread]:
    with ProxyThread(f"http://127.0.0.1:{echo_server}", trace=False) as running:
        yield running


def chunks(data: bytes, size: int = 1 << 16) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def test_exactly_host_and_own_origin_change_and_bodies_stream(
    echo_proxy: ProxyThread, echo_server: int
) -> None:
    port = echo_proxy.proxy.port
    body = bytes(range(256)) * 32768  # 8 MiB
    sent = {
        "Origin": f"http://127.0.0.1:{port}",
        "Cookie": "_streamlit_xsrf=2|abc|def|123; other=1",
        "X-Xsrftoken": "2|abc|def|123",
        "Referer": f"http://127.0.0.1:{port}/",
        "Keep-Alive": "timeout=5",
        "Connection": "keep-alive, X-Secret",
        "X-Secret": "named by Connection: hop-by-hop",
    }
    # http.client sends a generator body chunked (Transfer-Encoding: chunked, no
    # Content-Length): the proxy streams it on, with its own framing.
    status, _, answer = fetch(port, "PUT", "/_stcore/upload_file/s/f?x=1", sent, chunks(body))
    assert status == 200
    report = json.loads(answer)
    assert (report["size"], report["sha256"]) == (len(body), hashlib.sha256(body).hexdigest())
    got = {name.lower(): value for name, value in report["headers"]}
    assert got["host"] == f"127.0.0.1:{echo_server}"
    assert got["origin"] == f"http://127.0.0.1:{echo_server}"
    for same in ("Cookie", "X-Xsrftoken", "Referer"):
        assert got[same.lower()] == sent[same]
    # Hop-by-hop headers stay on the browser's hop (the proxy's own client says
    # "Connection: close" on its hop, and frames the body itself).
    assert "keep-alive" not in got and "x-secret" not in got
    assert got.get("connection", "close") == "close"
    # A foreign Origin goes through unchanged.
    _, _, answer = fetch(port, "GET", "/echo", {"Origin": "http://evil.example"})
    got = {n.lower(): v for n, v in json.loads(answer)["headers"]}
    assert got["origin"] == "http://evil.example"
    # A redirect to the target's own origin points at the proxy; a relative one is kept.
    status, headers, _ = fetch(port, "GET", "/redirect?abs=1")
    assert (status, headers["Location"]) == (302, f"http://127.0.0.1:{port}/echo?from=redirect")
    assert fetch(port, "GET", "/redirect")[1]["Location"] == "/echo"
    # A chunked answer arrives whole.
    status, _, streamed = fetch(port, "GET", "/stream")
    assert status == 200 and streamed == b"".join(bytes([i]) * 65536 for i in range(64))


def test_media_with_range_through_the_proxy(proxy: ProxyThread, streamlit_167: RealServer) -> None:
    """A session's /media/ file (the download button's data), whole and by Range."""
    from minilit.proto.BackMsg_pb2 import BackMsg
    from minilit.proto.ForwardMsg_pb2 import ForwardMsg
    from minilit.testing.connection import WireConnection

    data = bytes(range(256)) * 40
    with WireConnection.open(proxy.ws_url) as conn:
        conn.send(BackMsg(rerun_script={}))
        frames = []
        while True:
            frames.append(conn.recv_frame(30))
            if ForwardMsg.FromString(frames[-1]).WhichOneof("type") == "script_finished":
                break
        urls = {m.decode() for f in frames for m in re.findall(rb"/media/[0-9a-f]+\.bin", f)}
        assert len(urls) == 1
        (url,) = urls
        whole = fetch(proxy.proxy.port, "GET", url)
        assert (whole[0], whole[2]) == (200, data)
        ranged = {"Range": "bytes=10-19"}
        direct = fetch(streamlit_167.port, "GET", url, ranged)
        proxied = fetch(proxy.proxy.port, "GET", url, ranged)
    assert (proxied[0], proxied[2]) == (206, data[10:20])
    assert proxied[1]["Content-Range"] == direct[1]["Content-Range"] == f"bytes 10-19/{len(data)}"
