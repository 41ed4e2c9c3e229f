"""The HTTP routes: health, host-config, static files with the SPA fallback."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.wire import serve

APP = "import minilit as st\nst.text('hello')\n"


def get(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode(), dict(resp.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), dict(err.headers)


def test_health_and_host_config(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        status, body, _ = get(server.url + "/_stcore/health")
        assert (status, body) == (200, "ok")
        status, body, headers = get(server.url + "/_stcore/host-config")
        assert status == 200
        assert headers["Content-Type"].startswith("application/json")
        assert json.loads(body)["allowedOrigins"] == []


def test_index_and_spa_fallback(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        status, index, headers = get(server.url + "/")
        assert status == 200
        assert "<html" in index.lower()
        assert headers["Cache-Control"] == "no-cache"
        status, page, _ = get(server.url + "/some/page")
        assert (status, page) == (200, index)


@pytest.mark.parametrize("path", ["/x/_stcore/health", "/x/_stcore/host-config"])
def test_reserved_paths_do_not_fall_back(tmp_path: Path, path: str) -> None:
    with serve(tmp_path, APP) as server:
        status, _, _ = get(server.url + path)
        assert status == 404


def test_traversal_is_refused(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        status, body, _ = get(server.url + "/..%2f..%2fconfig.py")
        assert status in (403, 404)
        assert "OPTIONS" not in body
