"""The control-flow exceptions a checkpoint raises inside the user's script.

Mirrors: streamlit/runtime/scriptrunner_utils/exceptions.py (StopException,
RerunException). Like Streamlit's, they derive from ``Exception``, so a
script's bare ``except Exception:`` around st.* calls can swallow a stop or a
rerun; minilit keeps that trap because students meet it in the real thing.
"""

from __future__ import annotations

from minilit.scriptrunner.script_requests import RerunData


class ScriptControlException(Exception):
    """Base of the exceptions that steer a running script."""


class StopException(ScriptControlException):
    """Raised at a checkpoint to end the run (st.stop(), Stop button, disconnect)."""


class RerunException(ScriptControlException):
    """Raised at a checkpoint to abandon this run and start again with new data."""

    def __init__(self, rerun_data: RerunData) -> None:
        super().__init__("rerun")
        self.rerun_data = rerun_data
