"""TLS: https and wss with a self-signed certificate made at run time (openssl),
both-or-neither, one-line errors with exit status 1, and the Origin's scheme."""

from __future__ import annotations

import asyncio
import os
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.server.tls import TLSConfigError
from minilit.trace import events
from minilit.trace.bus import BUS
from tests.surface.helpers import request, security_events, traced, write_app

APP = "import minilit as st\nst.text('over tls')\n"


def require_openssl() -> None:
    """Skip without openssl on a developer's machine; fail in CI, which installs it."""
    if shutil.which("openssl") is None:
        message = "openssl not found (apt-get install openssl)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def make_cert(folder: Path, name: str = "server") -> tuple[Path, Path]:
    """A fresh self-signed certificate for 127.0.0.1 and localhost."""
    require_openssl()
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    cert, key = make_cert(tmp_path)
    script = write_app(tmp_path, APP)
    options = {"server.sslCertFile": str(cert), "server.sslKeyFile": str(key)}
    sub = BUS.subscribe()
    try:
        with ServerThread(script, options) as server:
            server.trace = sub  # type: ignore[attr-defined]
            server.cert = cert  # type: ignore[attr-defined]
            yield server
    finally:
        BUS.unsubscribe(sub)


def client_context(cert: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert))


def wss_run(server: ServerThread, cert: Path, origin: str) -> list[ForwardMsg]:
    """Open wss://, ask for a run, return its messages up to script_finished."""

    async def go() -> list[ForwardMsg]:
        req = HTTPRequest(
            f"wss://127.0.0.1:{server.port}/_stcore/stream",
            headers={"Origin": origin},
            ca_certs=str(cert),
            request_timeout=5,
        )
        conn = await websocket_connect(req, subprotocols=["streamlit", "x"])
        msg = BackMsg()
        msg.rerun_script.SetInParent()
        await conn.write_message(msg.SerializeToString(), binary=True)
        out: list[ForwardMsg] = []
        while True:
            frame = await asyncio.wait_for(conn.read_message(), 5)
            assert isinstance(frame, bytes)
            fm = ForwardMsg.FromString(frame)
            out.append(fm)
            if fm.WhichOneof("type") == "script_finished":
                conn.close()
                return out

    return asyncio.run(go())


def test_https_and_wss_work_with_a_self_signed_certificate(tls_server: ServerThread) -> None:
    cert = tls_server.cert  # type: ignore[attr-defined]
    answer = request(tls_server, "GET", "/_stcore/health", context=client_context(cert))
    assert answer.status == 200 and answer.body == b"ok"
    cookie = answer.header("Set-Cookie")
    assert "Secure" in [a.strip() for a in cookie.split(";")]
    origin = f"https://127.0.0.1:{tls_server.port}"
    run = wss_run(tls_server, cert, origin)
    bodies = [m.delta.new_element.text.body for m in run if m.HasField("delta")]
    assert bodies == ["over tls"]
    seen = tls_server.trace.drain()  # type: ignore[attr-defined]
    (enabled,) = security_events(seen, events.TLS_ENABLED)
    assert enabled["cert_file"] == str(cert)


def test_an_http_origin_is_refused_on_a_tls_server(tls_server: ServerThread) -> None:
    cert = tls_server.cert  # type: ignore[attr-defined]
    with traced() as seen, pytest.raises(HTTPClientError) as info:
        wss_run(tls_server, cert, f"http://127.0.0.1:{tls_server.port}")
    assert info.value.code == 403
    (refusal,) = security_events(seen, events.HANDSHAKE_REJECTED)
    assert "scheme 'http'" in refusal["reason"] and "'https'" in refusal["reason"]


def test_plain_http_to_the_tls_port_gets_no_answer(tls_server: ServerThread) -> None:
    import http.client

    with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
        request(tls_server, "GET", "/_stcore/health")


@pytest.mark.parametrize("which", ["cert", "key"])
def test_one_without_the_other_is_refused_at_start(tmp_path: Path, which: str) -> None:
    cert, key = make_cert(tmp_path)
    script = write_app(tmp_path, APP)
    option = (
        {"server.sslCertFile": str(cert)} if which == "cert" else {"server.sslKeyFile": str(key)}
    )
    with traced() as seen, pytest.raises(TLSConfigError, match="set both or neither"):
        ServerThread(script, option).start()
    assert security_events(seen, events.TLS_REJECTED)


def test_a_key_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    cert, _ = make_cert(tmp_path, "a")
    _, other_key = make_cert(tmp_path, "b")
    script = write_app(tmp_path, APP)
    options = {"server.sslCertFile": str(cert), "server.sslKeyFile": str(other_key)}
    with pytest.raises(TLSConfigError, match="cannot use"):
        ServerThread(script, options).start()


def run_cli(tmp_path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    script = write_app(tmp_path, APP)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "minilit",
            "run",
            str(script),
            "--server.headless",
            "true",
            "--server.port",
            "0",
            "--server.address",
            "127.0.0.1",
            "--server.fileWatcherType",
            "none",
            *flags,
        ],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ("--server.sslCertFile", "CERT"),
            "server.sslCertFile is set but server.sslKeyFile is not",
        ),
        (("--server.sslKeyFile", "KEY"), "server.sslKeyFile is set but server.sslCertFile is not"),
        (
            ("--server.sslCertFile", "CERT", "--server.sslKeyFile", "/nonexistent.key"),
            "server.sslKeyFile: no such file: /nonexistent.key",
        ),
    ],
)
def test_the_cli_exits_1_with_one_line(
    tmp_path: Path, flags: tuple[str, ...], message: str
) -> None:
    cert, key = make_cert(tmp_path)
    real = [str(cert) if f == "CERT" else str(key) if f == "KEY" else f for f in flags]
    done = run_cli(tmp_path, *real)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"minilit: {message}"), done.stderr
    assert "Traceback" not in done.stderr + done.stdout
