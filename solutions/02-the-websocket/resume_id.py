"""Reference solution of exercise resume_id (lesson 02). Try it yourself first."""

from __future__ import annotations


def _session_id_from_subprotocols(header: str) -> str | None:
    """The third entry of Sec-WebSocket-Protocol, if any (the session to resume)."""
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    return entries[2] if len(entries) >= 3 else None
