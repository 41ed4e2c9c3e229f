"""st.cache_data hit on a 10 MB result: minilit against Streamlit 1.67, measured in the script.

Not a test: ``python bench/bench_cache.py [--runs N]``. The same app
(bench/apps/cache_hit.py) runs on both servers, each in its own process, driven by the
same headless client (minilit.testing.AppClient). The app times the calls itself with
``time.perf_counter`` and prints them, so the figures are what a script sees: the first
call (a miss: compute, pickle, store) and the median and best of 20 hits (look up,
unpickle a fresh copy). Run 1 is the cold one; later runs are all hits, and the table
shows their medians too. Two values: 10 MiB of bytes (one big object) and 500,000
small tuples (about 10 MB pickled; unpickling builds every object again).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchlib import free_port  # noqa: E402

from minilit.testing import AppClient  # noqa: E402
from minilit.testing.connection import wait_until_healthy  # noqa: E402
from tests.realstreamlit import real_streamlit  # noqa: E402

APP = REPO / "bench" / "apps" / "cache_hit.py"


@contextmanager
def minilit_server() -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    argv = [sys.executable, "-m", "minilit", "run", str(APP), "--server.port", str(port)]
    argv += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, 20)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def streamlit_server() -> Iterator[str]:
    with real_streamlit(APP) as server:
        yield server.url


def measure(url: str, runs: int) -> dict[str, list[tuple[int, float, float, float]]]:
    """name -> per run (pickled bytes, first call ms, median hit ms, best hit ms)."""
    out: dict[str, list[tuple[int, float, float, float]]] = {}
    with AppClient.connect(url, default_timeout=120) as app:
        for _ in range(runs):
            app.run()
            for text in app.text:
                name, size, first, median, best = str(text.value).split()
                out.setdefault(name, []).append(
                    (int(size), float(first), float(median), float(best))
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for label, server in (("minilit", minilit_server), ("Streamlit 1.67", streamlit_server)):
        with server() as url:
            figures = measure(url, args.runs)
        for name, per_run in figures.items():
            size = per_run[0][0]
            cold = per_run[0]
            warm_first = statistics.median(r[1] for r in per_run[1:]) if len(per_run) > 1 else 0
            hit = statistics.median(r[2] for r in per_run)
            best = min(r[3] for r in per_run)
            rows.append((label, name, size, cold[1], warm_first, hit, best))
    print(f"st.cache_data on a 10 MB result, {args.runs} runs, times in ms measured in the script")
    header = ("server", "value", "pickled MB", "miss", "1st call, later runs", "hit median")
    header += ("hit best",)
    print("{:<16}{:<9}{:>11}{:>10}{:>22}{:>12}{:>10}".format(*header))
    for label, name, size, miss, warm, hit, best in rows:
        print(
            f"{label:<16}{name:<9}{size / 1e6:>11.1f}{miss:>10.1f}{warm:>22.2f}"
            f"{hit:>12.2f}{best:>10.2f}"
        )


if __name__ == "__main__":
    main()
