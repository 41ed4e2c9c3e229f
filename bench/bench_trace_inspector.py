"""The inspector ingesting one rerun of 10 000 deltas: time to render, refresh rate, lag.

Not a test: run ``python bench/bench_trace_inspector.py``. DESIGN.md section 8:
"The inspector ingests 10,000 deltas in at most 1 s and keeps a 10 Hz refresh."

A real server runs ``for i in range(N): st.text(...)`` in its own process with
``--inspect``; the real inspector (``InspectorApp``, Textual's headless driver,
so every widget is laid out and rendered as on a terminal) attaches over the
trace channel; a headless browser tab (minilit.testing.AppClient, on its own
thread) asks for one rerun. Measured:

    browser           time from the rerun request until the browser tab has the run
                      (the server's own pace, tracing on: the floor for the rest)
    events in model   time from the rerun request until the model holds the run's
                      N sent deltas (protocol + decoding + model)
    rendered          ... until the deltas table and the frame log show every row
    refresh rate      widget refresh ticks per second during that time (target 10)
    loop lag          how late a 10 ms timer on the inspector's event loop fires
                      (p50 / p95 / max): the delay a key press would see

Those figures include the server's own pace. The budget is the inspector's part, so
the trace messages of that run, kept as received, are then fed again to a fresh
inspector through the same code (``inspector.sources.deliver``: JSON decoding, chunks
of ``CHUNK`` events, yielding to the event loop in between), as fast as a socket
would hand them over, with no server and no browser running:

    ingest: model     time until the model holds the N sent deltas
    ingest: tables    ... until the deltas table and the frame log show every row
                      (the budget: at most 1.0 s)
    ingest: refresh   refresh ticks per second meanwhile (the budget: at least 10 Hz)
    ingest: CPU       CPU time the inspector's process used until then (less noisy than
                      the wall-clock figures when other processes share the machine)

Machines are shared, so the load average is printed before and after.
``--keep FILE`` saves the messages of the last run; ``--replay FILE`` measures only the
replay of saved messages (no server: quick, for profiling the inspector).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from inspector.app import InspectorApp
from inspector.sources import LiveSource, Sink, deliver
from inspector.widgets.virtual_table import VirtualTable


def start_server(script: Path, token: str) -> tuple[subprocess.Popen[bytes], int]:
    from inspector.launch import TRACE_LINE

    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    log = tempfile.TemporaryFile()  # noqa: SIM115 - open while the server runs
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minilit",
            "run",
            str(script),
            "--inspect",
            "--server.traceToken",
            token,
            "--server.headless",
            "true",
            "--server.port",
            "0",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        log.seek(0)
        match = TRACE_LINE.search(log.read().decode("utf-8", "replace"))
        if match:
            return proc, int(match.group(1))
        time.sleep(0.05)
    proc.kill()
    raise TimeoutError("server did not start")


Messages = list[str | bytes]
"""Trace messages as received: JSON text, or binary ``events`` batches."""


def save_messages(path: Path, n: int, before: Messages, during: Messages) -> None:
    """Write kept messages as JSON (binary ones in base64)."""

    def encode(messages: Messages) -> list[dict[str, str]]:
        return [
            {"b64": base64.b64encode(m).decode()} if isinstance(m, bytes) else {"text": m}
            for m in messages
        ]

    path.write_text(json.dumps({"n": n, "before": encode(before), "during": encode(during)}))


def load_messages(path: Path) -> tuple[int, Messages, Messages]:
    """What ``save_messages`` wrote: (n, before, during)."""
    saved = json.loads(path.read_text())

    def decode(items: list[dict[str, str]]) -> Messages:
        return [base64.b64decode(i["b64"]) if "b64" in i else i["text"] for i in items]

    return int(saved["n"]), decode(saved["before"]), decode(saved["during"])


class KeepingLiveSource(LiveSource):
    """A ``LiveSource`` that keeps every message it receives, for the replay."""

    def __init__(self, url: str, token: str) -> None:
        super().__init__(url, token)
        self.messages: list[str | bytes] = []

    async def receive(self, sink: Sink, text: str | bytes) -> None:
        self.messages.append(text)
        await super().receive(sink, text)


class ReplaySource:
    """Hands kept messages to the app: ``before`` at once, ``during`` once ``go`` is set."""

    live = True
    description = "replay"

    def __init__(self, before: Messages, during: Messages) -> None:
        self.before = before
        self.during = during
        self.go = asyncio.Event()

    async def run(self, sink: Sink) -> None:
        for text in self.before:
            await deliver(sink, text)
        await self.go.wait()
        for text in self.during:
            await deliver(sink, text)
            await asyncio.sleep(0)  # as reading the next frame from a socket would

    async def send(self, command: Mapping[str, Any]) -> None:
        pass


class Probe:
    """How late a 10 ms timer fires on the running loop (ms), until stopped."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self.stopped = False
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while not self.stopped:
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            self.lags.append((time.perf_counter() - start - 0.01) * 1000)

    async def stop(self) -> dict[str, float]:
        self.stopped = True
        await self.task
        lags = sorted(self.lags)
        return {
            "lag50": statistics.median(lags),
            "lag95": lags[int(0.95 * len(lags))],
            "lagmax": lags[-1],
        }


