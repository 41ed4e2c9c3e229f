"""Reference solution of exercise nginx_site (lesson 13)."""

from __future__ import annotations


def nginx_site(listen: str, replicas: list[str], cert_file: str, key_file: str) -> str:
    """An ``upstream`` and a ``server`` block for nginx's ``http`` context."""
    servers = "\n".join(f"    server {replica};" for replica in replicas)
    return f"""
map $http_upgrade $connection_upgrade {{
    default upgrade;
    ''      close;
}}

upstream minilit_replicas {{
    ip_hash;
{servers}
}}

server {{
    listen {listen} ssl;
    ssl_certificate {cert_file};
    ssl_certificate_key {key_file};

    location / {{
        proxy_pass http://minilit_replicas;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $http_host;
        proxy_read_timeout 86400s;
    }}
}}
"""
