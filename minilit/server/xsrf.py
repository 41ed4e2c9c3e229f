"""XSRF double-submit: the ``_streamlit_xsrf`` cookie and the ``X-Xsrftoken`` header.

Mirrors: 1.67's XSRF helpers in web/server/starlette/starlette_app_utils.py
(generate_xsrf_token_string, decode_xsrf_token_string, validate_xsrf_token)
and ``_ensure_xsrf_cookie`` / ``_check_xsrf`` in starlette_routes.py, which
re-implement Tornado's "version 2" token (what 1.39 got from Tornado's
``xsrf_cookies=True``).

How double-submit works: the server sets a random token in a cookie the page's
JavaScript can read (not HttpOnly). For a state-changing request (the upload
route's PUT and DELETE) the page copies it into the ``X-Xsrftoken`` header.
Another site can make the browser *send* the cookie but cannot *read* it, so
it cannot write the header. The token is 16 random bytes; each time it is
written out it is XOR-masked with 4 fresh random bytes (``2|mask|masked|time``)
so that a compressed response does not leak it (BREACH); comparing two
tokens means unmasking both and comparing the 16 bytes in constant time.

The cookie is set on ``/_stcore/health`` (the browser asks it before every
connect, as in 1.67) and on the app's HTML page. Attributes: ``Path=/``,
``SameSite=Lax``, ``Secure`` when the server speaks TLS. minilit keeps a
valid cookie's token and time, as 1.67 does.

Not checked on the websocket: a cross-site page can open a websocket to any
server; the Origin check (server/security.py) is what stops it. The browser
sends the cookie's value as the second subprotocol entry (1.67's frontend
does); 1.67 compares it with the cookie only to trust its auth cookie, and
minilit, which has no auth, reads it only for the handshake trace event.
"""

from __future__ import annotations

import binascii
import hmac
import os
import time
from dataclasses import dataclass

XSRF_COOKIE_NAME = "_streamlit_xsrf"
XSRF_HEADER = "X-Xsrftoken"


def _mask(mask: bytes, data: bytes) -> bytes:
    return bytes(b ^ mask[i % 4] for i, b in enumerate(data))


def generate_token_string(token: bytes | None = None, timestamp: int | None = None) -> str:
    """A version 2 token: ``2|<mask hex>|<masked token hex>|<unix time>``."""
    token = token if token is not None else os.urandom(16)
    stamp = timestamp if timestamp is not None else int(time.time())
    mask = os.urandom(4)
    masked = _mask(mask, token)
    return f"2|{binascii.b2a_hex(mask).decode()}|{binascii.b2a_hex(masked).decode()}|{stamp}"


def decode_token_string(value: str | None) -> tuple[bytes | None, int | None]:
    """The raw token and time of a version 2 token, or (None, None) if it is not one.

    (Tornado and 1.67 also accept an unmasked "version 1" hex token; minilit
    never issues one and refuses it.)
    """
    if not value:
        return None, None
    value = value.strip("\"'")
    parts = value.split("|")
    if len(parts) != 4 or parts[0] != "2":
        return None, None
    try:
        mask = binascii.a2b_hex(parts[1])
        masked = binascii.a2b_hex(parts[2])
        stamp = int(parts[3])
    except (binascii.Error, ValueError):
        return None, None
    if len(mask) != 4 or not masked:
        return None, None
    return _mask(mask, masked), stamp


@dataclass(frozen=True)
class XsrfDecision:
    allowed: bool
    reason: str


def check_double_submit(header: str | None, cookie: str | None) -> XsrfDecision:
    """Does the header carry the cookie's token? (1.67's validate_xsrf_token.)"""
    if not cookie:
        return XsrfDecision(False, f"no {XSRF_COOKIE_NAME} cookie")
    if not header:
        return XsrfDecision(False, f"no {XSRF_HEADER} header")
    expected, _ = decode_token_string(cookie)
    supplied, _ = decode_token_string(header)
    if expected is None:
        return XsrfDecision(False, f"the {XSRF_COOKIE_NAME} cookie is not a token")
    if supplied is None:
        return XsrfDecision(False, f"the {XSRF_HEADER} header is not a token")
    if not hmac.compare_digest(expected, supplied):
        return XsrfDecision(False, f"the {XSRF_HEADER} header does not match the cookie")
    return XsrfDecision(True, "header matches cookie")


def cookie_header_value(existing_cookie: str | None, *, secure: bool) -> str:
    """The ``Set-Cookie`` value: the existing token re-masked, or a new one."""
    token, stamp = decode_token_string(existing_cookie)
    value = generate_token_string(token, stamp)
    attrs = [f"{XSRF_COOKIE_NAME}={value}", "Path=/", "SameSite=Lax"]
    if secure:
        attrs.append("Secure")
    return "; ".join(attrs)
