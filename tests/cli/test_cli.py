"""The minilit command as a user meets it: real processes, real ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from minilit.config import load_config
from minilit.server.server import Server
from minilit.testing.ports import free_port

APP = "import minilit as st\nst.text('hi')\n"


def minilit(*args: str, cwd: Path, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    # Nothing from this machine: no MINILIT_/STREAMLIT_ variables, no ~/.streamlit.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINILIT_", "STREAMLIT_"))}
    env["HOME"] = str(cwd)
    return subprocess.run(
        [sys.executable, "-m", "minilit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version(tmp_path: Path) -> None:
    result = minilit("version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("minilit, version ")


def test_missing_script_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = minilit("run", "nope.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_one_line_and_status_2(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    for args in (
        ["run", "app.py", "--server.prot", "1"],
        ["run", "app.py", "--bogus"],
        ["frobnicate"],
        ["run", "app.py", "--server.port", "x"],
    ):
        result = minilit(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stderr.strip().count("\n") == 0, result.stderr
        assert "Traceback" not in result.stderr


def test_explicit_busy_port_exits_1(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = minilit(
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            cwd=tmp_path,
        )
    assert result.returncode == 1
    assert f"Port {port} is already in use" in result.stderr


def test_default_port_search_takes_the_next_free_port(tmp_path: Path) -> None:
    """When the port was not set explicitly, the next ports are tried (as Streamlit does)."""
    cfg = load_config({"server.address": "127.0.0.1"}, env={}, cwd=tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        cfg.values["server.port"] = port  # as if it were the default: source stays "default"
        server = Server(str(tmp_path / "app.py"), cfg)
        sockets = server._bind_sockets()
        for s in sockets:
            s.close()
    assert server.port > port
    assert server.port_notice == (
        f"Port {port} is already in use; using port {server.port} instead."
    )


def test_run_serves_until_interrupted(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env["MINILIT_SERVER_HEADLESS"] = "true"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minilit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--",
            "--my-arg",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 10
        body = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                    body = r.read().decode()
                    break
            except OSError:
                time.sleep(0.05)
        assert body == "ok"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert f"Local URL: http://localhost:{port}" in out
