"""Lets a test hold interrupt_app.py's run halfway (the server runs in the test's process)."""

import threading

hold = threading.Event()
"""Set: the next run waits at the gate, after its first half."""
reached = threading.Event()
release = threading.Event()
