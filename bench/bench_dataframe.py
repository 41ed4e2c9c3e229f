"""DataFrame benchmark: a 100,000-row by 5-column st.dataframe, minilit against Streamlit 1.67.

Not a test: run it with ``python bench/bench_dataframe.py`` (``--help`` for the knobs;
``--streamlit PATH`` names a Streamlit 1.67 ``streamlit`` executable to compare with).
Each server runs in its own process (``python -m minilit run``, or ``streamlit run``
with the options the project always gives it: headless, no usage statistics, no file
watcher, loopback, the proxy variables pointed at a dead port); this process is the
client, the same for both (``minilit.testing.connection.WireConnection``).

1. Time and bytes: a fresh session per round runs bench/apps/dataframe_app.py, which
   writes ``time.time()`` in an st.text just before ``st.dataframe(df)``; the client
   notes when the dataframe's ForwardMsg has fully arrived. The figure is that
   difference (conversion to Arrow, protobuf, websocket, the client's read; both
   processes on one machine share the clock), with the frame's size and the Arrow
   payload's. 100,000 rows is below 1.67's automatic lazy-loading threshold (150,000),
   so 1.67 sends the whole table too.
2. Memory: 20 sessions, each showing the DataFrame and left open; the server's RSS
   (VmRSS) before the first and after the twentieth.

The load average is printed: on a shared machine it moves the figures most.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchlib import free_port

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import WireConnection, wait_until_healthy

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "bench" / "apps" / "dataframe_app.py"
DEAD_PROXY = "http://127.0.0.1:9"


@contextmanager
def server(streamlit: str | None) -> Iterator[tuple[int, int]]:
    """(port, pid) of a server for APP in its own process."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINILIT_", "STREAMLIT_"))}
    common = ["--server.port", str(port), "--server.address", "127.0.0.1"]
    common += ["--server.headless", "true", "--server.fileWatcherType", "none"]
    if streamlit:
        args = [streamlit, "run", str(APP), *common, "--browser.gatherUsageStats", "false"]
        env.update(HTTP_PROXY=DEAD_PROXY, HTTPS_PROXY=DEAD_PROXY, NO_PROXY="")
        env.update(http_proxy=DEAD_PROXY, https_proxy=DEAD_PROXY)
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


def show_dataframe(conn: WireConnection) -> tuple[float, int, int]:
    """Run the app once: (seconds from the call to the last byte, frame bytes, Arrow bytes)."""
    conn.send(BackMsg(rerun_script={}))
    called = received = 0.0
    frame_size = arrow_size = 0
    while True:
        data = conn.recv_frame(timeout=120)
        arrived = time.time()
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "delta":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "text":
                called = float(element.text.body)
            elif which == "dataframe":
                received, frame_size = arrived, len(data)
                arrow_size = len(element.dataframe.arrow_data.data)
        elif kind == "script_finished":
            if not received:
                raise SystemExit("the run sent no dataframe")
            return received - called, frame_size, arrow_size


def measure(name: str, streamlit: str | None, rounds: int, sessions: int) -> None:
    with server(streamlit) as (port, pid):
        url = f"http://127.0.0.1:{port}"
        times: list[float] = []
        sizes: set[tuple[int, int]] = set()
        for _ in range(rounds):
            with WireConnection(url, connect_timeout=30) as conn:
                seconds, frame_size, arrow_size = show_dataframe(conn)
            times.append(seconds)
            sizes.add((frame_size, arrow_size))
        rss0 = rss_mb(pid)
        open_sessions = []
        try:
            for _ in range(sessions):
                conn = WireConnection(url, connect_timeout=30)
                open_sessions.append(conn)
                show_dataframe(conn)
            rss1 = rss_mb(pid)
        finally:
            for conn in open_sessions:
                conn.close()
    size_text = ", ".join(f"frame {f:,} B (Arrow {a:,} B)" for f, a in sorted(sizes))
    print(
        f"{name:<15} st.dataframe 100,000 x 5 to the client's last byte: median "
        f"{statistics.median(times) * 1000:7.1f} ms, best {min(times) * 1000:7.1f} ms "
        f"({rounds} sessions) | {size_text} | server RSS {rss0:6.1f} MB -> {rss1:6.1f} MB "
        f"after {sessions} open sessions showing it (+{rss1 - rss0:.1f} MB)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--streamlit", help="a `streamlit` executable (1.67) to compare with")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    measure("minilit", None, args.rounds, args.sessions)
    if args.streamlit:
        measure("streamlit 1.67", args.streamlit, args.rounds, args.sessions)


if __name__ == "__main__":
    main()
