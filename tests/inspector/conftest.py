"""Fixtures for the inspector tests: recordings to open and an app factory."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TOUR = DATA / "tour.jsonl"
"""Frames of a real Streamlit 1.67 session (a copy of
reference/wire-goldens/tour.jsonl; app: reference/wire-goldens/tour_app.py)."""


@pytest.fixture
def tour_path() -> Path:
    return TOUR
