"""A target that is down or is not Streamlit: one line on the terminal, a 502 page in
the browser, never a traceback. Through the real ``minilit proxy`` command."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from minilit.testing.connection import HandshakeRejected, WireConnection
from minilit.testing.ports import free_port
from tests.proxy.conftest import REPO, ProxyProcess

pytestmark = pytest.mark.timeout(60)
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with OPENER.open(url, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode()


@pytest.fixture
def not_streamlit() -> Iterator[str]:
    """A real HTTP server that is not Streamlit (Python's own file server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def assert_one_line_each(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert lines and all(line.startswith("minilit proxy: ") for line in lines), stderr


@pytest.mark.parametrize("case", ["down", "not streamlit"])
def test_unusable_target_gets_one_line_and_a_502_page(case: str, not_streamlit: str) -> None:
    target = f"http://127.0.0.1:{free_port()}" if case == "down" else not_streamlit
    expected = "is not reachable" if case == "down" else "does not look like a Streamlit server"
    proxy = ProxyProcess(target)
    try:
        proxy.wait_listening()
        for path in ("/", "/_stcore/health", "/static/js/main.js"):
            status, headers, body = get(proxy.url + path)
            assert status == 502
            assert expected in headers["X-Minilit-Proxy-Error"]
            assert "502 Bad Gateway" in body and expected in body
        with pytest.raises(HandshakeRejected) as refused:
            WireConnection.open(f"ws://127.0.0.1:{proxy.port}/_stcore/stream")
        assert refused.value.response.status_code == 502
    finally:
        _, stderr = proxy.stop()
    assert_one_line_each(stderr)
    first = stderr.splitlines()[0]  # at start: the probe's verdict
    assert first.startswith(f"minilit proxy: {target} {expected}")
    assert first.endswith("; answering 502 until it does")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://example.com"], "must be an http:// or https:// URL"),
        (["http://127.0.0.1:1", "--server.address", "0.0.0.0", "--inspect"], "loopback"),
        (["http://127.0.0.1:1", "--server.port", "x"], "must be a number"),
    ],
)
def test_bad_command_lines_are_one_line_errors(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minilit", "proxy", *args],
        cwd=str(REPO),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr


class LooksLikeStreamlit(http.server.BaseHTTPRequestHandler):
    """Answers /_stcore/health with ``ok``, as Streamlit does, and anything else with 200."""

    def do_GET(self) -> None:
        body = b"ok" if self.path == "/_stcore/health" else b"page"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_target_that_goes_away_gets_a_502_then_comes_back() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LooksLikeStreamlit)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    proxy = ProxyProcess(f"http://127.0.0.1:{port}")
    try:
        proxy.wait_listening()
        assert get(proxy.url + "/page")[::2] == (200, "page")
        server.shutdown()
        server.server_close()
        status, headers, _ = get(proxy.url + "/page")
        assert status == 502 and "did not answer" in headers["X-Minilit-Proxy-Error"]
        # Back on the same port: the proxy probes again and forwards.
        again = http.server.ThreadingHTTPServer(("127.0.0.1", port), LooksLikeStreamlit)
        threading.Thread(target=again.serve_forever, daemon=True).start()
        try:
            deadline = time.monotonic() + 10
            while get(proxy.url + "/page")[0] != 200:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        finally:
            again.shutdown()
            again.server_close()
    finally:
        _, stderr = proxy.stop()
    assert_one_line_each(stderr)
