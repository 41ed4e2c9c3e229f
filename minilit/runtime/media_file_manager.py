"""Media files: the bytes behind st.image, st.audio, st.video and st.download_button.

Mirrors: streamlit/runtime/media_file_manager.py (MediaFileManager) and
memory_media_file_storage.py (MemoryMediaFileStorage, MemoryFile) as of 1.67.
An element does not carry its bytes on the websocket: the script stores them
here and the element carries a URL, ``/media/<file_id><ext>``, which the
browser fetches from the media route (server/media.py).

A file is kept while some session *refers* to it: each session maps the
coordinates (the delta path) of its media elements to file ids. Streamlit
clears a session's references when a full run starts and removes unreferenced
files when it ends. minilit does the clearing lazily, on the first ``add``
of a new run (the script thread knows its run id), and removes unreferenced
files right after; so a run that adds no media at all releases the previous
run's files only when the session ends (``clear_session``). That keeps the
script runner free of media hooks; the observable rule is the same: once no
session refers to a file, the next sweep deletes it and its URL answers 404.

Downloads (``kind == DOWNLOADABLE``) survive one extra sweep, as in 1.67
(``mark_for_delete``), so a click that arrives just after a rerun still finds
its file.

File ids: a hash of the bytes, the mimetype and, for downloads, the file
name, so the same image shown twice is stored once. Streamlit hashes large
files partially (head, middle, tail); minilit hashes all of them (blake2b).

One manager per process (``MEDIA_FILES``), as in Streamlit (one Runtime per
process); servers sharing a process (tests) share it.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from enum import Enum

MEDIA_ENDPOINT = "/media"

_PREFERRED_EXTENSIONS = {"audio/wav": ".wav", "text/vtt": ".vtt", "image/jpeg": ".jpg"}


class MediaFileKind(Enum):
    MEDIA = "media"
    DOWNLOADABLE = "downloadable"


@dataclass
class MemoryFile:
    content: bytes
    mimetype: str
    kind: MediaFileKind
    filename: str | None
    marked_for_delete: bool = False


def extension_for_mimetype(mimetype: str) -> str:
    """``image/png`` -> ``.png``; empty when unknown."""
    if mimetype in _PREFERRED_EXTENSIONS:
        return _PREFERRED_EXTENSIONS[mimetype]
    return mimetypes.guess_extension(mimetype, strict=False) or ""


def _file_id(data: bytes, mimetype: str, filename: str | None) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{len(data)}:".encode())
    h.update(data)
    h.update(mimetype.encode())
    if filename is not None:
        h.update(filename.encode())
    return h.hexdigest()


class MediaFileManager:
    """Stored media files and which session refers to which."""

    def __init__(self, endpoint: str = MEDIA_ENDPOINT) -> None:
        self.endpoint = endpoint
        self._lock = threading.Lock()
        self._files: dict[str, MemoryFile] = {}
        self._refs: dict[str, dict[str, str]] = {}
        """session id -> coordinates -> file id."""
        self._run_of_session: dict[str, str] = {}
        """The run whose references each session's map holds."""

    def add(
        self,
        data: bytes,
        mimetype: str,
        coordinates: str,
        *,
        session_id: str,
        run_id: str,
        kind: MediaFileKind = MediaFileKind.MEDIA,
        filename: str | None = None,
    ) -> str:
        """Store ``data`` for the element at ``coordinates``; return its URL."""
        file_id = _file_id(data, mimetype, filename)
        with self._lock:
            if self._run_of_session.get(session_id) != run_id:
                # A new run: the old run's elements are being replaced.
                self._run_of_session[session_id] = run_id
                self._refs.pop(session_id, None)
                swept = True
            else:
                swept = False
            existing = self._files.get(file_id)
            if existing is None:
                self._files[file_id] = MemoryFile(data, mimetype, kind, filename)
            else:
                existing.marked_for_delete = False
            self._refs.setdefault(session_id, {})[coordinates] = file_id
            if swept:
                self._remove_orphaned_files_locked()
        return f"{self.endpoint}/{file_id}{extension_for_mimetype(mimetype)}"

    def get(self, name: str) -> MemoryFile | None:
        """The file behind ``<file_id><ext>`` (the media route's path), or None."""
        file_id = name.split(".", 1)[0]
        with self._lock:
            return self._files.get(file_id)

    def clear_session(self, session_id: str) -> None:
        """The session is gone: drop its references, then the files nobody refers to."""
        with self._lock:
            self._refs.pop(session_id, None)
            self._run_of_session.pop(session_id, None)
            # No grace for downloads here: the session that showed them is gone.
            self._remove_orphaned_files_locked(grace=False)

    def remove_orphaned_files(self) -> None:
        with self._lock:
            self._remove_orphaned_files_locked()

    def _remove_orphaned_files_locked(self, grace: bool = True) -> None:
        referenced = {fid for refs in self._refs.values() for fid in refs.values()}
        for file_id in [f for f in self._files if f not in referenced]:
            file = self._files[file_id]
            downloadable = file.kind == MediaFileKind.DOWNLOADABLE
            if grace and downloadable and not file.marked_for_delete:
                file.marked_for_delete = True  # one more sweep (see the module docstring)
            else:
                del self._files[file_id]

    def file_ids(self) -> set[str]:
        with self._lock:
            return set(self._files)


MEDIA_FILES = MediaFileManager()
"""The process's manager (see the module docstring)."""
