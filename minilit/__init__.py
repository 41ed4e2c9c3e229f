"""minilit: Streamlit's backend in miniature. ``import minilit as st``.

Mirrors: streamlit/__init__.py (the public API is a set of bound methods of
the main DeltaGenerator, plus a few module-level commands).

The flow, one interaction from click to pixels (DESIGN.md section 2)::

    browser --BackMsg--> server/websocket.py  BrowserWebSocketHandler.on_message
                         runtime/runtime.py   Runtime.handle_backmsg
                         runtime/app_session.py  AppSession.handle_backmsg -> request_rerun
                         scriptrunner/script_runner.py  ScriptRunner (its own thread)
                             exec(script) in a fresh __main__
                             st.text(...) -> delta_generator.py DeltaGenerator._enqueue
                             checkpoint: ScriptRunner._enqueue_forward_msg
                         runtime/app_session.py  AppSession._on_scriptrunner_event (thread hand-off)
                         runtime/forward_msg_queue.py  ForwardMsgQueue.enqueue (coalescing)
                         runtime/runtime.py   Runtime._loop_coroutine (flush)
    browser <-ForwardMsg-- server/websocket.py  BrowserWebSocketHandler.write_forward_msg

Every hop publishes a trace event (trace/events.py) for the inspector.
"""

from __future__ import annotations

from minilit.delta_generator import SIDEBAR_DG, main_dg
from minilit.elements.execution_control import rerun, stop
from minilit.elements.page_config import set_page_config
from minilit.errors import MinilitAPIException
from minilit.version import __version__

_main = main_dg()

sidebar = SIDEBAR_DG
"""The sidebar: ``st.sidebar.text(...)`` or ``with st.sidebar: ...``."""

# Display elements (minilit/elements/*.py).
caption = _main.caption
code = _main.code
columns = _main.columns
container = _main.container
divider = _main.divider
empty = _main.empty
error = _main.error
exception = _main.exception
expander = _main.expander
header = _main.header
info = _main.info
json = _main.json
markdown = _main.markdown
metric = _main.metric
progress = _main.progress
subheader = _main.subheader
success = _main.success
text = _main.text
title = _main.title
warning = _main.warning
write = _main.write

__all__ = [
    "MinilitAPIException",
    "__version__",
    "caption",
    "code",
    "columns",
    "container",
    "divider",
    "empty",
    "error",
    "exception",
    "expander",
    "header",
    "info",
    "json",
    "markdown",
    "metric",
    "progress",
    "rerun",
    "set_page_config",
    "sidebar",
    "stop",
    "subheader",
    "success",
    "text",
    "title",
    "warning",
    "write",
]
