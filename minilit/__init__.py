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

Every hop publishes a trace event (trace/events.py) on the bus (trace/bus.py);
the inspector, outside the core (inspector/), subscribes to it.
"""

from __future__ import annotations

from minilit.delta_generator import SIDEBAR_DG, main_dg
from minilit.elements.dialog import dialog
from minilit.elements.execution_control import rerun, stop
from minilit.elements.page_config import set_page_config
from minilit.errors import MinilitAPIException
from minilit.missing import missing_st_name
from minilit.runtime.secrets import secrets
from minilit.runtime.state.session_state_proxy import SessionStateProxy
from minilit.version import __version__

_main = main_dg()

sidebar = SIDEBAR_DG
"""The sidebar: ``st.sidebar.text(...)`` or ``with st.sidebar: ...``."""

session_state = SessionStateProxy()
"""Values that survive reruns, per session (runtime/state/session_state_proxy.py)."""

# Display elements (minilit/elements/*.py).
caption = _main.caption
audio = _main.audio
chat_message = _main.chat_message
code = _main.code
columns = _main.columns
container = _main.container
divider = _main.divider
empty = _main.empty
error = _main.error
exception = _main.exception
expander = _main.expander
header = _main.header
image = _main.image
info = _main.info
json = _main.json
markdown = _main.markdown
metric = _main.metric
popover = _main.popover
progress = _main.progress
status = _main.status
subheader = _main.subheader
success = _main.success
tabs = _main.tabs
text = _main.text
title = _main.title
video = _main.video
warning = _main.warning
write = _main.write

# Widgets and forms (minilit/elements/widgets/*.py).
button = _main.button
chat_input = _main.chat_input
checkbox = _main.checkbox
download_button = _main.download_button
file_uploader = _main.file_uploader
form = _main.form
form_submit_button = _main.form_submit_button
multiselect = _main.multiselect
number_input = _main.number_input
radio = _main.radio
selectbox = _main.selectbox
slider = _main.slider
text_area = _main.text_area
text_input = _main.text_input
toggle = _main.toggle

__all__ = [
    "MinilitAPIException",
    "__version__",
    "audio",
    "button",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "columns",
    "container",
    "dialog",
    "divider",
    "download_button",
    "empty",
    "error",
    "exception",
    "expander",
    "file_uploader",
    "form",
    "form_submit_button",
    "header",
    "image",
    "info",
    "json",
    "markdown",
    "metric",
    "multiselect",
    "number_input",
    "popover",
    "progress",
    "radio",
    "rerun",
    "secrets",
    "selectbox",
    "session_state",
    "set_page_config",
    "sidebar",
    "slider",
    "status",
    "stop",
    "subheader",
    "success",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "title",
    "toggle",
    "video",
    "warning",
    "write",
]


def __getattr__(name: str) -> object:
    """``st.<name>`` that minilit lacks: an error naming it and the coverage table.

    Python calls a module's ``__getattr__`` only for names the module does not define
    (PEP 562), so this costs nothing for the names above (minilit/missing.py).
    """
    raise missing_st_name(name)
