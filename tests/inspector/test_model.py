"""The inspector's model, fed with real recordings (no UI)."""

from __future__ import annotations

from inspector.channel.recording import read_recording
from inspector.model import Model, path_text
from tests.inspector.conftest import MINILIT_SESSION, TOUR


def _model(path) -> Model:  # type: ignore[no-untyped-def]
    model = Model()
    model.ingest(read_recording(path).events)
    return model


def test_a_real_streamlit_session_becomes_runs_deltas_and_trees() -> None:
    m = _model(TOUR)
    assert [r.status for r in m.runs] == ["FINISHED_SUCCESSFULLY"] * 2
    assert [len(r.deltas) for r in m.runs] == [13, 14]
    assert m.runs[1].cause.startswith("rerun_script (name='Ada'")
    second = m.runs[1]
    assert [path_text(d.path) for d in second.deltas[:4]] == ["[0,0]", "[0,1]", "[0,2]", "[0,3]"]
    assert second.deltas[3].summary == "clicked Ada"
    # Stale-node cleanup: the old column children at [0,4,*] are gone after run 2.
    tree = m.tree_at(second)
    assert (0, 4, 0) not in tree and (0, 5, 0, 0) in tree
    diff = m.diff(second)
    assert diff.mark((0, 0)) == "=" and diff.mark((0, 3)) == "~" and diff.mark((0, 8)) == "+"
    assert diff.mark((0, 4, 0)) == "-"
    assert m.unchanged_since_previous(second, second.deltas[0])
    assert not m.unchanged_since_previous(second, second.deltas[3])


def test_a_minilit_recording_adds_lines_and_coalescing() -> None:
    m = _model(MINILIT_SESSION)
    first = m.runs[0]
    assert first.duration_ms is not None and first.duration_ms > 0
    assert [d.status for d in first.deltas].count("coalesced") == 2
    assert first.deltas[0].where.endswith("app.py:6")
    assert all(d.frame_no for d in first.deltas if d.status == "sent")
    sources = read_recording(MINILIT_SESSION).sources
    assert next(iter(sources.values())).startswith("import minilit")


def test_frames_include_the_handshake_as_frame_zero_of_a_session() -> None:
    m = _model(MINILIT_SESSION)
    first = m.frames[0]
    assert first.direction == "open" and first.kind == "handshake"
    assert first.info.summary.startswith("accepted")


def test_history_is_bounded() -> None:
    m = Model(max_frames=10)
    m.ingest(read_recording(TOUR).events)
    assert len(m.frames) == 10 and m.trimmed_frames == 27
    assert min(m.frames_by_no) == 28
