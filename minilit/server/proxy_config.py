"""The nginx configuration minilit recommends in front of itself.

Not in Streamlit (its documentation gives no proxy configuration). A reverse proxy
in front of minilit (or Streamlit) must do four things, and each missing one
breaks something you only notice in a browser:

* terminate TLS (``listen ... ssl`` with the certificate and key), so the page is
  https and its websocket wss;
* pass the websocket upgrade: HTTP/1.1 to the upstream and the ``Upgrade`` and
  ``Connection`` headers, which are hop-by-hop and so dropped unless set again;
  without them pages load and ``/_stcore/stream`` never opens;
* keep the ``Host`` the browser used (``$http_host``): nginx sends the upstream's
  own address by default, and minilit's Origin check compares the page's Origin
  with the Host it receives;
* with several replicas, send a browser back to the same one (sticky sessions):
  a session lives in one process's memory, and a reconnect that lands on another
  replica starts a new, empty session. ``ip_hash`` keys on the client's address
  (its first three octets for IPv4).

Also: a long ``proxy_read_timeout`` (nginx closes a proxied connection after 60 s
without data by default, and an idle app's websocket may be quiet for longer than
that between pings), and ``X-Forwarded-*`` headers for the logs.

Lesson 13 (lessons/13-hosting-it-yourself/) runs the result in a real nginx; its
exercise is this function.

Receives: the listening address, the replicas, the certificate. Hands to: nginx
(the text goes inside its ``http { }`` block).
"""

from __future__ import annotations

UPSTREAM = "minilit_replicas"
"""The upstream block's name (``proxy_pass http://minilit_replicas``)."""


def nginx_site(listen: str, replicas: list[str], cert_file: str, key_file: str) -> str:
    """An ``upstream`` and a ``server`` block for nginx's ``http`` context.

    Args:
        listen: nginx's ``listen`` address, e.g. ``"443"`` or ``"127.0.0.1:8443"``.
        replicas: the minilit servers, ``"127.0.0.1:8501"`` each.
        cert_file: the TLS certificate (PEM) nginx presents.
        key_file: its private key (PEM).
    """
    servers = "\n".join(f"    server {replica};" for replica in replicas)
    return f"""\
map $http_upgrade $connection_upgrade {{
    default upgrade;  # a websocket handshake: keep asking for the upgrade
    ''      close;    # a plain request
}}

upstream {UPSTREAM} {{
    ip_hash;  # sticky: a browser comes back to the replica that holds its session
{servers}
}}

server {{
    listen {listen} ssl;
    ssl_certificate {cert_file};
    ssl_certificate_key {key_file};

    location / {{
        proxy_pass http://{UPSTREAM};
        proxy_http_version 1.1;                  # websockets need HTTP/1.1 upstream
        proxy_set_header Upgrade $http_upgrade;  # hop-by-hop: set them again
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $http_host;        # the Host the browser used
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 86400s;               # a quiet websocket is not a dead one
    }}
}}
"""
