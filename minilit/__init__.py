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

from minilit.delta_generator import EVENT_DG, SIDEBAR_DG, main_dg
from minilit.elements.dialog import dialog
from minilit.elements.echo import echo
from minilit.elements.execution_control import rerun, stop
from minilit.elements.page_config import set_page_config
from minilit.errors import MinilitAPIException
from minilit.missing import missing_st_name
from minilit.runtime.caching import cache_data, cache_resource
from minilit.runtime.fragment import fragment
from minilit.runtime.secrets import secrets
from minilit.runtime.state.query_params_proxy import QueryParamsProxy
from minilit.runtime.state.session_state_proxy import SessionStateProxy
from minilit.version import __version__

_main = main_dg()

sidebar = SIDEBAR_DG
"""The sidebar: ``st.sidebar.text(...)`` or ``with st.sidebar: ...``."""

session_state = SessionStateProxy()
"""Values that survive reruns, per session (runtime/state/session_state_proxy.py)."""

query_params = QueryParamsProxy()
"""The page URL's query parameters, per session (runtime/state/query_params_proxy.py)."""

# Display elements (minilit/elements/*.py).
altair_chart = _main.altair_chart
area_chart = _main.area_chart
bar_chart = _main.bar_chart
caption = _main.caption
audio = _main.audio
balloons = _main.balloons
chat_message = _main.chat_message
code = _main.code
columns = _main.columns
container = _main.container
dataframe = _main.dataframe
divider = _main.divider
empty = _main.empty
error = _main.error
exception = _main.exception
expander = _main.expander
header = _main.header
help = _main.help
html = _main.html
image = _main.image
info = _main.info
json = _main.json
line_chart = _main.line_chart
markdown = _main.markdown
metric = _main.metric
popover = _main.popover
progress = _main.progress
scatter_chart = _main.scatter_chart
latex = _main.latex
snow = _main.snow
spinner = _main.spinner
subheader = _main.subheader
success = _main.success
table = _main.table
status = _main.status
subheader = _main.subheader
success = _main.success
tabs = _main.tabs
text = _main.text
title = _main.title
vega_lite_chart = _main.vega_lite_chart
toast = EVENT_DG.toast  # toasts live in the event container, as in 1.67
video = _main.video
warning = _main.warning
write = _main.write
write_stream = _main.write_stream

# Widgets and forms (minilit/elements/widgets/*.py).
button = _main.button
chat_input = _main.chat_input
checkbox = _main.checkbox
color_picker = _main.color_picker
date_input = _main.date_input
download_button = _main.download_button
feedback = _main.feedback
file_uploader = _main.file_uploader
form = _main.form
form_submit_button = _main.form_submit_button
link_button = _main.link_button
multiselect = _main.multiselect
number_input = _main.number_input
pills = _main.pills
radio = _main.radio
segmented_control = _main.segmented_control
select_slider = _main.select_slider
selectbox = _main.selectbox
slider = _main.slider
text_area = _main.text_area
text_input = _main.text_input
time_input = _main.time_input
toggle = _main.toggle

__all__ = [
    "MinilitAPIException",
    "__version__",
    "altair_chart",
    "area_chart",
    "audio",
    "balloons",
    "bar_chart",
    "button",
    "cache_data",
    "cache_resource",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "columns",
    "container",
    "dataframe",
    "date_input",
    "dialog",
    "divider",
    "download_button",
    "echo",
    "empty",
    "error",
    "exception",
    "expander",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "header",
    "help",
    "html",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "markdown",
    "metric",
    "multiselect",
    "number_input",
    "pills",
    "popover",
    "progress",
    "query_params",
    "radio",
    "rerun",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_page_config",
    "sidebar",
    "slider",
    "snow",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "vega_lite_chart",
    "video",
    "warning",
    "write",
    "write_stream",
]


def __getattr__(name: str) -> object:
    """``st.<name>`` that minilit lacks: an error naming it and the coverage table.

    Python calls a module's ``__getattr__`` only for names the module does not define
    (PEP 562), so this costs nothing for the names above (minilit/missing.py).
    """
    raise missing_st_name(name)
