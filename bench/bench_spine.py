"""Spine benchmarks: start-up, rerun round trips, concurrency. Prints a table.

Not a test: run it with ``python bench/bench_spine.py`` and compare with the
budgets of DESIGN.md section 8. The server runs in its own process (started
with ``python -m minilit run``), the client is this process, both on
loopback, so the figures include real sockets and real protobuf both ways.

    budget                                 minilit       Streamlit 1.67 (measured elsewhere)
    start to healthy                       <= 0.3 s      0.35-0.65 s
    trivial rerun round trip (median)      <= 3 ms       75-85 ms
    200 text elements (median)             <= 15 ms      50-70 ms
    20 concurrent sessions                 >= 400 /s     ~25 /s
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import websockets
from benchlib import free_port, pct, start_minilit

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg

APPS = Path(__file__).resolve().parent / "apps"
RERUN = BackMsg(rerun_script={}).SerializeToString()


def wait_healthy(port: int, timeout: float = 10.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.005)
    raise TimeoutError("server did not become healthy")


@contextmanager
def server(app: Path) -> Iterator[tuple[int, float]]:
    """Start ``minilit run app`` in a subprocess; yield (port, seconds to healthy)."""
    port = free_port()
    start = time.perf_counter()
    proc = start_minilit(app, port)
    try:
        wait_healthy(port)
        yield port, time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(10)


async def one_rerun(ws: websockets.ClientConnection) -> float:
    start = time.perf_counter()
    await ws.send(RERUN)
    while True:
        msg = ForwardMsg.FromString(await ws.recv())
        if msg.WhichOneof("type") == "script_finished":
            return (time.perf_counter() - start) * 1000


async def drain_status(ws: websockets.ClientConnection) -> None:
    """Read the trailing not-running status so the next timing starts clean."""
    ForwardMsg.FromString(await ws.recv())


async def round_trips(port: int, n: int) -> list[float]:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:  # type: ignore[list-item]
        for _ in range(20):  # warm up: compile cache, thread pools
            await one_rerun(ws)
            await drain_status(ws)
        times = []
        for _ in range(n):
            times.append(await one_rerun(ws))
            await drain_status(ws)
        return times


async def concurrent(port: int, sessions: int, seconds: float) -> tuple[int, list[float]]:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []

    async def client() -> int:
        done = 0
        async with websockets.connect(url, subprotocols=["streamlit"]) as ws:  # type: ignore[list-item]
            await one_rerun(ws)
            await drain_status(ws)
            while time.perf_counter() < deadline:
                latencies.append(await one_rerun(ws))
                await drain_status(ws)
                done += 1
        return done

    counts = await asyncio.gather(*(client() for _ in range(sessions)))
    return sum(counts), latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="round trips per measurement")
    parser.add_argument("--seconds", type=float, default=5.0, help="concurrency duration")
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    starts = []
    for _ in range(5):
        with server(APPS / "counter.py") as (_, healthy):
            starts.append(healthy)
    rows.append(
        ("server start to healthy (median of 5)", f"{statistics.median(starts):.3f} s", "<= 0.3 s")
    )

    with server(APPS / "counter.py") as (port, _):
        times = asyncio.run(round_trips(port, args.n))
        rows.append(
            ("counter rerun round trip, median", f"{statistics.median(times):.2f} ms", "<= 3 ms")
        )
        rows.append(("counter rerun round trip, p99", f"{pct(times, 0.99):.2f} ms", ""))
        total, lat = asyncio.run(concurrent(port, 20, args.seconds))
        rows.append(
            (
                "20 sessions rerunning, aggregate",
                f"{total / args.seconds:.0f} reruns/s",
                ">= 400 /s",
            )
        )
        rows.append(
            ("20 sessions, p50 / p99 latency", f"{pct(lat, 0.5):.1f} / {pct(lat, 0.99):.1f} ms", "")
        )

    with server(APPS / "many_texts.py") as (port, _):
        times = asyncio.run(round_trips(port, max(50, args.n // 3)))
        rows.append(
            (
                "200 text elements round trip, median",
                f"{statistics.median(times):.2f} ms",
                "<= 15 ms",
            )
        )
        rows.append(("200 text elements round trip, p99", f"{pct(times, 0.99):.2f} ms", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'result':>18}  budget")
    for name, value, budget in rows:
        print(f"{name:<{width}}  {value:>18}  {budget}")


if __name__ == "__main__":
    main()
