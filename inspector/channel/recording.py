"""Recordings: trace events saved as versioned JSON Lines, read back offline.

Not in Streamlit. Mirrors the idea of mitmproxy flow files and Wireshark
captures (reference/inspector-anchors.md B1, B4): save what happened, open it
later in the same UI.

Format (version RECORDING_VERSION), one JSON object per line:

1. ``{"type": "header", "format": "minilit-trace", "version": 1,
   "protocol": 1, "minilit": "0.1.0", "proto": "...", "created": "<ISO time>"}``
2. any number of ``{"type": "source", "path", "sha256", "text"}`` lines (the
   scripts that events point at with ``where``, so lines show offline), and
3. ``{"type": "event", ...}`` lines: one protocol event object each
   (inspector.channel.protocol; frame bytes base64 in ``data``).

A reader also accepts the golden format of
``reference/wire-goldens/tour.jsonl`` (frames captured from a real Streamlit
server): one ``{"dir": "back"|"forward", "hex": "...", "text": "..."}`` per
frame. Each becomes a ``websocket.frame.received`` or
``websocket.forwardmsg.sent`` event with made-up sequence numbers and no
times, so the inspector shows a real session the same way as a minilit one.

Receives: events from the bus (``Recorder``, used by ``minilit run
--record``) or from the trace protocol (the inspector's record key).
Hands to: files; ``read_recording`` hands ``WireEvent`` lists to the
inspector's offline mode.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from inspector.channel.protocol import (
    PROTOCOL_VERSION,
    WireEvent,
    dumps,
    event_from_dict,
    event_to_dict,
)
from minilit.trace import events as ev
from minilit.trace.bus import BUS, TraceBus, TraceEvent

RECORDING_FORMAT = "minilit-trace"
RECORDING_VERSION = 1
"""Bumped when a recording line changes shape; readers refuse newer versions."""
PROTO_NOTE = "minilit .proto subset with Streamlit 1.67 field numbers"


def minilit_version() -> str:
    """The installed minilit version, or ``0+unknown`` from a bare checkout."""
    try:
        return metadata.version("minilit")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def header() -> dict[str, Any]:
    """The first line of every recording minilit writes."""
    return {
        "type": "header",
        "format": RECORDING_FORMAT,
        "version": RECORDING_VERSION,
        "protocol": PROTOCOL_VERSION,
        "minilit": minilit_version(),
        "proto": PROTO_NOTE,
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }


def source_line(path: str, text: str) -> dict[str, Any]:
    """A ``source`` line (also the protocol's ``source`` message)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {"type": "source", "path": path, "sha256": digest, "text": text}


def where_path(where: str) -> str:
    """The file part of a ``path/to/script.py:LINE`` location ("" if none)."""
    path, sep, line = where.rpartition(":")
    return path if sep and line.isdigit() else ""


class RecordingWriter:
    """Appends events to a recording file; adds each script's source once.

    Example::

        with RecordingWriter(Path("run.jsonl")) as rec:
            rec.write_event_dicts([{"seq": 1, "t_ns": 0, "name": "script.run.started"}])
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] = path.open("w", encoding="utf-8")
        self._sources_seen: set[str] = set()
        self.events_written = 0
        self._write(header())

    def _write(self, obj: Mapping[str, Any]) -> None:
        self._file.write(dumps(obj) + "\n")

    def write_source(self, path: str, text: str | None = None) -> None:
        """Record a script's source (read from disk when ``text`` is None)."""
        if path in self._sources_seen:
            return
        self._sources_seen.add(path)
        if text is None:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError:
                return
        self._write(source_line(path, text))

    def write_event_dicts(self, events: Iterable[Mapping[str, Any]]) -> None:
        """Append protocol event objects, preceded by any new script source."""
        for obj in events:
            where = str(obj.get("where", ""))
            if where:
                self.write_source(where_path(where))
            self._write({"type": "event", **obj})
            self.events_written += 1
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Recorder:
    """Subscribes to the bus and writes every event to a recording.

    Used by ``minilit run --record FILE``. A daemon thread drains the
    subscriber every ``interval`` seconds, so publishing never waits for the
    disk (Note [Step gate]'s sibling rule: tracing never blocks a hop).
    """

    def __init__(
        self, path: Path, bus: TraceBus = BUS, interval: float = 0.05, maxsize: int = 100_000
    ) -> None:
        self.writer = RecordingWriter(path)
        self._bus = bus
        self._wakeup = threading.Event()
        self._stop = threading.Event()
        self.subscriber = bus.subscribe(maxsize)
        self._interval = interval
        self._thread = threading.Thread(
            target=self._loop, name="minilit.trace.Recorder", daemon=True
        )
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            self._drain()
        self._drain()

    def _drain(self) -> None:
        batch: list[TraceEvent] = self.subscriber.drain()
        if batch:
            self.writer.write_event_dicts(event_to_dict(e) for e in batch)

    def stop(self) -> None:
        """Write what is left and close the file."""
        self._bus.unsubscribe(self.subscriber)
        self._stop.set()
        self._thread.join(timeout=5)
        self.writer.close()


class RecordingError(ValueError):
    """A file that is not a recording this minilit can read."""


@dataclass(slots=True)
class Recording:
    """A recording read back: its header, script sources and events."""

    header: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    events: list[WireEvent] = field(default_factory=list)
    kind: str = RECORDING_FORMAT
    """``minilit-trace`` or ``frames`` (the wire-goldens format)."""
    warnings: list[str] = field(default_factory=list)
    """What was wrong but could be read past (a last line cut off by a crash)."""


def _lines(path: Path, warnings: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The file's JSON objects with their line numbers.

    A last line without its newline that does not parse is what a crash
    while writing leaves behind: it is skipped with a warning, so the
    recording opens up to its last whole event. Anywhere else, a bad line is
    an error.
    """
    try:
        text = _utf8_text(path, path.read_bytes())
    except OSError as exc:
        raise RecordingError(f"{path}: cannot read ({exc.strerror or exc})") from None
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            if number == len(lines):  # no newline after it: cut off mid-line
                warnings.append(
                    f"{path}:{number}: the last line is cut off (the recording was not "
                    "closed properly); opened up to the last whole event"
                )
                return
            raise RecordingError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise RecordingError(f"{path}:{number}: expected a JSON object")
        yield number, obj


def _utf8_text(path: Path, data: bytes) -> str:
    """``data`` as text; a multi-byte character cut off at the very end is dropped.

    Raises:
        RecordingError: the bytes are not UTF-8 (one line, no traceback).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and b"\n" not in data[exc.start :]:
            return data[: exc.start].decode("utf-8")  # a crash mid-character
        bad = data[exc.start]
        raise RecordingError(
            f"{path}: not a recording (not UTF-8 text: byte {exc.start} is {bad:#04x})"
        ) from None


def _frame_event(seq: int, obj: Mapping[str, Any], where: str) -> WireEvent:
    direction = obj.get("dir")
    if direction not in ("back", "forward"):
        raise RecordingError(f"{where}: 'dir' must be 'back' or 'forward', not {direction!r}")
    try:
        data = bytes.fromhex(str(obj.get("hex", "")))
    except ValueError as exc:
        raise RecordingError(f"{where}: bad hex ({exc})") from exc
    name = ev.FORWARDMSG_SENT if direction == "forward" else ev.FRAME_RECEIVED
    return WireEvent(seq=seq, t_ns=0, name=name, session_id="recorded", data=data)


def read_recording(path: Path) -> Recording:
    """Read a minilit recording or a wire-goldens frame file.

    A last line cut off mid-way (a crash while writing) is dropped and noted
    in ``Recording.warnings``.

    Raises:
        RecordingError: with the file and line when something is wrong (a
            file that is not UTF-8 text, a bad line), or when the recording's
            version is newer than this reader. The message is one line.
    """
    rec: Recording | None = None
    warnings: list[str] = []
    for number, obj in _lines(path, warnings):
        where = f"{path}:{number}"
        if rec is None:
            if obj.get("type") == "header":
                if obj.get("format") != RECORDING_FORMAT:
                    raise RecordingError(f"{where}: unknown format {obj.get('format')!r}")
                version = obj.get("version")
                if not isinstance(version, int) or version > RECORDING_VERSION:
                    raise RecordingError(
                        f"{where}: recording version {version!r} is newer than this "
                        f"minilit reads ({RECORDING_VERSION}); upgrade minilit"
                    )
                rec = Recording(header=obj)
                continue
            if "dir" in obj and "hex" in obj:
                rec = Recording(header={"format": "frames", "file": str(path)}, kind="frames")
            else:
                raise RecordingError(
                    f'{where}: neither a minilit recording header nor a {{"dir", "hex"}} frame line'
                )
        if rec.kind == "frames":
            rec.events.append(_frame_event(len(rec.events) + 1, obj, where))
        elif obj.get("type") == "source":
            rec.sources[str(obj.get("path", ""))] = str(obj.get("text", ""))
        elif obj.get("type") == "event":
            try:
                rec.events.append(event_from_dict(obj))
            except ValueError as exc:
                raise RecordingError(f"{where}: {exc}") from exc
        # Unknown line types from the same version are skipped: forward-compatible.
    if rec is None:
        raise RecordingError(f"{path}: empty file" if not warnings else warnings[0])
    rec.warnings = warnings
    return rec
