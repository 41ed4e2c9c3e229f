"""Fixtures for the widget tests: apps served by a real minilit server, driven over
a real websocket by the headless client (minilit.testing.AppClient)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from minilit.testing import AppClient

APPS = Path(__file__).parent / "apps"

MakeApp = Callable[..., AppClient]


@pytest.fixture
def make_app() -> Iterator[MakeApp]:
    """``make_app(source_or_path, options=None)``: a connected client; closed after the test."""
    clients: list[AppClient] = []

    def make(source: str | Path, options: dict[str, Any] | None = None) -> AppClient:
        if isinstance(source, Path):
            client = AppClient.from_file(source, options)
        else:
            client = AppClient.from_string(source, options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def texts(app: AppClient) -> dict[str, str]:
    """``st.text("name=value")`` lines of the page as {name: value}."""
    out = {}
    for body in app.text.values:
        name, sep, value = str(body).partition("=")
        if sep:
            out[name] = value
    return out
