"""Lets a test hold fragment_app.py's fragment run at a known point (same process)."""

import threading

hold = threading.Event()
"""Set: the next fragment run waits at the gate."""
reached = threading.Event()
release = threading.Event()
