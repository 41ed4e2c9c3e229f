"""Lesson 01's claims, each proved against a real minilit server (see README.md)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from lessons.framework.claims import claim
from lessons.framework.harness import (
    ServerPool,
    hold_free_port,
    hold_ports,
    http_get,
    port_lock,
    wait_until,
)
from lessons.framework.targets import Target, against
from minilit.config import OPTIONS

HERE = Path(__file__).parent
DEFAULT = int(OPTIONS["server.port"].default)


def _minilit_run(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """`python -m minilit run app.py ...` with a clean environment (no MINILIT_* options)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minilit",
            "run",
            str(HERE / "app.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            *args,
        ],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _read_until(proc: subprocess.Popen[str], marker: str) -> str:
    assert proc.stdout is not None
    seen = ""
    for line in proc.stdout:
        seen += line
        if marker in line:
            return seen
    raise AssertionError(f"minilit exited before printing {marker!r}: {seen}")


def _streamlit_run(version: str, *args: str, cwd: Path) -> subprocess.Popen[str]:
    """``streamlit run app.py ...`` from real Streamlit ``version`` (tests/realstreamlit.py)."""
    from tests.realstreamlit import DEAD_PROXY, require_real_streamlit

    python = require_real_streamlit(version)
    env = {**os.environ, "HTTP_PROXY": DEAD_PROXY, "HTTPS_PROXY": DEAD_PROXY}
    env = {k: v for k, v in env.items() if not k.startswith("STREAMLIT_")}
    return subprocess.Popen(
        [
            str(python),
            "-m",
            "streamlit",
            "run",
            str(HERE / "app.py"),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            "--server.address",
            "127.0.0.1",
            *args,
        ],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _run(target: Target, *args: str, cwd: Path) -> subprocess.Popen[str]:
    if target.is_minilit:
        return _minilit_run(*args, cwd=cwd)
    return _streamlit_run(target.kind, *args, cwd=cwd)


@claim("L01.C1")
@against("minilit", "1.67")
def test_default_port_is_8501(target: Target) -> None:
    if target.is_minilit:
        assert DEFAULT == 8501
        return
    from tests.realstreamlit import require_real_streamlit

    shown = subprocess.run(
        [str(require_real_streamlit(target.kind)), "-c", _PRINT_DEFAULT_PORT],
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")},
    ).stdout
    assert shown.strip() == "8501"


_PRINT_DEFAULT_PORT = "from streamlit import config; print(config.get_option('server.port'))"


@claim("L01.C1")
def test_minilit_tries_8501_first(start_server: ServerPool) -> None:
    with port_lock():
        server = start_server.start("app.py", default_port=True)
        server.stop()
    # 8501 was tried first: either it was free, or something else holds it and the
    # server says so (the search itself is L01.C2).
    notice = server.server.port_notice
    assert server.port == 8501 or notice.startswith("Port 8501 is already in use"), notice


_URL_RE = re.compile(r"URL: http://[\w.]+:(\d+)")


@claim("L01.C2")
@against("minilit", "1.67")
def test_busy_default_port_moves_on(target: Target, tmp_path: Path) -> None:
    with port_lock(), hold_ports([DEFAULT]):
        proc = _run(target, cwd=tmp_path)
        try:
            printed = _read_until(proc, "URL:")
        finally:
            proc.terminate()
            proc.wait(10)
    match = _URL_RE.search(printed)
    assert match and int(match[1]) > DEFAULT, printed
    # minilit says why (L01.C15); Streamlit 1.67 moves on without a word.
    assert ("already in use" in printed) == target.is_minilit, printed


@claim("L01.C15")
def test_minilit_says_the_default_port_is_busy(start_server: ServerPool, tmp_path: Path) -> None:
    with port_lock(), hold_ports([DEFAULT]):
        proc = _minilit_run(cwd=tmp_path)
        try:
            printed = _read_until(proc, "Local URL")
        finally:
            proc.terminate()
            proc.wait(10)
    match = re.search(rf"Port {DEFAULT} is already in use; using port (\d+) instead", printed)
    assert match and int(match[1]) > DEFAULT, printed
    assert f"Local URL: http://localhost:{match[1]}" in printed


@claim("L01.C3")
@against("minilit", "1.67", "1.56")
def test_busy_chosen_port_is_an_error(target: Target, tmp_path: Path) -> None:
    with hold_free_port() as port:
        proc = _run(target, "--server.port", str(port), cwd=tmp_path)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    said = (out or "") + (err or "")
    expected = (
        f"Port {port} is already in use" if target.is_minilit else f"Port {port} is not available"
    )
    assert expected in said, said


@claim("L01.C4")
@against("minilit", "1.67", "1.56")
def test_health_says_ok(target: Target) -> None:
    url = target.url()
    assert http_get(f"{url}/_stcore/health")[::2] == (200, b"ok")


@claim("L01.C5")
@against("minilit", "1.67", "1.56")
def test_host_config_is_json(target: Target) -> None:
    status, headers, body = http_get(f"{target.url()}/_stcore/host-config")
    assert status == 200 and headers["content-type"].startswith("application/json")
    config = json.loads(body)
    assert {"allowedOrigins", "useExternalAuthToken", "enableCustomParentMessages"} <= set(config)
    # minilit allows no embedding origin; Streamlit lists its own hosting sites.
    assert (config["allowedOrigins"] == []) == target.is_minilit


@claim("L01.C6")
@against("minilit", "1.67", "1.56")
def test_unknown_paths_get_the_app(target: Target) -> None:
    url = target.url()
    _, _, index = http_get(f"{url}/")
    status, headers, body = http_get(f"{url}/some/page")
    assert status == 200 and body == index and b'<div id="root">' in body
    assert headers["content-type"].startswith("text/html")


@claim("L01.C7")
@against("minilit", "1.67", "1.56")
def test_reserved_paths_are_not_swallowed_by_the_app(target: Target) -> None:
    url = target.url()
    for path in ("/base/_stcore/health", "/base/_stcore/host-config"):
        assert http_get(f"{url}{path}")[0] == 404, path


@claim("L01.C8")
@against("minilit", "1.67", "1.56")
def test_trailing_slash_redirects(target: Target) -> None:
    url = target.url()
    status, headers, _ = http_get(f"{url}/some/page/")
    assert status == 301 and headers["location"] == "/some/page"


@claim("L01.C13")
@against("minilit", "1.67", "1.56")
def test_double_slash_is_refused_not_redirected(target: Target) -> None:
    url = target.url()
    status, headers, _ = http_get(f"{url}//evil.example/")
    assert status == 400 and "location" not in headers


@claim("L01.C14")
def test_health_is_503_while_the_runtime_is_not_running(start_server: ServerPool) -> None:
    server = start_server.start("app.py")
    assert http_get(f"{server.url}/_stcore/health")[0] == 200
    server.call(lambda: asyncio.ensure_future(server.runtime.stop()))
    assert wait_until(lambda: http_get(f"{server.url}/_stcore/health")[0] == 503)


@claim("L01.C9")
@against("minilit", "1.67", "1.56")
def test_cache_headers(target: Target) -> None:
    url = target.url()
    _, headers, body = http_get(f"{url}/")
    assert headers["cache-control"] == "no-cache"
    asset = re.search(rb'src="\.(/static/js/[^"]+)"', body)
    assert asset is not None
    status, asset_headers, _ = http_get(f"{url}{asset[1].decode()}")
    # minilit sends "public"; Streamlit 1.67 "public, immutable, max-age=31536000".
    assert status == 200 and asset_headers["cache-control"].startswith("public")


def _load(page: Any, url: str) -> tuple[list[str], list[Any]]:
    """Open the app in Chromium; return the HTTP paths requested and the websockets."""
    requests: list[str] = []
    sockets: list[Any] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda ws: sockets.append(ws))
    page.goto(url)
    app = page.locator("[data-testid='stApp']")
    app.wait_for()
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'"
    )
    # Streamlit 1.67 fetches lazy chunks and its favicon after the first run: wait until
    # the network is quiet, so the page load is over before a test looks further.
    page.wait_for_load_state("networkidle")
    return requests, sockets


