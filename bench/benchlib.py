"""What the benchmarks in bench/ share: a free port, a minilit server in its own process,
a process's CPU time, a percentile, a median with its error.

Not in Streamlit. The benchmarks are scripts (``python bench/bench_x.py``), so
this module is found beside them on ``sys.path``.
"""

from __future__ import annotations

import os
import random
import secrets
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from minilit.testing.connection import wait_until_healthy
from minilit.testing.ports import free_port

__all__ = [
    "child_env",
    "cpu_seconds",
    "free_port",
    "median_and_error",
    "minilit_server",
    "pct",
    "start_minilit",
]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, by rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def median_and_error(
    values: list[float], groups: list[int] | None = None, resamples: int = 400
) -> tuple[float, float]:
    """The median of ``values`` and its standard error, by bootstrap (seeded: the same
    figures each time for the same values).

    ``groups`` names the group of each value (the server process it was measured
    on, say). Then each resample draws groups first and values within them, so that
    the error includes how much the groups differ, which one group cannot show.
    """
    rng = random.Random(0)
    if groups is None:
        groups = [0] * len(values)
    members: dict[int, list[float]] = {}
    for value, group in zip(values, groups, strict=True):
        members.setdefault(group, []).append(value)
    clusters = list(members.values())
    medians = []
    for _ in range(resamples):
        sample: list[float] = []
        for cluster in rng.choices(clusters, k=len(clusters)):
            sample += rng.choices(cluster, k=len(cluster))
        medians.append(statistics.median(sample))
    error = statistics.stdev(medians) if len(values) > 1 else 0.0
    return statistics.median(values), error


def child_env(tree: Path | None = None) -> dict[str, str]:
    """This environment without ``MINILIT_*`` settings: a bench's processes run with
    minilit's defaults, whatever the shell that started the bench has set. With
    ``tree``, another checkout of minilit, they import its code instead of the
    installed one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), env.get("PYTHONPATH")]))
    return env


def start_minilit(
    app: Path, port: int, *flags: str, tree: Path | None = None
) -> subprocess.Popen[bytes]:
    """``minilit run app`` on a loopback ``port``, headless, its output discarded.

    ``tree``: another checkout of minilit whose code the server should run
    instead of the installed one (it runs there, and imports from there first).
    """
    args = [sys.executable, "-m", "minilit", "run", str(app), "--server.port", str(port)]
    args += ["--server.address", "127.0.0.1", "--server.headless", "true", *flags]
    return subprocess.Popen(
        args, env=child_env(tree), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tree
    )


@contextmanager
def minilit_server(
    app: Path, inspect: bool = True, tree: Path | None = None
) -> Iterator[tuple[int, int, str]]:
    """``minilit run app`` (with ``--inspect`` if asked; from ``tree`` if given, see
    ``start_minilit``). Yields (port, pid, trace token)."""
    port = free_port()
    token = secrets.token_hex(16)  # no leading "-" (argparse would take it for a flag)
    flags = ["--inspect", "--server.traceToken", token] if inspect else []
    proc = start_minilit(app.resolve(), port, *flags, tree=tree)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", timeout=15.0)
        yield port, proc.pid, token
    finally:
        proc.terminate()
        proc.wait(10)
