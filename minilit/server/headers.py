"""Response headers every answer carries, and the page's Content-Security-Policy.

Not in Streamlit 1.67 as such: it sends ``X-Content-Type-Options: nosniff``
only on ``/app/static`` files and no CSP or Referrer-Policy at all. minilit
adds them on purpose (README's differences list):

* ``X-Content-Type-Options: nosniff`` on every HTTP response (through a
  Tornado output transform, so error pages get it too): a browser must not
  guess that an uploaded or media file is HTML or script.
* ``Referrer-Policy: same-origin``: URLs of this app (which can carry query
  parameters) are not sent to other sites an element links to.
* A Content-Security-Policy on the app's HTML page (``page_csp``); its
  ``frame-ancestors`` comes from ``server.frameAncestors`` (``'self'`` by
  default: only the app itself may frame the app; clickjacking by another
  site is refused by the browser).

Why the CSP allows inline scripts: an ``st.components.v1.html`` component is
an iframe with ``srcdoc``, and a srcdoc document inherits the CSP of the page
that embeds it; without ``'unsafe-inline'`` no such component could run its
script. Images, audio, video and frames may come from anywhere (``st.image``
takes URLs, ``components.v1.iframe`` embeds any site), as in Streamlit.
"""

from __future__ import annotations

from typing import Any

import tornado.httputil
import tornado.web

REFERRER_POLICY = "same-origin"


def page_csp(frame_ancestors: str) -> str:
    """The CSP of the app's HTML page."""
    ancestors = frame_ancestors.strip() or "'none'"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src * data: blob:",
            "media-src * data: blob:",
            "frame-src *",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            f"frame-ancestors {ancestors}",
        ]
    )


class SecurityHeadersTransform(tornado.web.OutputTransform):
    """Adds nosniff and Referrer-Policy to every response Tornado writes."""

    def __init__(self, request: tornado.httputil.HTTPServerRequest) -> None:
        super().__init__(request)

    def transform_first_chunk(
        self,
        status_code: int,
        headers: tornado.httputil.HTTPHeaders,
        chunk: bytes,
        finishing: bool,
    ) -> tuple[int, tornado.httputil.HTTPHeaders, bytes]:
        headers["X-Content-Type-Options"] = "nosniff"
        headers.setdefault("Referrer-Policy", REFERRER_POLICY)
        return status_code, headers, chunk


def transforms(compress: bool) -> list[Any]:
    """The Application's output transforms (Tornado adds gzip itself only when given none)."""
    out: list[Any] = [SecurityHeadersTransform]
    if compress:
        out.append(tornado.web.GZipContentEncoding)
    return out