async def wait_drawn(app: InspectorApp, n: int, t0: float) -> tuple[float, float]:
    """(model, rendered): seconds since ``t0`` until the model, then both tables, hold N."""
    screen = app.screen_stack[0]
    deltas = screen.query_one("#delta-table", VirtualTable)
    frames = screen.query_one("#frame-table", VirtualTable)
    t_model = t_rendered = 0.0
    while not t_rendered:
        await asyncio.sleep(0.005)
        runs = app.model.runs
        if not t_model and runs and runs[-1].sent_deltas >= n:
            t_model = time.perf_counter() - t0
        if t_model and deltas.row_count >= n and frames.row_count >= n:
            t_rendered = time.perf_counter() - t0
        if time.perf_counter() - t0 > 300:
            raise TimeoutError("the inspector did not catch up within 300 s")
    return t_model, t_rendered


async def replay(before: Messages, during: Messages, n: int) -> dict[str, float]:
    """The inspector alone: kept messages fed to a fresh app; see the module docstring."""
    source = ReplaySource(before, during)
    app = InspectorApp(source)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause(0.2)
        probe = Probe()
        refreshes0 = app.refreshes
        t0, cpu0 = time.perf_counter(), time.process_time()
        source.go.set()
        t_model, t_rendered = await wait_drawn(app, n, t0)
        cpu = time.process_time() - cpu0
        ticks = app.refreshes - refreshes0
        lags = await probe.stop()
    return {
        "ingest_model": t_model,
        "ingest_rendered": t_rendered,
        "ingest_cpu": cpu,
        "ingest_hz": ticks / t_rendered,
        **{f"ingest_{k}": v for k, v in lags.items()},
    }


async def measure(n: int, keep: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "many.py"
        script.write_text(
            f"import minilit as st\nfor i in range({n}):\n    st.text(f'line {{i}}')\n"
        )
        token = secrets.token_hex(16)
        proc, port = start_server(script, token)
        try:
            return await _measure_app(port, token, n, keep)
        finally:
            proc.terminate()
            proc.wait(10)


async def _measure_app(port: int, token: str, n: int, keep: Path | None) -> dict[str, float]:
    from minilit.testing import AppClient

    url = f"http://127.0.0.1:{port}"
    source = KeepingLiveSource(url, token)
    app = InspectorApp(source)
    async with app.run_test(size=(160, 45)) as pilot:
        while app.connection != "live":
            await pilot.pause(0.05)
        client = await asyncio.to_thread(AppClient.connect, url)
        await pilot.pause(0.2)
        kept_before = len(source.messages)
        probe = Probe()
        done = threading.Event()
        refreshes0 = app.refreshes
        t0 = time.perf_counter()
        t_browser = [0.0]

        def browse() -> None:
            client.run(timeout=120)
            t_browser[0] = time.perf_counter() - t0
            done.set()

        threading.Thread(target=browse, daemon=True).start()
        t_model, t_rendered = await wait_drawn(app, n, t0)
        ticks = app.refreshes - refreshes0
        lags = await probe.stop()
        done.wait(120)
        client.close()
    before, during = source.messages[:kept_before], source.messages[kept_before:]
    if keep is not None:
        save_messages(keep, n, before, during)
    ingest = await replay(before, during, n)
    return {
        "browser": t_browser[0],
        "model": t_model,
        "rendered": t_rendered,
        "hz": ticks / t_rendered,
        **lags,
        **ingest,
    }


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} ({os.cpu_count()} CPUs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="deltas in the run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="save the last run's trace messages here")
    parser.add_argument("--replay", type=Path, help="only replay messages saved with --keep")
    args = parser.parse_args()
    print(f"before: {load_average()}")
    if args.replay:
        n, before, during = load_messages(args.replay)
        results = [asyncio.run(replay(before, during, n)) for _ in range(args.repeat)]
        print(f"replay of one rerun of {n} deltas (median of {args.repeat})")
    else:
        results = [asyncio.run(measure(args.n, args.keep)) for _ in range(args.repeat)]
        print(f"one rerun of {args.n} deltas, inspector attached (median of {args.repeat})")
    rows = [
        ("browser tab got the whole run", "browser", "s"),
        ("events in the model", "model", "s"),
        ("deltas + frames tables rendered", "rendered", "s"),
        ("UI refresh rate while ingesting", "hz", "Hz"),
        ("event-loop lag p50", "lag50", "ms"),
        ("event-loop lag p95", "lag95", "ms"),
        ("event-loop lag max", "lagmax", "ms"),
        ("ingest alone: events in the model", "ingest_model", "s"),
        ("ingest alone: tables rendered (<= 1)", "ingest_rendered", "s"),
        ("ingest alone: CPU time used", "ingest_cpu", "s"),
        ("ingest alone: refresh rate (>= 10)", "ingest_hz", "Hz"),
        ("ingest alone: event-loop lag p95", "ingest_lag95", "ms"),
        ("ingest alone: event-loop lag max", "ingest_lagmax", "ms"),
    ]
    for label, key, unit in rows:
        if key not in results[0]:
            continue
        values = [r[key] for r in results]
        print(
            f"  {label:<38} {statistics.median(values):>8.2f} {unit:<3}"
            f"  (runs: {', '.join(f'{v:.2f}' for v in values)})"
        )
    print(f"after: {load_average()}")


if __name__ == "__main__":
    main()
