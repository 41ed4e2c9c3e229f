"""Fixtures for the whole suite under tests/."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

SCRIPT_THREAD = "ScriptRunner.scriptThread"
"""The name every script thread has (minilit/scriptrunner/script_runner.py)."""
SETTLE = 1.0
"""Longest a test's teardown waits for the script threads it left running (seconds)."""


@pytest.fixture(autouse=True)
def _script_threads_settle() -> Iterator[None]:
    """Let the script threads a test started end before the next test starts.

    Stopping a server asks its script threads to stop; it does not wait for
    them (nor does Streamlit's). A thread still on its way out publishes its
    last trace events on the process's one bus, where the next test's
    subscriber would read them as its own. Threads that were running before
    the test (a module's shared server) are not waited for, and a thread that
    does not end within SETTLE (a script looping without st calls) is left
    as before: this is hygiene between tests, not a check.
    """
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + SETTLE
    while any(
        t.name == SCRIPT_THREAD and t not in before and t.is_alive() for t in threading.enumerate()
    ):
        if time.monotonic() > deadline:
            return
        time.sleep(0.01)
