"""The upstream server the proxy stands in front of: its URL, and whether it is Streamlit.

Not in Streamlit. The probe asks what Streamlit's own frontend asks before it
opens the websocket (``DoInitPings``, streamlit-internals §2.1): ``GET
/_stcore/health``, which every Streamlit from 1.39 to 1.67 answers with ``ok``
(or 503 while its runtime starts). Anything else, or nothing, is an error with
a one-line message: the proxy refuses to start in front of a server that is
down or is not Streamlit, and a request that finds it gone later gets the 502
page (inspector/proxy/badgateway.py).

Receives: the ``TARGET_URL`` of ``minilit proxy``. Hands to: the forwarding
handlers (the upstream origin and base path) and the command line (the probe's
verdict).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from tornado.httpclient import AsyncHTTPClient, HTTPRequest

HEALTH = "/_stcore/health"
PROBE_TIMEOUT = 5.0
"""Seconds the probe waits for the target's answer."""


class TargetError(Exception):
    """The target cannot be proxied; the message is one line that says why."""


@dataclass(frozen=True, slots=True)
class Target:
    """``http://host:port[/base]``: where the real server listens.

    ``base`` is Streamlit's ``server.baseUrlPath`` (``""`` or ``/base``):
    the proxy serves the same paths, so a page's relative URLs need no
    rewriting.
    """

    scheme: str
    netloc: str
    base: str = ""

    @property
    def origin(self) -> str:
        """``http://host:port``: what the real server's own pages send as Origin."""
        return f"{self.scheme}://{self.netloc}"

    @property
    def url(self) -> str:
        return self.origin + self.base

    def http_url(self, path_and_query: str) -> str:
        """The upstream URL of a request the proxy received for ``path_and_query``."""
        return self.origin + path_and_query

    def ws_url(self, path_and_query: str) -> str:
        scheme = "wss" if self.scheme == "https" else "ws"
        return f"{scheme}://{self.netloc}{path_and_query}"


def parse_target(url: str) -> Target:
    """Read ``TARGET_URL`` (``host:port`` alone means ``http://host:port``).

    Raises:
        TargetError: not an http(s) URL with a host.
    """
    text = url.strip()
    parts = urlsplit(text if "://" in text else f"http://{text}")
    if parts.scheme not in ("http", "https"):
        raise TargetError(f"the target must be an http:// or https:// URL, not {url!r}")
    if not parts.hostname:
        raise TargetError(f"the target URL has no host: {url!r}")
    try:
        parts.port  # noqa: B018  (urlsplit checks the port only when asked)
    except ValueError:
        raise TargetError(f"the target URL has a bad port: {url!r}") from None
    if parts.query or parts.fragment:
        raise TargetError(f"the target URL takes no query or fragment: {url!r}")
    return Target(parts.scheme, parts.netloc, parts.path.rstrip("/"))


async def probe(target: Target, timeout: float = PROBE_TIMEOUT) -> None:
    """Check that ``target`` is up and answers ``/_stcore/health`` as Streamlit does.

    Raises:
        TargetError: down (no connection), or up but not Streamlit.
    """
    request = HTTPRequest(
        target.url + HEALTH,
        connect_timeout=timeout,
        request_timeout=timeout,
        follow_redirects=False,
    )
    try:
        answer = await AsyncHTTPClient().fetch(request, raise_error=False)
    except OSError as exc:
        raise TargetError(f"{target.url} is not reachable: {exc.strerror or exc}") from None
    if answer.code == 599:  # Tornado's "no HTTP answer" (refused, timed out, reset)
        reason = str(answer.error) if answer.error else "no answer"
        raise TargetError(f"{target.url} is not reachable: {reason}")
    body = (answer.body or b"")[:64].strip()
    if answer.code == 503:
        return  # Streamlit's runtime is still starting: it is Streamlit
    if answer.code != 200 or body != b"ok":
        raise TargetError(
            f"{target.url} does not look like a Streamlit server "
            f"(GET {HEALTH} answered {answer.code}, not 200 'ok')"
        )


class Upstream:
    """The target, and whether it has shown itself to be Streamlit.

    Until the probe succeeds, every request gets the 502 page with the
    probe's one-line reason (a target that is down, or is not Streamlit);
    the probe is tried again at most every RETRY_AFTER seconds, so the proxy
    may be started before ``streamlit run``. Once it has answered as
    Streamlit it is trusted until a request finds it gone (``lost``).
    """

    RETRY_AFTER = 1.0

    def __init__(self, target: Target) -> None:
        self.target = target
        self.verified = False
        self._reason = ""
        self._checked_at = float("-inf")

    async def check(self) -> str:
        """``""`` if the target may be used, else why not (one line)."""
        if self.verified:
            return ""
        now = time.monotonic()
        if now - self._checked_at < self.RETRY_AFTER and self._reason:
            return self._reason
        self._checked_at = now
        try:
            await probe(self.target)
        except TargetError as exc:
            self._reason = str(exc)
            return self._reason
        self.verified = True
        self._reason = ""
        return ""

    def lost(self, reason: str) -> None:
        """A request found the target gone: probe again before the next one."""
        self.verified = False
        self._reason = reason
        self._checked_at = time.monotonic()
