"""What the decoding proxy adds to a rerun, against real Streamlit 1.67. Prints a table.

Not a test: run ``python bench/bench_proxy.py`` (real Streamlit from
``python scripts/real_streamlit.py``). The budget (issue 14): at most 1 ms more
per rerun, median, on the counter app.

Real Streamlit runs each app (bench/apps, with ``import streamlit as st``) in its
own process; ``minilit proxy`` runs in a second one; this process is the browser
(a plain websocket client on loopback). A rerun is timed from sending
``rerun_script`` to receiving ``script_finished``. Configurations:

    direct         the client talks to Streamlit
    direct, twin   a second session, also direct: the noise control. Its
                   "added" is what two identical paths differ by on this
                   machine in this many rounds; read every other "added"
                   against it
    byte relay     through a plain TCP relay in its own process (asyncio, no
                   websocket parsing, TCP_NODELAY both ways): the floor, what
                   any process in the middle costs on this machine
    proxy          through ``minilit proxy``: nobody can watch it (no trace
                   channel, no recording), so it relays frames without
                   decoding them (Note [Unwatched relay])
    proxy, inspect through ``minilit proxy --inspect`` with nobody attached:
                   the wiretap decodes every frame and publishes to no one,
                   ready for an inspector to attach
    proxy, traced  through ``minilit proxy --inspect`` with a headless trace
                   consumer attached (reads and decodes every event, as the
                   inspector does), at the lower CPU priority observers take

The configurations take turns rerun by rerun: six websockets are open at
once (one per configuration, each its own session on the same server), and
each round reruns once on each, in a shuffled order. So a busy moment of the
machine hits all six alike, and ``added`` is the median of the per-round
differences with direct (paired), which a loaded machine blurs far less than
a difference of medians. ``proxy CPU`` is the proxy process's own CPU time per
rerun (user + system, from /proc), a figure no other process's load changes.
``±`` is the standard error of that median, by bootstrap over the rounds.

``--target minilit`` puts the proxy in front of minilit's own server instead.
A counter rerun there takes about a millisecond instead of 1.67's tens of
milliseconds, and varies far less, so the same number of rounds measures what
the proxy adds more finely; the proxy's work per frame is the same whoever sent
the frame (minilit's frames are 1.67's).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import websockets

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchlib import cpu_seconds, free_port, median_and_error, minilit_server, pct  # noqa: E402

from minilit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from minilit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from minilit.testing.connection import wait_until_healthy  # noqa: E402
from tests.realstreamlit import real_streamlit  # noqa: E402

APPS = {
    "counter": REPO / "bench" / "apps" / "counter.py",
    "200 texts": REPO / "bench" / "apps" / "many_texts.py",
}
RERUN = BackMsg(rerun_script={}).SerializeToString()
CONFIGS = ("direct", "direct, twin", "byte relay", "proxy", "proxy, inspect", "proxy, traced")


def streamlit_copy(app: Path, folder: Path) -> Path:
    """The bench app with ``import streamlit as st`` (the apps are written for minilit)."""
    text = app.read_text(encoding="utf-8").replace("import minilit as st", "import streamlit as st")
    path = folder / app.name
    path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def proxy(target: str, inspect: bool, traced: bool) -> Iterator[tuple[int, int]]:
    """``minilit proxy`` in front of ``target`` (``--inspect`` if asked, and a trace
    consumer attached if ``traced``)."""
    port = free_port()
    token = secrets.token_hex(16)
    args = [sys.executable, "-m", "minilit", "proxy", target, "--server.port", str(port)]
    if inspect or traced:
        args += ["--inspect", "--server.traceToken", token]
    procs = [subprocess.Popen(args, cwd=str(REPO), stdout=subprocess.DEVNULL)]
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", timeout=15.0)
        if traced:
            sink = subprocess.Popen(
                [sys.executable, __file__, "--sink", str(port), token], stdout=subprocess.PIPE
            )
            procs.append(sink)
            assert sink.stdout is not None
            if sink.stdout.readline().strip() != b"attached":
                raise RuntimeError("the trace consumer did not attach")
        yield port, procs[0].pid
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(10)


@contextmanager
def byte_relay(target_port: int) -> Iterator[tuple[int, int]]:
    """A plain TCP relay in front of ``target_port``, in its own process."""
    port = free_port()
    args = [sys.executable, __file__, "--relay", str(port), str(target_port)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != b"listening":
            raise RuntimeError("the byte relay did not start")
        yield port, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


def relay(listen: int, target: int) -> None:
    """Copy bytes both ways between each client and a connection to ``target``."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target)
        for w in (writer, up_writer):
            w.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", listen)
        print("listening", flush=True)
        await server.serve_forever()

    asyncio.run(serve())


async def one_rerun(ws: websockets.ClientConnection) -> float:
    start = time.perf_counter()
    await ws.send(RERUN)
    while True:
        data = await ws.recv()
        assert isinstance(data, bytes)
        msg = ForwardMsg.FromString(data)
        if msg.WhichOneof("type") == "script_finished":
            elapsed = (time.perf_counter() - start) * 1000
            return elapsed


