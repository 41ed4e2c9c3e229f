"""st.set_page_config: the tab title, icon and layout.

Mirrors: streamlit/commands/page_config.py (set_page_config). It sends a
ForwardMsg.page_config_changed, not a delta, so it has no delta_path.
Simplified: no menu items validation, no emoji favicon lookup.
"""

from __future__ import annotations

from typing import Literal

from minilit.errors import MinilitAPIException
from minilit.proto.ForwardMsg_pb2 import ForwardMsg, PageConfig
from minilit.scriptrunner.script_run_context import get_script_run_ctx

_LAYOUTS = {"centered": PageConfig.CENTERED, "wide": PageConfig.WIDE}
_SIDEBAR = {
    "auto": PageConfig.AUTO,
    "expanded": PageConfig.EXPANDED,
    "collapsed": PageConfig.COLLAPSED,
}


def set_page_config(
    page_title: str | None = None,
    page_icon: str | None = None,
    layout: Literal["centered", "wide"] = "centered",
    initial_sidebar_state: Literal["auto", "expanded", "collapsed"] = "auto",
) -> None:
    """Configure the browser tab and the page layout."""
    if layout not in _LAYOUTS:
        raise MinilitAPIException(f"layout must be 'centered' or 'wide', not {layout!r}")
    if initial_sidebar_state not in _SIDEBAR:
        raise MinilitAPIException(f"unknown initial_sidebar_state {initial_sidebar_state!r}")
    msg = ForwardMsg()
    config = msg.page_config_changed
    config.title = page_title or ""
    config.favicon = page_icon or ""
    config.layout = _LAYOUTS[layout]
    config.initial_sidebar_state = _SIDEBAR[initial_sidebar_state]
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.enqueue(msg)
