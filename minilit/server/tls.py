"""TLS: ``server.sslCertFile`` and ``server.sslKeyFile``, both or neither.

Mirrors: 1.39's ``_get_ssl_options`` in web/server/server.py and 1.67's checks
in web/server/starlette/starlette_server_config.py: only one of the two
options set, or a file that is missing, exits the server with status 1 and
one line saying why. With both, the server speaks https and wss on the same
port (an ``ssl.SSLContext`` for a server, ``Purpose.CLIENT_AUTH``), the XSRF
cookie is ``Secure``, and the websocket's Origin must be an ``https://`` one
(server/security.py).

As Streamlit's option help says, this is for a trusted network: in
production a proxy terminates TLS. minilit also refuses an unreadable file
or a key that does not belong to the certificate at start, with the same
one-line error, instead of failing at the first handshake.
"""

from __future__ import annotations

import os
import ssl

from minilit.config import Config
from minilit.trace import events
from minilit.trace.bus import BUS


class TLSConfigError(ValueError):
    """The TLS options are unusable; the message is one line for the user."""


def ssl_context(config: Config) -> ssl.SSLContext | None:
    """The server's SSL context, None without TLS; raises TLSConfigError."""
    cert = str(config.get("server.sslCertFile"))
    key = str(config.get("server.sslKeyFile"))
    try:
        return _context(cert, key)
    except TLSConfigError as exc:
        BUS.publish(events.TLS_REJECTED, reason=str(exc))
        raise


def _context(cert: str, key: str) -> ssl.SSLContext | None:
    if not cert and not key:
        return None
    if not cert or not key:
        given, missing = (
            ("server.sslCertFile", "server.sslKeyFile")
            if cert
            else ("server.sslKeyFile", "server.sslCertFile")
        )
        raise TLSConfigError(f"{given} is set but {missing} is not: set both or neither")
    for option, path in (("server.sslCertFile", cert), ("server.sslKeyFile", key)):
        if not os.path.isfile(path):
            raise TLSConfigError(f"{option}: no such file: {path}")
        if not os.access(path, os.R_OK):
            raise TLSConfigError(f"{option}: cannot read {path}")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except ssl.SSLError as exc:
        reason = exc.reason or str(exc).splitlines()[0]
        raise TLSConfigError(f"cannot use {cert} with {key}: {reason}") from None
    except OSError as exc:
        raise TLSConfigError(f"cannot read the certificate or key: {exc.strerror}") from None
    return context
