"""What every benchmark in bench/ needs: a free port, a process's CPU time, a percentile.

Not in Streamlit. The benchmarks are scripts (``python bench/bench_x.py``), so
this module is found beside them on ``sys.path``.
"""

from __future__ import annotations

import os
from pathlib import Path

from minilit.testing.connection import free_port

__all__ = ["cpu_seconds", "free_port", "pct"]


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
