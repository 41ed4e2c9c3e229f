"""The 502 page: what the browser gets when the target is down or is not Streamlit.

Not in Streamlit (a reverse proxy's standard answer, RFC 9110 §15.6.3). The
reason is one line, the same the proxy prints on its terminal; no traceback
reaches the browser or the terminal.

Receives: a one-line reason from inspector/proxy/forward.py or stream.py.
Hands to: the browser (HTML; a ``X-Minilit-Proxy-Error`` header carries the
same line for scripts and tests).
"""

from __future__ import annotations

import html

ERROR_HEADER = "X-Minilit-Proxy-Error"


def one_line(reason: str) -> str:
    """``reason`` on one line (a header value must not hold a newline)."""
    return " ".join(reason.split())


def page(reason: str, target_url: str) -> str:
    """The HTML body of a 502 answer."""
    return (
        "<!doctype html>\n<html><head><meta charset='utf-8'>"
        "<title>502 Bad Gateway: minilit proxy</title></head>\n"
        "<body style='font-family: sans-serif; margin: 3em'>\n"
        "<h1>502 Bad Gateway</h1>\n"
        f"<p>The minilit proxy could not get an answer from the Streamlit server at "
        f"<code>{html.escape(target_url)}</code>:</p>\n"
        f"<p><code>{html.escape(one_line(reason))}</code></p>\n"
        "<p>Start the app (<code>streamlit run app.py</code>), then reload this page.</p>\n"
        "</body></html>\n"
    )
