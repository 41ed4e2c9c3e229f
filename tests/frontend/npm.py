"""Running the frontend's npm scripts from pytest (not in Streamlit).

The frontend (``frontend/``) is built and unit-tested with Node. These
helpers let the one ``pytest`` command run both: they install the locked
dependencies with ``npm ci`` when ``node_modules`` is missing or older than
``package-lock.json``, then run an npm script and return its output.

A missing Node/npm is a test failure, not a skip: the committed build and
the Vitest suite are part of what the test command checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FRONTEND = REPO / "frontend"
STATIC = REPO / "minilit" / "static"


def npm_executable() -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise AssertionError("npm is not installed; the frontend checks need Node.js 20 and npm")
    return npm


def run_npm(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``npm ARGS`` in frontend/ and return the finished process."""
    env = {**os.environ, "CI": "true", "NO_COLOR": "1", "FORCE_COLOR": "0"}
    return subprocess.run(
        [npm_executable(), *args],
        cwd=FRONTEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def ensure_node_modules() -> None:
    """``npm ci`` unless node_modules matches package-lock.json already."""
    installed = FRONTEND / "node_modules" / ".package-lock.json"
    lock = FRONTEND / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    result = run_npm("ci", timeout=600)
    assert result.returncode == 0, f"npm ci failed:\n{result.stdout}\n{result.stderr}"
