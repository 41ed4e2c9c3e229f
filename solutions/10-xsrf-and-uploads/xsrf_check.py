"""Reference solution of exercise xsrf_check (lesson 10). Try it yourself first."""

from __future__ import annotations

import hmac

from minilit.server.xsrf import XSRF_COOKIE_NAME, XSRF_HEADER, XsrfDecision, decode_token_string


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
