"""Events shared by a browser test and the app it serves (the server runs in the test's
process), so a test can hold an app's script at a known point and release it."""

import threading

SPINNER = threading.Event()
"""Set by tests/browser/test_status_elements.py to end status_app.py's spinner block."""


class Gate:
    """A point in an app's script where a run waits while the test holds the gate.

    The test ``arm()``s it; the next run that reaches ``wait_here()`` says so
    (``reached``) and waits until the test ``open()``s it. A run that reaches it
    while it is not armed goes straight on.
    """

    def __init__(self) -> None:
        self.hold = threading.Event()
        self.reached = threading.Event()
        self.release = threading.Event()

    def arm(self) -> None:
        self.reached.clear()
        self.release.clear()
        self.hold.set()

    def open(self) -> None:
        self.hold.clear()
        self.release.set()

    def wait_here(self, timeout: float = 10) -> None:
        """The app's side: wait here if the test has armed the gate."""
        if self.hold.is_set():
            self.reached.set()
            self.release.wait(timeout)


FRAGMENT = Gate()
"""In fragment_app.py's fragment, after its first element (tests/browser/test_fragments.py)."""
INTERRUPT = Gate()
"""Halfway through interrupt_app.py (tests/browser/test_interrupt.py)."""
