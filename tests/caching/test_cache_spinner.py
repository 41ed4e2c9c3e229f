"""The spinner a cached function shows while a miss computes, against real 1.67.

1.67 wraps a miss in ``st.spinner("Running `f(...)`.", _cache=True)``: after half a
second the page gets a ``new_transient`` delta with that spinner, and when the value is
ready another one with the list empty. A hit shows nothing, nor does a cached function
called inside another (its caller's spinner covers it), nor ``show_spinner=False``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from tests.realstreamlit import real_streamlit

APP = """\
import time
import streamlit as st

@st.cache_data
def inner(x):
    time.sleep(0.8)
    return x

@st.cache_data
def slow(x):
    return inner(x) * 2

@st.cache_data(show_spinner="Loading the numbers")
def named():
    time.sleep(0.8)
    return 3

@st.cache_data(show_spinner=False)
def quiet():
    time.sleep(0.8)
    return 4

st.text(f"{slow(1)} {named()} {quiet()}")
"""


def _transients(app: AppClient) -> list[tuple[tuple[int, ...], list[tuple[str, bool]]]]:
    out = []
    for msg in app.last_run.messages:
        if msg.HasField("delta") and msg.delta.WhichOneof("type") == "new_transient":
            spinners = [(e.spinner.text, e.spinner.cache) for e in msg.delta.new_transient.elements]
            out.append((tuple(msg.metadata.delta_path), spinners))
    return out


@pytest.fixture(scope="module")
def app_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spinner") / "app.py"
    path.write_text(APP, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def servers(app_path: Path) -> Iterator[dict[str, str]]:
    with real_streamlit(app_path) as real, ServerThread(app_path) as mini:
        yield {"1.67": real.url, "minilit": mini.url}


@pytest.mark.parametrize("which", ["minilit", "1.67"])
def test_a_miss_shows_the_spinner_and_a_hit_does_not(which: str, servers: dict[str, str]) -> None:
    with AppClient.connect(servers[which], default_timeout=30) as app:
        app.run()
        assert app.text[0].value == "2 3 4"
        assert _transients(app) == [
            ((0, 0), [("Running `slow(...)`.", True)]),  # the outer function's only
            ((0, 0), []),
            ((0, 0), [("Loading the numbers", True)]),
            ((0, 0), []),
        ]
        app.run()  # every value is cached now
        assert _transients(app) == []
        assert app.last_run.status == ForwardMsg.FINISHED_SUCCESSFULLY
