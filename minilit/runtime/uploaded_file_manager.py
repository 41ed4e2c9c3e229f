"""Uploaded files: kept in memory per session, handed to the script as UploadedFile.

Mirrors: streamlit/runtime/uploaded_file_manager.py (UploadedFileRec,
UploadFileUrlInfo, UploadedFile) and memory_uploaded_file_manager.py
(MemoryUploadedFileManager) as of 1.67. Simplified: no stats provider, no
pluggable manager.

The flow of one upload (1.67's, which minilit keeps on the wire)::

    browser  BackMsg.file_urls_request{request_id, file_names}
    server   ForwardMsg.file_urls_response{file_urls: [{file_id, upload_url, delete_url}]}
    browser  PUT  /_stcore/upload_file/<session_id>/<file_id>   (multipart, one file)
    browser  BackMsg.rerun_script with the widget's file_uploader_state_value
    script   st.file_uploader(...) -> UploadedFile (get_files below)
    browser  DELETE /_stcore/upload_file/<session_id>/<file_id> (the x on a file)

minilit is stricter than Streamlit in one place: a file id must have been
issued to *that* session by ``get_upload_urls`` before a PUT may store a file
under it (``is_issued``). Streamlit 1.67 stores whatever id the URL names, so
a client may pick its own ids. The session id in the URL still acts as a
bearer secret: whoever knows it may upload into that session (SECURITY.md).

One manager per process (``UPLOADED_FILES``), as Streamlit has one per
Runtime and one Runtime per process. Sessions are keyed by their uuid4 ids,
so servers sharing a process (the test suite) cannot see each other's files
unless they know a session id; the upload route also checks that the session
is active on *its* runtime. Files go when the session goes
(``remove_session_files``, called when a session shuts down).

Thread safety: the upload route adds files on the IOLoop thread while a
script thread reads them; one lock guards the maps.
"""

from __future__ import annotations

import io
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from minilit.proto.BackMsg_pb2 import FileURLsRequest
from minilit.proto.ForwardMsg_pb2 import FileURLs, ForwardMsg

UPLOAD_ENDPOINT = "/_stcore/upload_file"
"""1.67's route prefix; the full path is <prefix>/<session_id>/<file_id>."""

_MAX_ISSUED_PER_SESSION = 1000
"""Issued-but-unused file ids kept per session (a client asking for URLs in a
loop must not grow the server without bound); the oldest go first."""


@dataclass(frozen=True)
class UploadedFileRec:
    """One stored upload: what the PUT carried."""

    file_id: str
    name: str
    type: str
    data: bytes


@dataclass(frozen=True)
class UploadFileUrlInfo:
    file_id: str
    upload_url: str
    delete_url: str


class UploadedFile(io.BytesIO):
    """A file the user uploaded, as the script sees it (a file-like object).

    Example::

        f = st.file_uploader("CSV", type="csv")
        if f is not None:
            st.text(f"{f.name}: {f.size} bytes, {f.type}")
            text = f.getvalue().decode()
    """

    def __init__(self, record: UploadedFileRec, file_urls: FileURLs | None = None) -> None:
        super().__init__(record.data)
        self.file_id = record.file_id
        self.name = record.name
        self.type = record.type
        self.size = len(record.data)
        self._file_urls = file_urls if file_urls is not None else FileURLs()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, size={self.size})"


DEFAULT_MAX_UPLOAD_SIZE_MB = 200


@dataclass
class _SessionFiles:
    max_upload_size_mb: int = DEFAULT_MAX_UPLOAD_SIZE_MB
    """server.maxUploadSize of the server the session is on (the widget shows it)."""
    files: dict[str, UploadedFileRec] = field(default_factory=dict)
    issued: dict[str, None] = field(default_factory=dict)
    """Ids handed out by get_upload_urls, oldest first (an ordered set)."""


