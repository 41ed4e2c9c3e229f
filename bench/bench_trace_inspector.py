"""The inspector ingesting one rerun of 10 000 deltas: time to render, refresh rate, lag.

Not a test: run ``python bench/bench_trace_inspector.py``. DESIGN.md section 8:
"The inspector stays responsive while a script emits 10 000 deltas."

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
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from inspector.app import InspectorApp
from inspector.sources import LiveSource
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


async def measure(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "many.py"
        script.write_text(
            f"import minilit as st\nfor i in range({n}):\n    st.text(f'line {{i}}')\n"
        )
        token = secrets.token_hex(16)
        proc, port = start_server(script, token)
        try:
            return await _measure_app(port, token, n)
        finally:
            proc.terminate()
            proc.wait(10)


async def _measure_app(port: int, token: str, n: int) -> dict[str, float]:
    from minilit.testing import AppClient

    url = f"http://127.0.0.1:{port}"
    app = InspectorApp(LiveSource(url, token))
    async with app.run_test(size=(160, 45)) as pilot:
        while app.connection != "live":
            await pilot.pause(0.05)
        client = await asyncio.to_thread(AppClient.connect, url)
        deltas = app.screen_stack[0].query_one("#delta-table", VirtualTable)
        frames = app.screen_stack[0].query_one("#frame-table", VirtualTable)
        lags: list[float] = []
        stop = False

        async def lag_probe() -> None:
            while not stop:
                start = time.perf_counter()
                await asyncio.sleep(0.01)
                lags.append((time.perf_counter() - start - 0.01) * 1000)

        probe = asyncio.create_task(lag_probe())
        done = threading.Event()
        refreshes0 = app.refreshes
        t0 = time.perf_counter()
        t_browser = [0.0]

        def browse() -> None:
            client.run(timeout=120)
            t_browser[0] = time.perf_counter() - t0
            done.set()

        threading.Thread(target=browse, daemon=True).start()
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
        ticks = app.refreshes - refreshes0
        stop = True
        await probe
        done.wait(120)
        client.close()
    lags.sort()
    return {
        "browser": t_browser[0],
        "model": t_model,
        "rendered": t_rendered,
        "hz": ticks / t_rendered,
        "lag50": statistics.median(lags),
        "lag95": lags[int(0.95 * len(lags))],
        "lagmax": lags[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="deltas in the run")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = [asyncio.run(measure(args.n)) for _ in range(args.repeat)]
    print(f"one rerun of {args.n} deltas, inspector attached (median of {args.repeat})")
    rows = [
        ("browser tab got the whole run", "browser", "s"),
        ("events in the model", "model", "s"),
        ("deltas + frames tables rendered", "rendered", "s"),
        ("UI refresh rate while ingesting", "hz", "Hz"),
        ("event-loop lag p50", "lag50", "ms"),
        ("event-loop lag p95", "lag95", "ms"),
        ("event-loop lag max", "lagmax", "ms"),
    ]
    for label, key, unit in rows:
        values = [r[key] for r in results]
        print(
            f"  {label:<34} {statistics.median(values):>8.2f} {unit:<3}"
            f"  (runs: {', '.join(f'{v:.2f}' for v in values)})"
        )


if __name__ == "__main__":
    main()
