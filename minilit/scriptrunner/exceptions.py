"""The control-flow exceptions a checkpoint raises inside the user's script.

Mirrors: streamlit/runtime/scriptrunner_utils/exceptions.py (ScriptControlException,
StopException, RerunException). As in Streamlit 1.56 and 1.67, the base derives
from ``BaseException``, not ``Exception``: a script's bare ``except Exception:``
around st.* calls does not swallow a stop or a rerun, so st.stop(), st.rerun(),
the Stop button and a rerun request end the run even inside such a block. Only
``except BaseException:`` (or a bare ``except:``) catches them, and a script that
does so keeps running until its next checkpoint outside the block.
"""

from __future__ import annotations

from minilit.scriptrunner.script_requests import RerunData


class ScriptControlException(BaseException):
    """Base of the exceptions that steer a running script.

    A ``BaseException`` so that user code's ``except Exception:`` lets it through.
    """


class StopException(ScriptControlException):
    """Raised at a checkpoint to end the run (st.stop(), Stop button, disconnect)."""


class RerunException(ScriptControlException):
    """Raised at a checkpoint to abandon this run and start again with new data."""

    def __init__(self, rerun_data: RerunData) -> None:
        super().__init__("rerun")
        self.rerun_data = rerun_data
