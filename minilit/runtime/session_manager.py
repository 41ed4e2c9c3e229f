"""SessionManager: which sessions are connected, and which wait for a reconnect.

Mirrors: streamlit/runtime/session_manager.py (SessionManager, SessionClient,
ActiveSessionInfo), websocket_session_manager.py (WebsocketSessionManager)
and memory_session_storage.py (MemorySessionStorage, a TTL cache).
Simplified: one class instead of an interface plus implementation; storage is
an ordered dict with expiry times instead of cachetools' TTLCache.

Receives: connect/disconnect calls from runtime/runtime.py (IOLoop thread).
Hands to: AppSession objects, created or re-attached.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.app_session import AppSession
from minilit.trace import events
from minilit.trace.bus import BUS


class SessionClientDisconnectedError(Exception):
    """Raised by a SessionClient whose connection is gone."""


class SessionClient(Protocol):
    """Whatever carries ForwardMsgs to one browser tab (the websocket handler)."""

    def write_forward_msg(self, msg: ForwardMsg) -> None:
        """Send one message. Raises SessionClientDisconnectedError if closed."""


@dataclass
class ActiveSessionInfo:
    client: SessionClient
    session: AppSession


class SessionManager:
    """Active sessions plus a bounded, expiring store of disconnected ones.

    Args:
        session_factory: Makes a new AppSession.
        ttl_seconds: How long a disconnected session may wait for its browser
            (``server.disconnectedSessionTTL``, 120 s as in Streamlit).
        max_stored: How many disconnected sessions are kept (minilit's option
            server.maxDisconnectedSessions; Streamlit hard-codes 128).
    """

    def __init__(
        self, session_factory: Callable[[], AppSession], ttl_seconds: float, max_stored: int
    ) -> None:
        self._session_factory = session_factory
        self._ttl = ttl_seconds
        self._max_stored = max_stored
        self._active: dict[str, ActiveSessionInfo] = {}
        self._stored: OrderedDict[str, tuple[AppSession, float]] = OrderedDict()
        """Disconnected sessions, oldest first, with the time they expire."""

    def connect_session(
        self, client: SessionClient, existing_session_id: str | None = None
    ) -> tuple[AppSession, bool]:
        """Attach ``client`` to its old session if it can be found, else a new one.

        Returns the session and whether it was resumed. An unknown or expired
        id silently gets a new session, as in Streamlit.
        """
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
                # The old socket has not noticed it is dead yet: the newest one wins.
                active.client = client
                BUS.publish(events.SESSION_RESUMED, session_id=existing_session_id)
                return active.session, True
        session = self._session_factory()
        self._active[session.id] = ActiveSessionInfo(client, session)
        BUS.publish(
            events.SESSION_CONNECTED, session_id=session.id, requested_id=existing_session_id or ""
        )
        return session, False

    # [lesson:store]
    def disconnect_session(
        self, session_id: str, client: SessionClient | None = None, reason: str = ""
    ) -> None:
        """Move a session to storage (if ``client`` is given, only if it is still its client).

        ``reason`` is given when the server drops the client (it does not read
        its messages); the trace event carries it. A socket that just closed has none.
        """
        info = self._active.get(session_id)
        if info is None or (client is not None and info.client is not client):
            return
        del self._active[session_id]
        info.session.disconnect()
        self._stored[session_id] = (info.session, time.monotonic() + self._ttl)
        BUS.publish(events.SESSION_DISCONNECTED, session_id=session_id, **_why(reason))
        while len(self._stored) > self._max_stored:
            old_id, (old, _) = self._stored.popitem(last=False)
            old.shutdown()
            BUS.publish(events.SESSION_EXPIRED, session_id=old_id, reason="evicted")

    # [/lesson:store]

    def expire_stored(self) -> None:
        """Shut down disconnected sessions whose TTL has passed."""
        now = time.monotonic()
        for session_id in [sid for sid, (_, t) in self._stored.items() if t <= now]:
            session, _ = self._stored.pop(session_id)
            session.shutdown()
            BUS.publish(events.SESSION_EXPIRED, session_id=session_id, reason="ttl")

    def get_active_session_info(self, session_id: str) -> ActiveSessionInfo | None:
        return self._active.get(session_id)

    def list_active_sessions(self) -> list[ActiveSessionInfo]:
        return list(self._active.values())

    def get_session(self, session_id: str) -> AppSession | None:
        """An active or stored session by id (for tests and the inspector)."""
        info = self._active.get(session_id)
        if info is not None:
            return info.session
        stored = self._stored.get(session_id)
        return stored[0] if stored is not None else None

    def num_stored(self) -> int:
        return len(self._stored)

    def close_all(self) -> None:
        for info in list(self._active.values()):
            info.session.shutdown()
        for session, _ in self._stored.values():
            session.shutdown()
        self._active.clear()
        self._stored.clear()


def _why(reason: str) -> dict[str, Any]:
    """The event's ``reason`` field, left out when there is none (recorded
    transcripts of ordinary disconnects stay as they were)."""
    return {"reason": reason} if reason else {}
