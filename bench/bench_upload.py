"""Upload/download benchmark: a 10 MB upload and a 10 MB media download over loopback.

Not a test: run it with ``python bench/bench_upload.py`` (``--help`` for the
knobs). The server runs in its own process (``python -m minilit run``, or
``streamlit run`` with ``--streamlit PATH``); this process is the browser:

1. ``GET /_stcore/health`` for the ``_streamlit_xsrf`` cookie, then the
   websocket; one run of bench/apps/upload_app.py (a file uploader and a
   10 MB ``st.download_button``).
2. upload: ``file_urls_request`` -> ``file_urls_response``, then a PUT of a
   10 MB multipart body with the cookie and ``X-Xsrftoken`` (timed, repeated).
3. download: ``GET`` the download button's ``/media/...`` URL (timed, repeated).

Figures: the median and best time of each, and the server's RSS (VmRSS from
/proc) before, after the uploads and after the downloads. The load average
is printed too: on a shared machine it moves the figures more than anything
else. Real Streamlit is started with ``--server.headless true
--browser.gatherUsageStats false --server.fileWatcherType none`` and the
proxy variables pointed at a dead port.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchlib import free_port

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.testing.connection import WireConnection, wait_until_healthy

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "bench" / "apps" / "upload_app.py"
SIZE = 10 * 1024 * 1024


@contextmanager
def server(streamlit: str | None) -> Iterator[tuple[int, int]]:
    """(port, pid) of a server for APP in its own process."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINILIT_", "STREAMLIT_"))}
    common = ["--server.port", str(port), "--server.address", "127.0.0.1"]
    common += ["--server.headless", "true", "--server.fileWatcherType", "none"]
    common += ["--server.maxUploadSize", "50"]
    if streamlit:
        args = [streamlit, "run", str(APP), *common, "--browser.gatherUsageStats", "false"]
        env.update(HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9")
    else:
        args = [sys.executable, "-m", "minilit", "run", str(APP), *common]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", timeout=60.0)
        yield port, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes, http.client.HTTPMessage]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.read(), answer.headers
    finally:
        conn.close()


def xsrf_cookie(port: int) -> str:
    _, _, headers = request(port, "GET", "/_stcore/health")
    for name, value in headers.items():
        if name.lower() == "set-cookie" and value.startswith("_streamlit_xsrf="):
            return value.split(";", 1)[0].split("=", 1)[1]
    raise SystemExit("the server set no XSRF cookie")


def first_run(conn: WireConnection) -> str:
    """Run the app once; return the download button's URL."""
    conn.send(BackMsg(rerun_script={}))
    url = ""
    while True:
        msg = conn.recv(timeout=60)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "download_button":
            url = msg.delta.new_element.download_button.url
        if kind == "script_finished":
            return url


def upload_url(conn: WireConnection) -> str:
    request = BackMsg()
    request.file_urls_request.request_id = str(uuid.uuid4())
    request.file_urls_request.file_names.append("big.bin")
    conn.send(request)
    while True:
        msg = conn.recv(timeout=60)
        if msg.WhichOneof("type") == "file_urls_response":
            return str(msg.file_urls_response.file_urls[0].upload_url)


def measure(name: str, streamlit: str | None, rounds: int) -> None:
    payload = os.urandom(SIZE)
    boundary = "benchboundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + payload
        + f"\r\n--{boundary}--\r\n".encode()
    )
    with server(streamlit) as (port, pid):
        cookie = xsrf_cookie(port)
        conn = WireConnection(f"http://127.0.0.1:{port}", connect_timeout=30)
        try:
            media = first_run(conn)
            rss0 = rss_mb(pid)
            ups: list[float] = []
            for _ in range(rounds):
                url = upload_url(conn)
                headers = {
                    "Content-Type": f"multipart/form-data; boundary={boundary}",
                    "Cookie": f"_streamlit_xsrf={cookie}",
                    "X-Xsrftoken": cookie,
                }
                t0 = time.perf_counter()
                status, text, _ = request(port, "PUT", url, body, headers)
                ups.append(time.perf_counter() - t0)
                if status not in (200, 204):
                    raise SystemExit(f"{name}: upload answered {status}: {text[:200]!r}")
            rss1 = rss_mb(pid)
            downs: list[float] = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                status, data, _ = request(port, "GET", media)
                downs.append(time.perf_counter() - t0)
                if status != 200 or len(data) != SIZE:
                    raise SystemExit(f"{name}: download answered {status}, {len(data)} bytes")
            rss2 = rss_mb(pid)
        finally:
            conn.close()
    print(
        f"{name:<16} upload 10 MB: median {statistics.median(ups) * 1000:7.1f} ms, "
        f"best {min(ups) * 1000:7.1f} ms | download 10 MB: median "
        f"{statistics.median(downs) * 1000:7.1f} ms, best {min(downs) * 1000:7.1f} ms | "
        f"server RSS {rss0:6.1f} MB -> {rss1:6.1f} after {rounds} uploads (+{rss1 - rss0:.1f}) "
        f"-> {rss2:6.1f} after downloads (+{rss2 - rss1:.1f})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--streamlit", help="a `streamlit` executable (1.67) to compare with")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    measure("minilit", None, args.rounds)
    if args.streamlit:
        measure("streamlit 1.67", args.streamlit, args.rounds)


if __name__ == "__main__":
    main()
