"""Events shared by a browser test and the app it serves (the server runs in the test's
process), so a test can hold an app's script at a known point and release it."""

import threading

SPINNER = threading.Event()
"""Set by tests/browser/test_status_elements.py to end status_app.py's spinner block."""