class MemoryUploadedFileManager:
    """Every session's uploaded files, in memory."""

    def __init__(self, endpoint: str = UPLOAD_ENDPOINT) -> None:
        self.endpoint = endpoint
        self._lock = threading.Lock()
        self._sessions: dict[str, _SessionFiles] = {}
        self._total_bytes = 0

    def open_session(self, session_id: str, max_upload_size_mb: int) -> None:
        """A browser connected to ``session_id`` on a server with this upload limit."""
        with self._lock:
            session = self._sessions.setdefault(session_id, _SessionFiles())
            session.max_upload_size_mb = max_upload_size_mb

    def max_upload_size_mb(self, session_id: str) -> int:
        with self._lock:
            session = self._sessions.get(session_id)
            return session.max_upload_size_mb if session else DEFAULT_MAX_UPLOAD_SIZE_MB

    # --- The upload URLs (BackMsg.file_urls_request) --------------------------

    def get_upload_urls(
        self, session_id: str, file_names: Sequence[str]
    ) -> list[UploadFileUrlInfo]:
        """A fresh file id (uuid4) and its URLs for each name; the ids are remembered."""
        out = []
        with self._lock:
            session = self._sessions.setdefault(session_id, _SessionFiles())
            for _ in file_names:
                file_id = str(uuid.uuid4())
                session.issued[file_id] = None
                url = f"{self.endpoint}/{session_id}/{file_id}"
                out.append(UploadFileUrlInfo(file_id, url, url))
            while len(session.issued) > _MAX_ISSUED_PER_SESSION:
                del session.issued[next(iter(session.issued))]
        return out

    def file_urls_response(self, session_id: str, request: FileURLsRequest) -> ForwardMsg:
        """The ForwardMsg answering ``request`` (AppSession sends it)."""
        msg = ForwardMsg()
        msg.file_urls_response.response_id = request.request_id
        for info in self.get_upload_urls(session_id, list(request.file_names)):
            msg.file_urls_response.file_urls.append(
                FileURLs(
                    file_id=info.file_id, upload_url=info.upload_url, delete_url=info.delete_url
                )
            )
        return msg

    def is_issued(self, session_id: str, file_id: str) -> bool:
        with self._lock:
            session = self._sessions.get(session_id)
            return session is not None and file_id in session.issued

    # --- Files (the upload route and the script) ------------------------------

    def add_file(self, session_id: str, record: UploadedFileRec) -> None:
        with self._lock:
            session = self._sessions.setdefault(session_id, _SessionFiles())
            old = session.files.pop(record.file_id, None)
            if old is not None:
                self._total_bytes -= len(old.data)
            session.files[record.file_id] = record
            self._total_bytes += len(record.data)

    def remove_file(self, session_id: str, file_id: str) -> bool:
        """Forget one file; True if there was one."""
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None:
                return False
            session.issued.pop(file_id, None)
            record = session.files.pop(file_id, None)
            if record is None:
                return False
            self._total_bytes -= len(record.data)
            return True

    def get_files(self, session_id: str, file_ids: Sequence[str]) -> list[UploadedFileRec]:
        """The stored files among ``file_ids``, in that order (unknown ids are skipped)."""
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None:
                return []
            return [session.files[i] for i in file_ids if i in session.files]

    def remove_session_files(self, session_id: str) -> None:
        """The session is gone: drop its files and issued ids."""
        with self._lock:
            session = self._sessions.pop(session_id, None)
            if session is not None:
                self._total_bytes -= sum(len(r.data) for r in session.files.values())

    def total_bytes(self) -> int:
        """Bytes held for every session (tests and the bench read it)."""
        with self._lock:
            return self._total_bytes

    def file_count(self, session_id: str) -> int:
        with self._lock:
            session = self._sessions.get(session_id)
            return len(session.files) if session is not None else 0


UPLOADED_FILES = MemoryUploadedFileManager()
"""The process's manager (see the module docstring)."""
