"""Recordings: versioned JSON Lines written and read back; the wire-goldens format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.channel.protocol import PROTOCOL_VERSION, event_to_dict
from inspector.channel.recording import (
    RECORDING_VERSION,
    Recorder,
    RecordingError,
    RecordingWriter,
    read_recording,
)
from minilit.trace import events as ev
from minilit.trace.bus import TraceBus
from tests.inspector.conftest import TOUR


def test_write_and_read_back(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import minilit as st\nst.text('hi')\n")
    bus = TraceBus()
    recorder = Recorder(tmp_path / "rec.jsonl", bus=bus, interval=0.01)
    bus.publish(ev.RUN_STARTED, session_id="s", run_id="r", cause="rerun_script")
    bus.publish(
        ev.DELTA_ENQUEUED,
        session_id="s",
        run_id="r",
        where=f"{script}:2",
        delta_path=[0, 0],
        element="text",
    )
    bus.publish(ev.FORWARDMSG_SENT, session_id="s", data=b"\x2a\x00\xff", kind="delta")
    recorder.stop()
    lines = [json.loads(line) for line in (tmp_path / "rec.jsonl").read_text().splitlines()]
    assert lines[0]["type"] == "header" and lines[0]["version"] == RECORDING_VERSION
    assert lines[0]["protocol"] == PROTOCOL_VERSION
    kinds = [(x["type"], x.get("name", x.get("path"))) for x in lines[1:]]
    assert kinds == [  # a script's source goes in just before the first event that cites it
        ("event", ev.RUN_STARTED),
        ("source", str(script)),
        ("event", ev.DELTA_ENQUEUED),
        ("event", ev.FORWARDMSG_SENT),
    ]
    rec = read_recording(tmp_path / "rec.jsonl")
    assert rec.sources[str(script)].startswith("import minilit")
    assert [e.name for e in rec.events] == [ev.RUN_STARTED, ev.DELTA_ENQUEUED, ev.FORWARDMSG_SENT]
    assert rec.events[1].delta_path == (0, 0) and rec.events[1].where.endswith(":2")
    assert rec.events[2].data == b"\x2a\x00\xff"  # exact bytes survive base64


def test_the_wire_goldens_format_reads_as_frames() -> None:
    rec = read_recording(TOUR)
    assert rec.kind == "frames" and len(rec.events) == 37
    assert rec.events[0].name == ev.FRAME_RECEIVED
    assert rec.events[1].name == ev.FORWARDMSG_SENT
    first = json.loads(TOUR.read_text().splitlines()[0])
    assert rec.events[0].data == bytes.fromhex(first["hex"])


def test_a_newer_version_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "future.jsonl"
    path.write_text(json.dumps({"type": "header", "format": "minilit-trace", "version": 99}) + "\n")
    with pytest.raises(RecordingError, match="version 99 is newer"):
        read_recording(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("not json\n", "not JSON"),
        ('{"hello": 1}\n', "neither a minilit recording header"),
        ('{"dir": "sideways", "hex": "00"}\n', "'dir' must be"),
        ('{"dir": "back", "hex": "zz"}\n', "bad hex"),
    ],
)
def test_bad_files_say_where_and_why(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(RecordingError, match=message):
        read_recording(path)


def test_writer_adds_each_source_once(tmp_path: Path) -> None:
    script = tmp_path / "a.py"
    script.write_text("x = 1\n")
    bus = TraceBus()
    sub = bus.subscribe()
    for line in (1, 1, 2):
        bus.publish(ev.DELTA_ENQUEUED, where=f"{script}:{line}")
    with RecordingWriter(tmp_path / "r.jsonl") as writer:
        writer.write_event_dicts(event_to_dict(e) for e in sub.drain())
    kinds = [json.loads(x)["type"] for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert kinds == ["header", "source", "event", "event", "event"]
