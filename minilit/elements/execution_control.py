"""st.stop and st.rerun: end or restart the run from inside the script.

Mirrors: streamlit/commands/execution_control.py. Both raise the exception a
checkpoint would raise (StopException, RerunException; Note [Checkpoints] in
scriptrunner/script_runner.py); Streamlit gets there by posting a request and
passing a checkpoint, which ends the same way. Simplified: no fragment scope; st.rerun()
inside a callback behaves like elsewhere (Streamlit 1.67 collects it as a
"rerun vote" instead).
"""

from __future__ import annotations

from typing import NoReturn

from minilit.scriptrunner.exceptions import RerunException, StopException
from minilit.scriptrunner.script_requests import RerunData
from minilit.scriptrunner.script_run_context import get_script_run_ctx


def stop() -> NoReturn:
    """End this run now, quietly; what was drawn so far stays."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        # Asked for, then raised (as in Streamlit 1.67): a script that swallows the
        # exception with a bare except meets the stop again at its next st.* call.
        ctx.script_requests.request_stop()
    raise StopException()


def rerun() -> NoReturn:
    """Abandon this run and start the script again (widget values are kept)."""
    ctx = get_script_run_ctx()
    data = RerunData(
        widget_states=None, query_string=ctx.query_string if ctx else "", cause="st.rerun"
    )
    raise RerunException(data)
