"""st.stop and st.rerun: end or restart the run from inside the script.

Mirrors: streamlit/commands/execution_control.py. Both raise the exception a
checkpoint would raise (StopException, RerunException; Note [Checkpoints] in
scriptrunner/script_runner.py); Streamlit gets there by posting a request and
passing a checkpoint, which ends the same way. Simplified: ``scope`` is "app" or
"fragment" (1.67 also takes fragment keys); st.rerun() inside a callback behaves like
elsewhere (Streamlit 1.67 collects it as a "rerun vote" instead).
"""

from __future__ import annotations

from typing import NoReturn

from minilit.errors import MinilitAPIException
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


def rerun(*, scope: str = "app") -> NoReturn:
    """Abandon this run and start the script again (widget values are kept).

    ``scope="fragment"`` reruns only the fragment that is running, and only during
    a fragment run (as 1.67: during a full run it is an error).
    """
    if scope not in ("app", "fragment"):
        raise MinilitAPIException(
            f"`scope` must be 'app' or 'fragment' in minilit (1.67 also takes fragment "
            f"keys), not {scope!r}."
        )
    ctx = get_script_run_ctx()
    queue: tuple[str, ...] = ()
    if scope == "fragment":
        if ctx is None or not ctx.fragment_ids_this_run:
            # 1.67's StreamlitInvalidLayoutContextError, word for word.
            raise MinilitAPIException(
                'scope="fragment" can only be specified from `@st.fragment`-decorated '
                "functions during fragment reruns."
            )
        # The running fragment and the ones queued after it (1.67's dropwhile).
        running = ctx.fragment_ids_this_run
        current = ctx.current_fragment_id
        queue = tuple(running[running.index(current) :] if current in running else running)
    data = RerunData(
        widget_states=None,
        query_string=ctx.query_string if ctx else "",
        cause="st.rerun",
        fragment_id_queue=queue,
        is_fragment_scoped_rerun=bool(queue),
    )
    raise RerunException(data)