def _path(url: str, base: str) -> str:
    return url[len(base) :] if url.startswith(base) else url


@claim("L01.C10")
@against("minilit", "1.67")
def test_page_load_requests(target: Target, page: Any) -> None:
    url = target.url()
    requests, sockets = _load(page, url + "/")
    paths = [_path(u, url) for u in requests]
    http_paths = [p for p in paths if not p.startswith("ws")]
    assert http_paths[0] == "/"
    assert any(re.fullmatch(r"/static/js/[\w.-]+\.js", p) for p in http_paths)
    assert any(re.fullmatch(r"/static/css/[\w.-]+\.css", p) for p in http_paths)
    assert "/_stcore/health" in http_paths and "/_stcore/host-config" in http_paths
    others = [
        p
        for p in http_paths
        if p not in ("/", "/_stcore/health", "/_stcore/host-config", "/favicon.ico", "/favicon.png")
        and not p.startswith("/static/")
    ]
    assert others == []
    assert [s.url for s in sockets] == [url.replace("http://", "ws://") + "/_stcore/stream"]


@claim("L01.C11")
@against("minilit", "1.67")
def test_rerun_makes_no_http_request(target: Target, page: Any) -> None:
    requests, sockets = _load(page, target.url() + "/")
    sent: list[Any] = []
    received: list[Any] = []
    sockets[0].on("framesent", lambda f: sent.append(f))
    sockets[0].on("framereceived", lambda f: received.append(f))
    before = len(requests)
    page.keyboard.press("r")
    page.get_by_text("Lesson 01: the server").wait_for()
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'"
    )
    page.wait_for_timeout(200)
    assert len(requests) == before
    assert len(sent) == 1 and len(received) >= 4


@claim("L01.C12")
@against("minilit", "1.67", "1.56")
def test_page_text_never_travels_as_html(target: Target, page: Any) -> None:
    url = target.url()
    _, _, html = http_get(f"{url}/")
    assert b"Lesson 01" not in html
    _load(page, url + "/")
    assert page.get_by_text("Lesson 01: the server").is_visible()
