"""Fixtures for the inspector tests: recordings to open and an app factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from inspector.app import InspectorApp
from inspector.sources import RecordingSource
from tests.trace.conftest import no_leftover_tracing  # noqa: F401  (autouse here too)

TERMINAL_ENV = {
    "TERM": "xterm-256color",
    "COLORTERM": None,
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "TEXTUAL_COLOR_SYSTEM": None,
}
"""The terminal the inspector tests see, whatever terminal runs them: Rich picks
its colour system from these (COLORTERM=truecolor would change every colour
in the snapshots). ``None``: unset."""


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in TERMINAL_ENV.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


DATA = Path(__file__).parent / "data"
TOUR = DATA / "tour.jsonl"
"""Frames of a real Streamlit 1.67 session (a copy of
reference/wire-goldens/tour.jsonl; app: reference/wire-goldens/tour_app.py)."""


@pytest.fixture
def tour_path() -> Path:
    return TOUR


MINILIT_SESSION = DATA / "minilit_session.jsonl"
"""A minilit recording (``minilit run app.py --record``) of two runs of the app
below; the second run inserts a markdown at [0, 1], shifting later paths.

    import minilit as st
    import counter  # an imported module survives reruns (only __main__ is fresh)
    counter.runs += 1
    st.title("Hello")
    if counter.runs > 1:
        st.markdown(f"rerun number {counter.runs}")
    st.text("one")
    ph = st.empty(); ph.text("placeholder 1"); ph.text("placeholder 2")
    left, right = st.columns(2) ...
"""


def offline_app(path: Path, tmp_path: Path | None = None) -> InspectorApp:
    """An inspector on a recording (export and recording files go to ``tmp_path``)."""
    return InspectorApp(RecordingSource(path), export_dir=tmp_path)


async def settle(pilot: Pilot[Any], ticks: int = 3) -> None:
    """Wait until the app has read its source and its panes caught up ``ticks`` times."""
    app = pilot.app
    assert isinstance(app, InspectorApp)
    for _ in range(200):
        if app.connection not in ("offline", "connecting"):
            break
        await pilot.pause(0.02)
    start = app.refreshes
    for _ in range(200):
        if app.refreshes >= start + ticks:
            break
        await pilot.pause(0.02)
    await pilot.pause()
