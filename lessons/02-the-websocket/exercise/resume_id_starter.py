"""Exercise resume_id (lesson 02). Read resume_id.md first.

This function replaces minilit.server.websocket._session_id_from_subprotocols when you
run `minilit lesson check 2`.
"""

from __future__ import annotations


def _session_id_from_subprotocols(header: str) -> str | None:
    """The third entry of Sec-WebSocket-Protocol, if any (the session to resume)."""
    # TODO: split the header, return the third entry. Until then every reconnect
    # gets a brand-new session, and the old one waits in vain for its browser.
    return None
