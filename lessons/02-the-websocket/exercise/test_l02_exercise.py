"""Exercise resume_id: reading the session id out of Sec-WebSocket-Protocol."""

from __future__ import annotations

import pytest

from minilit.server import websocket
from minilit.server.background import ServerThread
from minilit.testing import AppClient

SID = "6b1f0c3e-8d1e-4f0a-9a51-3c2b7e0d9f14"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (f"streamlit, PLACEHOLDER_AUTH_TOKEN, {SID}", SID),
        (f"streamlit,token,{SID}", SID),
        (f"  streamlit ,  token ,  {SID}  ", SID),
        ("streamlit, PLACEHOLDER_AUTH_TOKEN", None),
        ("streamlit", None),
        ("", None),
    ],
)
def test_the_third_entry_or_none(header: str, expected: str | None) -> None:
    assert websocket._session_id_from_subprotocols(header) == expected


def test_a_reconnecting_tab_gets_its_session_back(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        first = app.run().session_id
        app.reconnect()
        assert app.run().session_id == first


def test_a_tab_without_an_id_gets_a_new_session(server: ServerThread) -> None:
    with AppClient.connect(server.url) as one, AppClient.connect(server.url) as two:
        assert one.run().session_id != two.run().session_id
