"""Holding BackMsg frames: the frame-hold hop, extended to the browser's direction.

Not in Streamlit. On a minilit server, frame holding is one hop: the websocket
handler offers each outgoing ForwardMsg to ``BUS.hold`` before writing it
(Note [Frame holding] in minilit/trace/bus.py). Behind the proxy both
directions pass through one process, so the proxy offers each BackMsg too,
before it goes to the real server: mitmproxy's intercept, which holds
requests as well as responses. The hook is the same object (the inspector's
stepper, inspector/channel/stepper.py), asked through a second method,
``offer_back``; a hold that lacks it holds nothing in that direction.

Receives: BackMsg frames from inspector/proxy/stream.py. Hands to: the
installed hold, which calls ``send`` when the inspector releases the frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.trace.bus import BUS, TraceBus

BackSend = Callable[[BackMsg, bytes], None]
"""Writes one BackMsg frame to the real server."""


class BackFrameHold(Protocol):
    """What a frame hold offers for BackMsgs (IOLoop thread, like ``FrameHold.offer``)."""

    def offer_back(self, session_id: str, msg: BackMsg, data: bytes, send: BackSend) -> bool: ...


def held_back(
    session_id: str, msg: BackMsg, data: bytes, send: BackSend, bus: TraceBus = BUS
) -> bool:
    """The BackMsg frame-hold hop: True if the installed hold kept the frame to send later."""
    offer = getattr(bus.hold, "offer_back", None)
    return offer is not None and bool(offer(session_id, msg, data, send))
