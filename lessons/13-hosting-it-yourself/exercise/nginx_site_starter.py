"""Exercise nginx_site: the nginx configuration in front of your minilit replicas.

Replaces minilit.server.proxy_config.nginx_site. Read nginx_site.md.
"""

from __future__ import annotations


def nginx_site(listen: str, replicas: list[str], cert_file: str, key_file: str) -> str:
    """An ``upstream`` and a ``server`` block for nginx's ``http`` context."""
    servers = "\n".join(f"    server {replica};" for replica in replicas)
    # What most first attempts look like: TLS and a proxy_pass, and nothing else.
    return f"""
upstream minilit_replicas {{
{servers}
}}

server {{
    listen {listen} ssl;
    ssl_certificate {cert_file};
    ssl_certificate_key {key_file};

    location / {{
        proxy_pass http://minilit_replicas;
    }}
}}
"""
