"""A headless client for apps that speak the Streamlit protocol.

Not in Streamlit as such: Streamlit's ``streamlit.testing.v1.AppTest`` runs a script
without a server. This package is a *browser without a screen* instead: it connects to
``/_stcore/stream`` over a real websocket, sends ``rerun_script`` BackMsgs with widget
values, and rebuilds the page from the ForwardMsgs with the browser's rules. Because it
speaks only the wire protocol, the same test can drive minilit and a real Streamlit.

Reading order:

- ``connection.py``: the websocket: the handshake (``open_websocket``) and a blocking
  API over it (``WireConnection``), minilit's one Python websocket client;
- ``tree.py``: the page as nodes keyed by delta_path (``ElementTree``), the browser's
  rules in the one Python copy (the inspector uses it too);
- ``widget_state.py``: what the next ``rerun_script`` carries (``WidgetStateManager``);
- ``elements.py``: wrappers of display elements (``app.markdown[0].value``);
- ``widgets.py``: wrappers of widgets (``.click()``, ``.input()``, ``.set_value()``);
- ``page.py``: the accessors (``app.markdown``, ``app.sidebar``) and ``Page.replay``;
- ``client.py``: ``AppClient``, a ``Page`` connected to a server;
- ``golden.py``: reading recorded wire sessions (``shared/reference/wire-goldens``).

Example::

    from minilit.testing import AppClient

    with AppClient.from_string('import minilit as st\\nst.title("Hi")') as app:
        app.run()
        assert app.title[0].value == "Hi"
"""

from minilit.testing.client import (
    AppClient,
    RunResult,
    RunTimeout,
    SessionStateUnavailable,
)
from minilit.testing.connection import (
    ConnectionClosed,
    HandshakeRejected,
    ProtocolError,
    WireConnection,
    wait_until_healthy,
)
from minilit.testing.elements import Element, Node, node_kind, widget_key
from minilit.testing.page import Block, ElementList, Page
from minilit.testing.tree import ElementTree, TreeError
from minilit.testing.widget_state import WidgetStateManager
from minilit.testing.widgets import Widget

__all__ = [
    "AppClient",
    "Block",
    "ConnectionClosed",
    "Element",
    "ElementList",
    "ElementTree",
    "HandshakeRejected",
    "Node",
    "Page",
    "ProtocolError",
    "RunResult",
    "RunTimeout",
    "SessionStateUnavailable",
    "TreeError",
    "Widget",
    "WidgetStateManager",
    "WireConnection",
    "node_kind",
    "wait_until_healthy",
    "widget_key",
]
