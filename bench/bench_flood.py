"""Flood benchmark: an observer session's rerun latency while another connection floods.

Not a test: run it with ``python bench/bench_flood.py`` (``--help`` for the
knobs). Three processes on loopback: the server (``python -m minilit run``),
the flooder (this script with ``--flooder``), and the observer (this
process). The observer reruns bench/apps/counter.py and times each round
trip (rerun_script sent -> script_finished received), first on a quiet
server, then while the flooder sends, as fast as its socket takes them:

    fuzz    the seeded corpus of tests/security/backmsg_fuzz.py; after a
            frame that does not parse (the server closes the socket with
            1002) it opens a new socket at once, without waiting
    rerun   valid rerun_script frames on one socket, replies read and dropped

The target (issue 17): the observer's p99 under 50 ms during either flood.
The load average is printed with the figures: on a shared 2-core machine it
moves them more than anything minilit does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import websockets
from benchlib import free_port, pct

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import wait_until_healthy

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "bench" / "apps" / "counter.py"
RERUN = BackMsg(rerun_script={}).SerializeToString()


@contextmanager
def server(app: Path) -> Iterator[int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    args = [sys.executable, "-m", "minilit", "run", str(app), "--server.port", str(port)]
    args += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    args += ["--server.fileWatcherType", "none"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", timeout=10.0)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def flooder(port: int, mode: str, seconds: float) -> Iterator[None]:
    args = [sys.executable, __file__, "--flooder", str(port), "--mode", mode]
    args += ["--seconds", str(seconds)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)  # let it get going
    try:
        yield
    finally:
        proc.terminate()
        out, _ = proc.communicate(10)
        if out:
            print(f"    flooder: {out.strip()}")


def ws_url(port: int) -> str:
    return f"ws://127.0.0.1:{port}/_stcore/stream"


async def observe(port: int, n: int) -> list[float]:
    """n rerun round trips, 5 ms apart, in ms."""
    async with websockets.connect(ws_url(port), subprotocols=["streamlit"], max_size=None) as ws:  # type: ignore[list-item]
        times = []
        for i in range(n + 10):
            start = time.perf_counter()
            await ws.send(RERUN)
            while True:
                msg = ForwardMsg.FromString(await ws.recv())
                if msg.WhichOneof("type") == "script_finished":
                    if i >= 10:  # the first ten warm up
                        times.append((time.perf_counter() - start) * 1000)
                    break
            ForwardMsg.FromString(await ws.recv())  # the not-running status
            await asyncio.sleep(0.005)
        return times


# --- The flooder process ------------------------------------------------------


async def flood(port: int, mode: str, seconds: float) -> str:
    sys.path.insert(0, str(REPO))  # the corpus lives with the fuzz test
    from google.protobuf.message import DecodeError

    from tests.security.backmsg_fuzz import frames

    deadline = time.monotonic() + seconds
    sent = sockets = 0
    stop = asyncio.get_running_loop().create_future()
    # The observer ends the flood with SIGTERM: finish the frame, then report.
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)

    async def discard(ws: websockets.ClientConnection) -> None:
        try:
            async for _ in ws:
                pass
        except websockets.ConnectionClosed:
            pass

    while time.monotonic() < deadline and not stop.done():
        # A short close_timeout: an attacker does not wait for closing handshakes.
        ws = await websockets.connect(ws_url(port), subprotocols=["streamlit"], close_timeout=0.1)  # type: ignore[list-item]
        sockets += 1
        reader = asyncio.create_task(discard(ws))
        corpus = frames(sockets, 10_000) if mode == "fuzz" else iter(lambda: RERUN, None)
        try:
            for frame in corpus:
                await ws.send(frame)
                sent += 1
                if mode == "fuzz":
                    try:
                        BackMsg.FromString(frame)
                    except DecodeError:
                        break  # the server closes this one: open another at once
                if time.monotonic() >= deadline or stop.done():
                    break
        except websockets.ConnectionClosed:
            pass
        await ws.close()
        reader.cancel()
    return f"{sent} frames on {sockets} sockets"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=400, help="observer reruns per phase")
    parser.add_argument("--mode", choices=["fuzz", "rerun", "both"], default="both")
    parser.add_argument("--flooder", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=60.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flooder:
        print(asyncio.run(flood(args.flooder, args.mode, args.seconds)))
        return
    modes = ["fuzz", "rerun"] if args.mode == "both" else [args.mode]
    print(
        f"observer: {args.samples} reruns of {APP.name} per phase; load average at start "
        f"{os.getloadavg()[0]:.2f}"
    )
    print(f"{'phase':<16}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'load 1m':>9}")
    with server(APP) as port:
        phases = [("quiet", None), *[(f"{m} flood", m) for m in modes]]
        for name, mode in phases:
            if mode is None:
                times = asyncio.run(observe(port, args.samples))
            else:
                with flooder(port, mode, 120):
                    times = asyncio.run(observe(port, args.samples))
            print(
                f"{name:<16}{pct(times, 0.5):>9.2f}{pct(times, 0.99):>9.2f}"
                f"{max(times):>9.2f}{os.getloadavg()[0]:>9.2f}"
            )


if __name__ == "__main__":
    main()
