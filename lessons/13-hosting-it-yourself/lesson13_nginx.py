"""Lesson 13's helpers: a certificate made now, and a real nginx run as a child process.

Not a lesson app. ``make_certificate`` calls ``openssl`` for a self-signed certificate
for 127.0.0.1 and localhost; ``Nginx`` writes a complete nginx.conf around the
``http``-level text you give it (upstreams and server blocks), checks it with
``nginx -t``, and runs nginx in the foreground (``daemon off``) with its own prefix in
a temporary folder: it never touches the machine's nginx, and stops with the test.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

NGINX = os.environ.get("MINILIT_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"


def require_nginx() -> str:
    """nginx's path; skip without it on a developer machine, fail in CI (CI=true)."""
    import pytest

    if not Path(NGINX).exists():
        message = f"nginx not found at {NGINX} (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return NGINX


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1 and localhost, valid for a day."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


CONF = """\
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 256; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{site}
}}
"""


class NginxConfigError(Exception):
    """``nginx -t`` refused the configuration (its message attached)."""


class Nginx:
    """A real nginx serving ``site`` (http-level text) from its own prefix ``folder``."""

    def __init__(self, site: str, folder: Path, port: int) -> None:
        self.nginx = require_nginx()
        self.folder = folder
        self.port = port
        self.conf = folder / "nginx.conf"
        self.conf.write_text(CONF.format(prefix=folder, site=site), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    def _command(self, *extra: str) -> list[str]:
        return [self.nginx, "-p", str(self.folder), "-e", str(self.folder / "error.log"),
                "-c", str(self.conf), *extra]  # fmt: skip

    def __enter__(self) -> Nginx:
        test = subprocess.run(self._command("-t"), capture_output=True, text=True)
        if test.returncode != 0:
            raise NginxConfigError(test.stderr.strip())
        self.process = subprocess.Popen(
            self._command("-g", "daemon off;"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.error_log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"nginx did not listen on {self.port}: {self.error_log()}")

    def error_log(self) -> str:
        log = self.folder / "error.log"
        return log.read_text(encoding="utf-8") if log.exists() else ""

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            if self.process.stderr is not None:
                self.process.stderr.close()


def proxy_site(
    port: int,
    replicas: list[str],
    *,
    tls: tuple[Path, Path] | None = None,
    upgrade: bool = True,
    keep_host: bool = True,
    sticky: bool = False,
) -> str:
    """The lesson's nginx site, with each part that matters switchable.

    ``upgrade``: HTTP/1.1 and the Upgrade/Connection headers to the upstream;
    ``keep_host``: ``Host $http_host`` (else nginx's default, the upstream's name);
    ``sticky``: ``ip_hash`` (else round robin).
    """
    lines = ["upstream replicas {"]
    if sticky:
        lines.append("    ip_hash;")
    lines += [f"    server {replica};" for replica in replicas]
    lines += ["}", "server {"]
    if tls is None:
        lines.append(f"    listen 127.0.0.1:{port};")
    else:
        lines += [
            f"    listen 127.0.0.1:{port} ssl;",
            f"    ssl_certificate {tls[0]};",
            f"    ssl_certificate_key {tls[1]};",
        ]
    lines += ["    location / {", "        proxy_pass http://replicas;"]
    if upgrade:
        lines += [
            "        proxy_http_version 1.1;",
            "        proxy_set_header Upgrade $http_upgrade;",
            '        proxy_set_header Connection "upgrade";',
        ]
    if keep_host:
        lines.append("        proxy_set_header Host $http_host;")
    lines += ["    }", "}"]
    return "\n".join(lines)
