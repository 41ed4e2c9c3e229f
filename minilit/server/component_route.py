"""The component route: ``GET /component/<component name>/<path>``.

Mirrors: 1.67's ``create_component_routes`` in web/server/starlette/starlette_routes.py
with ``build_safe_abspath`` (server/path_security.py); 1.39's
ComponentRequestHandler. Serves the files of a custom component declared
with ``declare_component(name, path=...)``:

    unknown component name (not declared)              404
    NUL byte, UNC, drive, absolute path or '..' segment 400  before any file-system call
    a real path outside the component's folder          403  (a symlink pointing out;
                                                             1.67 answers 400 here too)
    no such file, or a folder                           404
    otherwise the file; .html (and the bare folder)     Cache-Control: no-cache
                    other files                         Cache-Control: public

Content types come from ``mimetypes`` (``application/octet-stream`` when
unknown). Each answer is a ``security.component.served`` or
``security.component.rejected`` event.
"""

from __future__ import annotations

import mimetypes
import os

import tornado.web

from minilit.components.v1.component_registry import ComponentRegistry
from minilit.server.path_security import build_safe_abspath, unsafe_path_reason
from minilit.trace import events
from minilit.trace.bus import BUS

COMPONENT_ROUTE = r"/component/(.*)"


def guess_content_type(path: str) -> str:
    mime, encoding = mimetypes.guess_type(path)
    if encoding == "gzip":
        return "application/gzip"
    if encoding is not None or mime is None:
        return "application/octet-stream"
    return mime


class ComponentRequestHandler(tornado.web.RequestHandler):
    def initialize(self, registry: ComponentRegistry) -> None:
        self._registry = registry

    def get(self, path: str) -> None:
        name, _, filename = path.partition("/")
        if not name:
            self._reject(404, "no component name", name, filename)
            return
        root = self._registry.get_component_path(name)
        if root is None:
            self._reject(404, "no component of this name is declared", name, filename)
            return
        if unsafe_path_reason(filename) is None and filename in ("", "."):
            filename = "index.html"
        abspath, why = build_safe_abspath(root, filename)
        if abspath is None:
            status = 400 if unsafe_path_reason(filename) is not None else 403
            self._reject(status, why, name, filename)
            return
        if not os.path.isfile(abspath):
            self._reject(404, "no such file", name, filename)
            return
        try:
            with open(abspath, "rb") as file:
                data = file.read()
        except OSError:
            self._reject(404, "the file cannot be read", name, filename)
            return
        self.set_header("Content-Type", guess_content_type(abspath))
        cache = "no-cache" if filename.endswith(".html") else "public"
        self.set_header("Cache-Control", cache)
        BUS.publish(events.COMPONENT_SERVED, component=name, path=filename, bytes=len(data))
        self.write(data)

    def _reject(self, status: int, reason: str, name: str, filename: str) -> None:
        BUS.publish(
            events.COMPONENT_REJECTED,
            reason=reason,
            status=status,
            component=name,
            path=filename,
        )
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status}: {reason}\n")
