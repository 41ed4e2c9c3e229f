"""A pytest plugin that records every lesson test's outcome and time, for watch and reports.

Not in Streamlit. ``lessons.framework.runner.run_pytest`` starts pytest with
``-p lessons.framework.results`` and ``MINILIT_LESSON_RESULTS`` naming a file; this plugin
appends one JSON object per finished test to it::

    {"nodeid": "lessons/01-the-server/exercise/test_l01_exercise.py::test_x",
     "outcome": "passed" | "failed" | "error" | "skipped",
     "duration": 0.123,            # seconds: setup + call + teardown
     "message": "AssertionError: ...",   # the failure's last line, "" when it passed
     "claims": ["L01.C3"]}         # the README claims the test proves (@claim)

``error`` is a failure outside the test itself (a fixture's setup or teardown), as
pytest's own summary counts it. Without the variable the plugin does nothing, so plain
``pytest`` is unaffected.

Receives: pytest's reports, in the pytest subprocess. Hands to: a JSON-lines file that
lessons.framework.runner reads (and lessons.framework.report / watch present).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

import pytest

RESULTS_ENV = "MINILIT_LESSON_RESULTS"
"""The JSON-lines file this plugin appends to (unset: the plugin is idle)."""


@dataclass
class _Pending:
    outcome: str = "passed"
    duration: float = 0.0
    message: str = ""
    claims: list[str] = field(default_factory=list)


_CLAIMS: dict[str, list[str]] = {}
_PENDING: dict[str, _Pending] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        ids = getattr(getattr(item, "function", None), "__minilit_claims__", ())
        _CLAIMS[item.nodeid] = [str(i) for i in ids]


def _message(report: pytest.TestReport) -> str:
    """The line a student reads first: the exception (or the reason for a skip)."""
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2]).removeprefix("Skipped: ")
    crash: Any = getattr(report.longrepr, "reprcrash", None)
    text = str(getattr(crash, "message", "") or "") or report.longreprtext
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0][:500] if lines else ""


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not os.environ.get(RESULTS_ENV):
        return
    pending = _PENDING.setdefault(report.nodeid, _Pending(claims=_CLAIMS.get(report.nodeid, [])))
    pending.duration += report.duration
    if pending.outcome != "passed":
        return  # keep the first thing that went wrong
    if report.failed:
        pending.outcome = "failed" if report.when == "call" else "error"
        pending.message = _message(report)
    elif report.skipped:
        pending.outcome = "skipped"
        pending.message = _message(report)


def pytest_runtest_logfinish(nodeid: str) -> None:
    path = os.environ.get(RESULTS_ENV)
    pending = _PENDING.pop(nodeid, None)
    if not path or pending is None:
        return
    line = {
        "nodeid": nodeid,
        "outcome": pending.outcome,
        "duration": round(pending.duration, 4),
        "message": pending.message,
        "claims": pending.claims,
    }
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
