"""The HTTP routes: health, host-config, and the static frontend.

Mirrors: streamlit/web/server/routes.py (HealthHandler, HostConfigHandler,
StaticFileHandler with the SPA fallback, RemoveSlashHandler). Simplified: no
metrics or app-static routes. The upload, media and component routes have
their own modules (upload.py, media.py, component_route.py). Health and the
app's HTML page set the XSRF cookie (xsrf.py); the page also gets a
Content-Security-Policy (headers.py).

After the page has loaded, none of these is used again except health (the
browser pings it before every (re)connect): everything else travels over the
websocket (server/websocket.py).
"""

from __future__ import annotations

import json
import os
from typing import Any

import tornado.web

from minilit.config import Config
from minilit.runtime.runtime import Runtime
from minilit.server.headers import page_csp
from minilit.server.xsrf import XSRF_COOKIE_NAME, cookie_header_value

# Paths that must 404 rather than fall back to index.html, so the frontend can
# probe for the server's base path (Streamlit keeps the same list).
_RESERVED_SUFFIXES = ("_stcore/health", "_stcore/host-config", "_stcore/stream")


def set_xsrf_cookie(handler: tornado.web.RequestHandler, config: Config) -> None:
    """Give the browser the ``_streamlit_xsrf`` cookie (kept if it has a valid one)."""
    if not config.get("server.enableXsrfProtection"):
        return
    secure = bool(config.get("server.sslCertFile"))
    value = cookie_header_value(handler.get_cookie(XSRF_COOKIE_NAME), secure=secure)
    # Written by hand: Tornado's set_cookie would quote the value's '|' characters.
    handler.add_header("Set-Cookie", value)


class HealthHandler(tornado.web.RequestHandler):
    """``GET /_stcore/health``: ``ok`` while the runtime runs, else 503.

    Also (re)sets the XSRF cookie, as 1.67 does: the browser asks this before
    every connect.
    """

    def initialize(self, runtime: Runtime, config: Config) -> None:
        self._runtime = runtime
        self._config = config

    def get(self) -> None:
        self.set_header("Cache-Control", "no-cache")
        set_xsrf_cookie(self, self._config)
        if self._runtime.is_ready():
            self.write("ok")
        else:
            self.set_status(503)
            self.write("unavailable")

    def head(self) -> None:
        self.set_status(200 if self._runtime.is_ready() else 503)


class HostConfigHandler(tornado.web.RequestHandler):
    """``GET /_stcore/host-config``: what an embedding host may do (JSON)."""

    def initialize(self, config: Config) -> None:
        self._config = config

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
                    # minilit's own: which sandbox component iframes get
                    # (server.componentSandbox; minilit/components/v1/components.py).
                    "componentSandbox": str(self._config.get("server.componentSandbox")),
                }
            )
        )


class StaticFileHandler(tornado.web.StaticFileHandler):
    """The built frontend, with ``index.html`` for any unknown path (SPA fallback).

    Tornado's StaticFileHandler already refuses paths that leave ``root``
    (``validate_absolute_path`` checks the real path is inside it). The HTML
    page carries the CSP (``server.frameAncestors``) and the XSRF cookie.
    """

    def initialize(
        self,
        path: str,
        default_filename: str | None = None,
        allowed_symlink_directory: str | list[str] | None = None,
        config: Config | None = None,
    ) -> None:
        super().initialize(path, default_filename, allowed_symlink_directory)
        self._config = config

    def set_extra_headers(self, path: str) -> None:
        served = self.absolute_path or ""
        if served.endswith(".html") or path == "":
            self.set_header("Cache-Control", "no-cache")
            if self._config is not None:
                frame_ancestors = str(self._config.get("server.frameAncestors"))
                self.set_header("Content-Security-Policy", page_csp(frame_ancestors))
                set_xsrf_cookie(self, self._config)
        else:
            self.set_header("Cache-Control", "public")

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if not os.path.exists(absolute_path) and not self.request.path.endswith(_RESERVED_SUFFIXES):
            # An unknown path such as /some/page: serve the app, which routes itself.
            index = os.path.join(root, "index.html")
            return super().validate_absolute_path(root, index)
        return super().validate_absolute_path(root, absolute_path)

    def get_cache_time(self, path: str, modified: Any, mime_type: str) -> int:
        return 0


class RemoveSlashHandler(tornado.web.RequestHandler):
    r"""``/foo/`` redirects to ``/foo``; anything that could leave the site is a 400.

    Mirrors 1.67's trailing-slash redirect in starlette_static_routes.py (301,
    the query string kept) with the 400s of its path-security checks. A
    browser reads a ``Location`` leniently: it drops tabs and newlines and
    takes ``\`` for ``/``, so ``/\evil.example`` and ``/\t/evil.example`` both
    mean ``//evil.example``, another site. So the *decoded* path is refused
    when it starts with ``//``, or holds a backslash or a control character
    (a newline would also make Tornado refuse the header: a 500 before this).
    The redirect itself reuses the request's own percent-encoded path, so
    nothing decoded ever reaches the header.
    """

    def get(self, path: str) -> None:
        decoded = "/" + path + "/"  # the route's group, percent-decoded by Tornado
        if decoded.startswith("//") or _unsafe_in_redirect(decoded):
            raise tornado.web.HTTPError(400)
        target = self.request.path.rstrip("/")
        if not target.startswith("/") or target.startswith("//"):
            raise tornado.web.HTTPError(400)
        if self.request.query:
            target += "?" + self.request.query
        self.set_header("Cache-Control", "no-cache")
        self.redirect(target, permanent=True)

    def head(self, path: str) -> None:
        self.get(path)


def _unsafe_in_redirect(path: str) -> bool:
    """A backslash, or a C0 control character or DEL (browsers drop or reinterpret them)."""
    return "\\" in path or any(ord(c) < 0x20 or ord(c) == 0x7F for c in path)
