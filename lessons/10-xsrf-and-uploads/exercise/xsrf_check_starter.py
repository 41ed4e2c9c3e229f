"""Exercise xsrf_check (lesson 10). Read xsrf_check.md first.

This function replaces minilit.server.xsrf.check_double_submit when you run
`minilit lesson check 10`.
"""

from __future__ import annotations

from minilit.server.xsrf import (  # noqa: F401 (what you will need)
    XSRF_COOKIE_NAME,
    XSRF_HEADER,
    XsrfDecision,
    decode_token_string,
)


def check_double_submit(header: str | None, cookie: str | None) -> XsrfDecision:
    """Does the header carry the cookie's token? (1.67's validate_xsrf_token.)"""
    # TODO: refuse a missing cookie or header, decode both, compare the tokens. Until
    # then any request that reaches the upload route is accepted, header or not.
    return XsrfDecision(True, "not checked yet")
