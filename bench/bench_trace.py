"""Tracing overhead: rerun round trips with tracing off and on. Prints a table.

Not a test: run ``python bench/bench_trace.py`` and compare with DESIGN.md
section 8: "With tracing on, rerun latency grows by <= 10%".

Like bench/bench_spine.py, the server runs in its own process (``python -m
minilit run``) and this process is the browser (a plain websocket client on
loopback). Each configuration gets a fresh server:

    off          no --inspect: the bus has no subscriber, publishing is one check
    on, idle     --inspect, nobody attached (the same as off, by construction)
    on, consumer --inspect and a headless trace consumer in a third process
                 (reads every event of /_minilit/trace and hands it through
                 ``inspector.sources.deliver``, the inspector's decode path:
                 binary batches decoded and described; the inspector without
                 its model and UI; at the lower CPU priority every observer
                 takes, inspector.launch.yield_cpu)
    on, inspector --inspect and the real Textual inspector, headless, attached

Rounds alternate between configurations so that machine drift hits all of them.
The figure that counts is the median; p90 is shown for the tail. By default
reruns go back to back (the worst case: the trace of one rerun is serialized
while the next one runs); ``--pace 0.05`` leaves 50 ms between reruns, as an
interactive user always does, so that work falls in the gaps.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import websockets
from benchlib import cpu_seconds, free_port, pct

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import wait_until_healthy

APPS = Path(__file__).resolve().parent / "apps"
RERUN = BackMsg(rerun_script={}).SerializeToString()
CONFIGS = ("off", "on, idle", "on, consumer", "on, inspector")


@contextmanager
def server(app: Path, config: str, encoding: str = "marshal") -> Iterator[tuple[int, int]]:
    """A server for ``app`` in ``config``, plus its trace client process if any.

    Yields (port, the server's pid).
    """
    port = free_port()
    token = secrets.token_hex(16)  # no leading "-" (argparse would take it for a flag)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    args = [
        sys.executable,
        "-m",
        "minilit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    if config != "off":
        args += ["--inspect", "--server.traceToken", token]
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", timeout=15.0)
        if config in ("on, consumer", "on, inspector"):
            mode = "inspector" if config == "on, inspector" else "protocol"
            if mode == "protocol" and encoding == "json":
                mode = "json"
            sink = subprocess.Popen(
                [sys.executable, __file__, "--sink", str(port), token, mode],
                stdout=subprocess.PIPE,
                env=env,
            )
            procs.append(sink)
            assert sink.stdout is not None
            if sink.stdout.readline().strip() != b"attached":
                raise RuntimeError("the trace client did not attach")
        yield port, procs[0].pid
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(10)


async def one_rerun(ws: websockets.ClientConnection) -> float:
    start = time.perf_counter()
    await ws.send(RERUN)
    while True:
        msg = ForwardMsg.FromString(await ws.recv())
        if msg.WhichOneof("type") == "script_finished":
            elapsed = (time.perf_counter() - start) * 1000
            ForwardMsg.FromString(await ws.recv())  # the trailing not-running status
            return elapsed


async def round_trips(port: int, n: int, pace: float = 0.0, warmup: int = 20) -> list[float]:
    """``n`` timed reruns; ``pace`` seconds of idle between them (0: back to back)."""
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:  # type: ignore[list-item]
        for _ in range(warmup):
            await one_rerun(ws)
        times = []
        for _ in range(n):
            if pace:
                await asyncio.sleep(pace)
            times.append(await one_rerun(ws))
        return times


# ----- the trace client process -------------------------------------------------------


def sink(port: int, token: str, mode: str) -> None:
    """Attach to the trace channel and consume everything until killed.

    ``mode``: ``inspector``, ``protocol`` (binary batches, as the inspector
    reads them) or ``json`` (JSON text, as other tools read them).
    """
    if mode == "inspector":
        from inspector.app import InspectorApp
        from inspector.launch import yield_cpu
        from inspector.sources import LiveSource

        yield_cpu()  # as ``minilit inspect`` does (run_inspector)

        app = InspectorApp(LiveSource(f"http://127.0.0.1:{port}", token))
        # Say "attached" once the hello arrived. (Patched on the instance, not by
        # subclassing: Textual looks for CSS_PATH beside the subclass's file.)
        on_hello = app.on_hello

        def attached(hello: dict[str, object]) -> None:
            on_hello(hello)
            print("attached", flush=True)

        setattr(app, "on_hello", attached)  # noqa: B010 - an instance attribute on purpose
        app.run(headless=True)
        return

    from inspector.launch import yield_cpu
    from inspector.sources import connect, deliver

    yield_cpu()  # as ``minilit trace --attach`` and ``minilit inspect`` do

    class NullSink:
        """Takes every message as the inspector's app would, and keeps nothing."""

        def on_hello(self, hello: object) -> None: ...
        def on_events(self, events: object, dropped: int) -> None: ...
        def on_gate(self, gate: object) -> None: ...
        def on_source(self, path: str, text: str) -> None: ...
        def on_reply(self, reply: object) -> None: ...
        def on_closed(self, reason: str) -> None: ...

    async def consume() -> None:
        encoding = "json" if mode == "json" else "marshal"
        conn = await connect(f"http://127.0.0.1:{port}", token, encoding=encoding)
        print("attached", flush=True)
        sink = NullSink()
        while True:
            message = await conn.read_message()
            if message is None:
                return
            await deliver(sink, message)  # the inspector's one decode path

    asyncio.run(consume())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="round trips per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per config")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.0,
        help="seconds of idle between reruns (0: back to back, the worst case; a person "
        "clicking leaves far more)",
    )
    parser.add_argument(
        "--consumer-encoding",
        choices=("marshal", "json"),
        default="marshal",
        help="how the headless consumer asks for events (the inspector always uses marshal)",
    )
    parser.add_argument(
        "--apps", default="counter.py,many_texts.py", help="comma-separated apps in bench/apps"
    )
    parser.add_argument(
        "--sink", nargs=3, metavar=("PORT", "TOKEN", "MODE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.sink:
        sink(int(args.sink[0]), args.sink[1], args.sink[2])
        return

    load_before = os.getloadavg()
    rows = []
    apps = [a for a in args.apps.split(",") if a]
    for app in apps:
        n = args.n if app == "counter.py" else max(60, args.n // 3)
        times: dict[str, list[float]] = {c: [] for c in CONFIGS}
        medians: dict[str, list[float]] = {c: [] for c in CONFIGS}
        cpu: dict[str, list[float]] = {c: [] for c in CONFIGS}
        for _ in range(args.rounds):
            for config in CONFIGS:
                with server(APPS / app, config, args.consumer_encoding) as (port, pid):
                    before = cpu_seconds(pid)
                    got = asyncio.run(round_trips(port, n, args.pace))
                    cpu[config].append((cpu_seconds(pid) - before) * 1000 / (n + 20))
                    times[config] += got
                    medians[config].append(statistics.median(got))
        base = statistics.median(medians["off"])
        base_cpu = statistics.median(cpu["off"])
        for config in CONFIGS:
            median = statistics.median(medians[config])
            server_cpu = statistics.median(cpu[config])
            rows.append(
                (
                    app,
                    config,
                    median,
                    pct(times[config], 0.9),
                    median / base,
                    server_cpu,
                    (server_cpu / base_cpu - 1) * 100 if base_cpu else 0.0,
                )
            )

    load_after = os.getloadavg()
    print(
        f"{'app':<14} {'tracing':<14} {'median ms':>10} {'p90 ms':>8} {'x off':>7}"
        f" {'server CPU ms/rerun':>20} {'vs off':>8}"
    )
    for app, config, median, p90, ratio, server_cpu, cpu_delta in rows:
        print(
            f"{app:<14} {config:<14} {median:>10.3f} {p90:>8.3f} {ratio:>6.2f}x"
            f" {server_cpu:>20.2f} {cpu_delta:>+7.1f}%"
        )
    print(
        f"{args.rounds} interleaved rounds, pace {args.pace} s, consumer encoding "
        f"{args.consumer_encoding}; median = median of per-round medians; server CPU from "
        "/proc (user+system)"
    )
    print(
        "load average (1, 5, 15 min): before "
        + " ".join(f"{x:.2f}" for x in load_before)
        + ", after "
        + " ".join(f"{x:.2f}" for x in load_after)
    )
    print("budget: 'on, consumer' and 'on, inspector' at most 1.10x 'off' (median)")


if __name__ == "__main__":
    main()
