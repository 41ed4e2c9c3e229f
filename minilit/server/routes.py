"""The HTTP routes: health, host-config, and the static frontend.

Mirrors: streamlit/web/server/routes.py (HealthHandler, HostConfigHandler,
StaticFileHandler with the SPA fallback, RemoveSlashHandler). Simplified: no
metrics, media, upload, component or app-static routes; no XSRF cookie.

After the page has loaded, none of these is used again except health (the
browser pings it before every (re)connect): everything else travels over the
websocket (server/websocket.py).
"""

from __future__ import annotations

import json
import os
from typing import Any

import tornado.web

from minilit.runtime.runtime import Runtime

# Paths that must 404 rather than fall back to index.html, so the frontend can
# probe for the server's base path (Streamlit keeps the same list).
_RESERVED_SUFFIXES = ("_stcore/health", "_stcore/host-config", "_stcore/stream")


class HealthHandler(tornado.web.RequestHandler):
    """``GET /_stcore/health``: ``ok`` while the runtime runs, else 503."""

    def initialize(self, runtime: Runtime) -> None:
        self._runtime = runtime

    def get(self) -> None:
        self.set_header("Cache-Control", "no-cache")
        if self._runtime.is_ready():
            self.write("ok")
        else:
            self.set_status(503)
            self.write("unavailable")

    def head(self) -> None:
        self.set_status(200 if self._runtime.is_ready() else 503)


class HostConfigHandler(tornado.web.RequestHandler):
    """``GET /_stcore/host-config``: what an embedding host may do (JSON)."""

    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-cache")
        self.write(
            json.dumps(
                {
                    # Origins allowed to send postMessage to the app when embedded.
                    # Streamlit lists its cloud's domains; minilit allows none.
                    "allowedOrigins": [],
                    "useExternalAuthToken": False,
                    "enableCustomParentMessages": False,
                    "enforceDownloadInNewTab": False,
                }
            )
        )


class StaticFileHandler(tornado.web.StaticFileHandler):
    """The built frontend, with ``index.html`` for any unknown path (SPA fallback).

    Tornado's StaticFileHandler already refuses paths that leave ``root``
    (``validate_absolute_path`` checks the real path is inside it).
    """

    def set_extra_headers(self, path: str) -> None:
        if path.endswith(".html") or path == "":
            self.set_header("Cache-Control", "no-cache")
        else:
            self.set_header("Cache-Control", "public")
        self.set_header("X-Content-Type-Options", "nosniff")

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if not os.path.exists(absolute_path) and not self.request.path.endswith(_RESERVED_SUFFIXES):
            # An unknown path such as /some/page: serve the app, which routes itself.
            index = os.path.join(root, "index.html")
            return super().validate_absolute_path(root, index)
        return super().validate_absolute_path(root, absolute_path)

    def get_cache_time(self, path: str, modified: Any, mime_type: str) -> int:
        return 0


class RemoveSlashHandler(tornado.web.RequestHandler):
    """``/foo/`` redirects to ``/foo``; ``//foo`` is refused (open-redirect guard)."""

    def get(self, path: str) -> None:
        if self.request.path.startswith("//"):
            raise tornado.web.HTTPError(400)
        self.redirect("/" + path.strip("/"), permanent=True)
