"""Exercise reattach (lesson 04). Read reattach.md first.

This method replaces minilit.runtime.session_manager.SessionManager.connect_session
when you run `minilit lesson check 4`. `self` is the server's SessionManager.
"""

from __future__ import annotations

from minilit.runtime.app_session import AppSession
from minilit.runtime.session_manager import (
    ActiveSessionInfo,
    SessionClient,
    SessionManager,
)
from minilit.trace import events
from minilit.trace.bus import BUS


def connect_session(
    self: SessionManager, client: SessionClient, existing_session_id: str | None = None
) -> tuple[AppSession, bool]:
    self.expire_stored()
    # TODO: if existing_session_id names a stored session, or an active one, give the
    # client that session (see reattach.md). Until then every socket, even a returning
    # one, gets a brand-new session and the old state is lost.
    session = self._session_factory()
    self._active[session.id] = ActiveSessionInfo(client, session)
    BUS.publish(
        events.SESSION_CONNECTED, session_id=session.id, requested_id=existing_session_id or ""
    )
    return session, False
