"""Fixtures for the inspector tests: recordings to open and an app factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.app import InspectorApp
from inspector.sources import RecordingSource
from tests.trace.conftest import no_leftover_tracing  # noqa: F401  (autouse here too)

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
