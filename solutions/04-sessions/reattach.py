"""Reference solution of exercise reattach (lesson 04). Try it yourself first."""

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
    if existing_session_id:
        stored = self._stored.pop(existing_session_id, None)
        if stored is not None:
            session = stored[0]
            self._active[session.id] = ActiveSessionInfo(client, session)
            BUS.publish(events.SESSION_RESUMED, session_id=session.id)
            return session, True
        active = self._active.get(existing_session_id)
        if active is not None:
            active.client = client
            BUS.publish(events.SESSION_RESUMED, session_id=existing_session_id)
            return active.session, True
    session = self._session_factory()
    self._active[session.id] = ActiveSessionInfo(client, session)
    BUS.publish(
        events.SESSION_CONNECTED, session_id=session.id, requested_id=existing_session_id or ""
    )
    return session, False
