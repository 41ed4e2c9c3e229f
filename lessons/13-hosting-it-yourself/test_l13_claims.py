"""Lesson 13's claims: a real nginx (run by the test) in front of minilit and Streamlit 1.67."""

from __future__ import annotations

import contextlib
import os
import ssl
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lesson13_nginx import Nginx, make_certificate, proxy_site

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, TraceCapture
from lessons.framework.targets import SHIM, Target, against
from minilit.testing import AppClient, HandshakeRejected, WireConnection
from minilit.testing.ports import free_port
from minilit.trace import events

HERE = Path(__file__).parent
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _hostport(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc


def _get(url: str, cafile: Path | None = None) -> tuple[int, bytes]:
    context = ssl.create_default_context(cafile=str(cafile)) if cafile else None
    handlers: list[Any] = [urllib.request.ProxyHandler({})]
    if context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=context))
    try:
        with urllib.request.build_opener(*handlers).open(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@contextlib.contextmanager
def _streamlit_with_tls(tmp_path: Path, cert: Path, key: Path) -> Iterator[str]:
    """Real Streamlit 1.67 with server.sslCertFile/sslKeyFile; yields its https URL.

    (tests/realstreamlit.py waits for plain http, which a TLS server does not speak.)
    """
    from tests.realstreamlit import DEAD_PROXY, require_real_streamlit

    python = require_real_streamlit("1.67")
    (tmp_path / "minilit.py").write_text(SHIM, encoding="utf-8")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    env |= {"HTTP_PROXY": DEAD_PROXY, "HTTPS_PROXY": DEAD_PROXY, "PYTHONPATH": str(tmp_path)}
    flags = {
        "server.headless": "true",
        "browser.gatherUsageStats": "false",
        "server.fileWatcherType": "none",
        "server.address": "127.0.0.1",
        "server.port": str(port),
        "server.sslCertFile": str(cert),
        "server.sslKeyFile": str(key),
    }
    args = [item for name, value in flags.items() for item in (f"--{name}", value)]
    log = (tmp_path / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [str(python), "-m", "streamlit", "run", str(HERE / "app.py"), *args],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"https://127.0.0.1:{port}"
    try:
        from lessons.framework.harness import wait_until

        def healthy() -> bool:
            try:
                return _get(f"{url}/_stcore/health", cert)[0] == 200
            except OSError:
                return process.poll() is not None

        assert wait_until(healthy, timeout=60, interval=0.2)
        assert process.poll() is None, (tmp_path / "streamlit.log").read_text()
        yield url
    finally:
        process.terminate()
        process.wait(20)
        log.close()


@claim("L13.C1")
@against("minilit", "1.67")
def test_the_servers_own_tls(target: Target, start_server: ServerPool, tmp_path: Path) -> None:
    cert, key = make_certificate(tmp_path)
    with contextlib.ExitStack() as stack:
        if target.is_minilit:
            options = {"server.sslCertFile": str(cert), "server.sslKeyFile": str(key)}
            url = start_server.start("app.py", options).url.replace("http://", "https://")
        else:
            url = stack.enter_context(_streamlit_with_tls(tmp_path, cert, key))
        assert url.startswith("https://")
        assert _get(f"{url}/_stcore/health", cert) == (200, b"ok")
        # The same port does not speak plain http.
        plain = url.replace("https://", "http://")
        with pytest.raises((OSError, urllib.error.URLError, ConnectionError)):
            status, _ = _get(f"{plain}/_stcore/health")
            assert status != 200  # an HTTP error answer would be a failure of the claim too


def _nginx(tmp_path: Path, replicas: list[str], **site: Any) -> Nginx:
    port = free_port()
    return Nginx(proxy_site(port, replicas, **site), tmp_path, port)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A Chromium tab that trusts the test's certificate (as a browser would a real one)."""
    context = browser.new_context(locale="en-US", timezone_id="UTC", ignore_https_errors=True)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def _runs_in_chromium(tab: Any, url: str) -> bool:
    tab.goto(url)
    text = tab.get_by_test_id("stText").filter(has_text="this session:")
    try:
        text.wait_for(timeout=10_000)
    except Exception:
        return False
    return True


@claim("L13.C2")
@against("minilit", "1.67")
def test_nginx_terminates_tls_and_the_app_runs(
    target: Target, start_server: ServerPool, tab: Any, tmp_path: Path
) -> None:
    cert, key = make_certificate(tmp_path)
    port = free_port()
    public = f"https://127.0.0.1:{port}"
    if target.is_minilit:
        # minilit is reached over http behind the proxy: the https page must be listed
        # (L13.C5). Streamlit 1.67 compares host and port only.
        upstream = start_server.start("app.py", {"server.corsAllowedOrigins": [public]}).url
    else:
        upstream = target.url("app.py")
    site = proxy_site(port, [_hostport(upstream)], tls=(cert, key))
    with Nginx(site, tmp_path, port):
        assert _get(f"{public}/_stcore/health", cert) == (200, b"ok")
        assert _runs_in_chromium(tab, public)
        assert tab.evaluate("location.protocol") == "https:"


@claim("L13.C5")
def test_minilit_refuses_the_https_page_until_it_is_listed(
    start_server: ServerPool, tab: Any, trace: TraceCapture, tmp_path: Path
) -> None:
    cert, key = make_certificate(tmp_path)
    port = free_port()
    upstream = start_server.start("app.py").url
    site = proxy_site(port, [_hostport(upstream)], tls=(cert, key))
    with Nginx(site, tmp_path, port):
        assert _get(f"https://127.0.0.1:{port}/_stcore/health", cert) == (200, b"ok")
        tab.goto(f"https://127.0.0.1:{port}")
        refused = trace.wait_for(events.HANDSHAKE_REJECTED, timeout=15)
        assert "scheme 'https'" in refused.fields["reason"]
        assert "reached over 'http'" in refused.fields["reason"]
        assert tab.get_by_test_id("stText").count() == 0


@claim("L13.C3")
@against("minilit", "1.67")
def test_without_the_upgrade_headers_the_websocket_never_opens(
    target: Target, tmp_path: Path
) -> None:
    upstream = target.url("app.py")
    with _nginx(tmp_path, [_hostport(upstream)], upgrade=False) as nginx:
        url = f"http://127.0.0.1:{nginx.port}"
        assert _get(f"{url}/_stcore/health") == (200, b"ok")
        status, page = _get(f"{url}/")
        assert status == 200 and b'<div id="root">' in page
        with pytest.raises(ConnectionError):
            WireConnection(url).close()
    with (
        _nginx(tmp_path, [_hostport(upstream)], upgrade=True) as nginx,
        AppClient.connect(f"http://127.0.0.1:{nginx.port}") as app,
    ):
        assert app.run().text[0].value == "this session: 1 run(s)"


PUBLIC_NAME = "app.test"


@claim("L13.C4")
@against("minilit", "1.67")
def test_a_rewritten_host_breaks_the_origin_check(
    target: Target, start_server: ServerPool, tmp_path: Path
) -> None:
    if target.is_minilit:
        # minilit, bound to loopback, also wants the public name listed (lesson 09).
        upstream = start_server.start("app.py", {"server.allowedHosts": [PUBLIC_NAME]}).url
    else:
        upstream = target.url("app.py")
    for keep_host in (False, True):
        with _nginx(tmp_path, [_hostport(upstream)], keep_host=keep_host) as nginx:
            public = f"{PUBLIC_NAME}:{nginx.port}"
            headers = {"Host": public, "Origin": f"http://{public}"}
            url = f"http://127.0.0.1:{nginx.port}"
            if keep_host:
                WireConnection(url, headers=headers).close()
            else:
                with pytest.raises(HandshakeRejected) as refused:
                    WireConnection(url, headers=headers).close()
                assert refused.value.response.status_code == 403


def _replicas(target: Target, count: int) -> list[str]:
    first = target.url("app.py")
    return [first, *(target.url("app.py", fresh=True) for _ in range(count - 1))]


@claim("L13.C6")
@against("minilit", "1.67")
def test_without_sticky_sessions_a_reconnect_loses_the_session(
    target: Target, tmp_path: Path
) -> None:
    replicas = [_hostport(u) for u in _replicas(target, 2)]
    # No health poll: each connection is then exactly one request, and round robin
    # sends consecutive requests to the two replicas in turn.
    with (
        _nginx(tmp_path, replicas, sticky=False) as nginx,
        AppClient.connect(f"http://127.0.0.1:{nginx.port}", wait_healthy=None) as app,
    ):
        app.run()
        first = app.run().session_id
        assert app.text[0].value == "this session: 2 run(s)"
        app.reconnect()
        assert app.run().session_id != first
        assert app.text[0].value == "this session: 1 run(s)"


@claim("L13.C7")
@against("minilit", "1.67")
def test_with_ip_hash_the_session_survives_a_reconnect(target: Target, tmp_path: Path) -> None:
    replicas = [_hostport(u) for u in _replicas(target, 2)]
    with (
        _nginx(tmp_path, replicas, sticky=True) as nginx,
        AppClient.connect(f"http://127.0.0.1:{nginx.port}", wait_healthy=None) as app,
    ):
        app.run()
        first = app.run().session_id
        for _ in range(3):
            app.reconnect()
            assert app.run().session_id == first
        assert app.text[0].value == "this session: 5 run(s)"


@claim("L13.C8")
@against("minilit", "1.67")
def test_the_health_route_and_a_stopped_replica(
    target: Target, start_server: ServerPool, tmp_path: Path
) -> None:
    with contextlib.ExitStack() as stack:
        stops = []
        if target.is_minilit:
            servers = [start_server.start("app.py") for _ in range(2)]
            urls = [s.url for s in servers]
            stops = [s.stop for s in servers]
        else:
            from tests.realstreamlit import real_streamlit

            shim = tmp_path / "shim"
            shim.mkdir()
            (shim / "minilit.py").write_text(SHIM, encoding="utf-8")
            contexts = [
                real_streamlit(HERE / "app.py", version="1.67", env={"PYTHONPATH": str(shim)})
                for _ in range(2)
            ]
            entered = [stack.enter_context(c) for c in contexts]
            urls = [s.url for s in entered]
            stops = [_stopper(s.process) for s in entered]
        for url in urls:
            assert _get(f"{url}/_stcore/health") == (200, b"ok")
        with _nginx(tmp_path, [_hostport(u) for u in urls]) as nginx:
            proxied = f"http://127.0.0.1:{nginx.port}/_stcore/health"
            stops[0]()
            with pytest.raises(OSError):
                _get(f"{urls[0]}/_stcore/health")
            # nginx has no active probe in its open-source build: a refused connection
            # sends the request on to the next replica (proxy_next_upstream error).
            for _ in range(4):
                assert _get(proxied) == (200, b"ok")


def _stopper(process: subprocess.Popen[bytes]) -> Any:
    def stop() -> None:
        process.terminate()
        process.wait(20)

    return stop


if sys.platform == "win32":  # nginx and openssl are run as Debian ships them
    pytestmark = pytest.mark.skip("lesson 13 runs Debian's nginx")