async def drain_status(ws: websockets.ClientConnection) -> None:
    """Read what follows script_finished, up to the "not running" status, before the
    next rerun (or give up after a second: a server that sends no such status)."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(1.0):
            while True:
                data = await ws.recv()
                assert isinstance(data, bytes)
                msg = ForwardMsg.FromString(data)
                if (
                    msg.WhichOneof("type") == "session_status_changed"
                    and not msg.session_status_changed.script_is_running
                ):
                    return


async def interleaved(ports: dict[str, int], n: int, warmup: int) -> dict[str, list[float]]:
    """``n`` rounds; in each, one rerun per configuration, in a shuffled order.

    Shuffled, not rotated: in a rotation each configuration always follows the
    same one, and whatever a server or an observer still does after a rerun
    (a status to send, events to drain) then always lands on the same
    neighbour, a bias that no number of rounds removes.
    """
    subprotocols = [websockets.Subprotocol("streamlit")]
    sockets = {
        config: await websockets.connect(
            f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=subprotocols, max_size=None
        )
        for config, port in ports.items()
    }
    times: dict[str, list[float]] = {config: [] for config in ports}
    order = list(ports)
    rng = random.Random(0)
    try:
        for i in range(warmup + n):
            rng.shuffle(order)
            for config in order:
                elapsed = await one_rerun(sockets[config])
                await drain_status(sockets[config])
                if i >= warmup:
                    times[config].append(elapsed)
    finally:
        for ws in sockets.values():
            await ws.close()
    return times


def paired(row: list[float], base: list[float]) -> str:
    """``+0.42 ±0.10``: the median of the per-round differences (the rounds are
    paired) and its standard error."""
    median, error = median_and_error([t - b for t, b in zip(row, base, strict=True)])
    return f"{median:+.2f} ±{error:.2f}"


def sink(port: int, token: str) -> None:
    """Attach to the proxy's trace channel and decode every message until killed."""
    from inspector.launch import yield_cpu
    from inspector.sources import connect, deliver

    yield_cpu()

    class NullSink:
        def on_hello(self, hello: object) -> None: ...
        def on_events(self, events: object, dropped: int) -> None: ...
        def on_gate(self, gate: object) -> None: ...
        def on_source(self, path: str, text: str) -> None: ...
        def on_reply(self, reply: object) -> None: ...
        def on_closed(self, reason: str) -> None: ...

    async def consume() -> None:
        conn = await connect(f"http://127.0.0.1:{port}", token, encoding="marshal")
        print("attached", flush=True)
        null = NullSink()
        while (message := await conn.read_message()) is not None:
            await deliver(null, message)

    asyncio.run(consume())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reruns", type=int, default=200, help="timed rounds (reruns each)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--version", default="1.67", help="real Streamlit version")
    parser.add_argument(
        "--target",
        choices=("streamlit", "minilit"),
        default="streamlit",
        help="the server behind the proxy (default: real Streamlit)",
    )
    parser.add_argument("--sink", nargs=2, metavar=("PORT", "TOKEN"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--relay", nargs=2, type=int, metavar=("PORT", "TARGET"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--app", choices=(*APPS, "all"), default="all", help="one bench app, or all (default)"
    )
    args = parser.parse_args()
    if args.sink:
        sink(int(args.sink[0]), args.sink[1])
        return
    if args.relay:
        relay(*args.relay)
        return
    server_name = "minilit" if args.target == "minilit" else f"real Streamlit {args.version}"
    print(f"Rerun latency, {server_name}, {args.reruns} interleaved rounds")
    header = f"{'app':<10} {'config':<14} {'median ms':>10} {'p90 ms':>8} {'added ms':>13}"
    print(header + f" {'over relay':>13} {'CPU ms/rerun':>13}")
    with tempfile.TemporaryDirectory(prefix="bench-proxy-") as scratch:
        for label, app in APPS.items():
            if args.app not in ("all", label):
                continue
            with contextlib.ExitStack() as stack:
                if args.target == "minilit":
                    port, _, _ = stack.enter_context(minilit_server(app, inspect=False))
                    target_url = f"http://127.0.0.1:{port}"
                else:
                    real = real_streamlit(streamlit_copy(app, Path(scratch)), version=args.version)
                    target = stack.enter_context(real)
                    port, target_url = target.port, target.url
                relay_port, relay_pid = stack.enter_context(byte_relay(port))
                plain = stack.enter_context(proxy(target_url, inspect=False, traced=False))
                inspect = stack.enter_context(proxy(target_url, inspect=True, traced=False))
                traced = stack.enter_context(proxy(target_url, inspect=True, traced=True))
                ports = {
                    "direct": port,
                    "direct, twin": port,
                    "byte relay": relay_port,
                    "proxy": plain[0],
                    "proxy, inspect": inspect[0],
                    "proxy, traced": traced[0],
                }
                pids = {
                    "byte relay": relay_pid,
                    "proxy": plain[1],
                    "proxy, inspect": inspect[1],
                    "proxy, traced": traced[1],
                }
                cpu_before = {c: cpu_seconds(pid) for c, pid in pids.items()}
                times = asyncio.run(interleaved(ports, args.reruns, args.warmup))
                reruns = args.reruns + args.warmup
                cpu = {
                    c: (cpu_seconds(pid) - cpu_before[c]) * 1000 / reruns for c, pid in pids.items()
                }
            for config in CONFIGS:
                row = times[config]
                added = over = ""
                if config != "direct":
                    added = paired(row, times["direct"])
                if config.startswith("proxy"):
                    over = paired(row, times["byte relay"])
                cpu_text = f"{cpu[config]:.2f}" if config in cpu else ""
                print(
                    f"{label:<10} {config:<14} {statistics.median(row):>10.2f} "
                    f"{pct(row, 0.9):>8.2f} {added:>13} {over:>13} {cpu_text:>13}",
                    flush=True,
                )
    print(f"\n(load average {os.getloadavg()[0]:.1f}; budget: counter, proxy rows, added <= 1 ms)")


if __name__ == "__main__":
    main()
