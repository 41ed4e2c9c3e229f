"""LocalSourcesWatcher: notice when the script (or a module next to it) changes.

Mirrors: streamlit/watcher/local_sources_watcher.py (LocalSourcesWatcher),
event_based_path_watcher.py and polling_path_watcher.py, with the choice made by
``server.fileWatcherType`` as in watcher/path_watcher.py. Simplified: one
watchdog observer per server on the script's folder (not recursive, ``.py``
files only) instead of one watch per imported module; no
``folderWatchBlacklist``.

What a change does (runtime/runtime.py ``Runtime._on_source_changed``): modules
imported from that file are dropped from ``sys.modules`` so the next run
imports them afresh, and every session either reruns (run-on-save) or tells
its browser ``session_event.script_changed_on_disk`` (the "Source file changed
- Rerun / Always rerun" prompt). Like Streamlit, the watcher compares file
contents, so an editor that saves twice, or touches without changing, does
not cause two reruns.

Receives: file-system events on watchdog's thread. Hands to: a callback that
must itself hand over to the IOLoop (the Runtime uses call_soon_threadsafe).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

WATCHER_TYPES = ("auto", "watchdog", "poll", "none")
SETTLE_SECONDS = 0.1
"""Quiet time after a file's last event before its content is compared."""


class LocalSourcesWatcher(FileSystemEventHandler):
    """Calls ``on_change(path)`` when a ``.py`` file in the script's folder changes.

    Args:
        main_script_path: The app script; its folder is watched.
        on_change: Called on the watcher's thread with the changed file's path.
        watcher_type: ``auto``/``watchdog`` (OS events) or ``poll``.
    """

    def __init__(
        self, main_script_path: str, on_change: Callable[[str], None], watcher_type: str = "auto"
    ) -> None:
        if watcher_type not in WATCHER_TYPES or watcher_type == "none":
            raise ValueError(f"unknown file watcher type {watcher_type!r}")
        self._folder = Path(main_script_path).resolve().parent
        self._on_change = on_change
        self._lock = threading.Lock()
        self._digests = {p: _digest(p) for p in self._folder.glob("*.py")}
        """Content hash of each watched file: unchanged content is not a change."""
        self._pending: dict[Path, threading.Timer] = {}
        """A settle timer per file with events in flight."""
        self._observer: BaseObserver = (
            PollingObserver(timeout=1.0) if watcher_type == "poll" else Observer()
        )
        self._observer.schedule(self, str(self._folder), recursive=False)

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)
        with self._lock:
            for timer in self._pending.values():
                timer.cancel()
            self._pending.clear()

    def on_any_event(self, event: FileSystemEvent) -> None:
        """watchdog's thread: one or more events per save, rename or create."""
        if event.is_directory or event.event_type not in ("modified", "created", "moved"):
            return
        raw = event.dest_path if event.event_type == "moved" else event.src_path
        path = Path(raw if isinstance(raw, str) else raw.decode())
        if path.suffix != ".py" or path.parent != self._folder:
            return
        # A save often arrives as "truncated" then "written": look at the file once
        # the events have settled, or we would read it half-written.
        with self._lock:
            pending = self._pending.pop(path, None)
            if pending is not None:
                pending.cancel()
            timer = threading.Timer(SETTLE_SECONDS, self._check, (path,))
            timer.daemon = True
            self._pending[path] = timer
        timer.start()

    def _check(self, path: Path) -> None:
        """A timer thread: report ``path`` if its content really changed."""
        digest = _digest(path)
        with self._lock:
            self._pending.pop(path, None)
            if digest is None or self._digests.get(path) == digest:
                return
            self._digests[path] = digest
        self._on_change(str(path))


def _digest(path: Path) -> str | None:
    try:
        return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
    except OSError:
        return None
