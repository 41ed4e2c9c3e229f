"""Exercise component_path: the component route of a real server runs your function."""

from __future__ import annotations

import http.client
import os
import urllib.parse
from pathlib import Path

import pytest

from lessons.framework.harness import ServerPool, TraceCapture
from minilit.server import path_security
from minilit.testing import AppClient
from minilit.trace import events

APP = """
import minilit.components.v1 as components
components.declare_component("c", path=COMP)
"""


def _get(url: str, path: str) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        conn.request("GET", path)  # sent as written: no dot-segment removal
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


@pytest.fixture
def site(tmp_path: Path, start_server: ServerPool) -> str:
    """A server with component ``app.c`` in tmp/comp; secrets beside and a sibling folder."""
    comp = tmp_path / "comp"
    comp.mkdir()
    (comp / "index.html").write_text("<p>component</p>", encoding="utf-8")
    (comp / "sub").mkdir()
    (comp / "sub" / "page.js").write_text("// js", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    evil = tmp_path / "comp_evil"
    evil.mkdir()
    (evil / "loot.txt").write_text("LOOT", encoding="utf-8")
    (comp / "out.txt").symlink_to(tmp_path / "secret.txt")
    (comp / "sibling.txt").symlink_to(evil / "loot.txt")
    script = tmp_path / "app.py"
    script.write_text(APP.replace("COMP", repr(str(comp))), encoding="utf-8")
    server = start_server.start(script)
    with AppClient.connect(server.url) as app:
        app.run()  # the script declares the component
    return server.url


def test_files_inside_the_folder_are_served(site: str) -> None:
    assert _get(site, "/component/app.c/index.html") == (200, b"<p>component</p>")
    assert _get(site, "/component/app.c/sub/page.js") == (200, b"// js")
    assert _get(site, "/component/app.c/sub/../index.html")[0] == 400


@pytest.mark.parametrize(
    "path", ["../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "sub%2F..%2F..%2Fsecret.txt"]
)
def test_climbing_out_is_a_400_and_leaks_nothing(site: str, path: str) -> None:
    status, body = _get(site, "/component/app.c/" + path)
    assert status == 400 and b"SECRET" not in body


def test_an_absolute_path_is_a_400(site: str, tmp_path: Path) -> None:
    absolute = urllib.parse.quote(str(tmp_path / "secret.txt"), safe="")
    status, body = _get(site, "/component/app.c/" + absolute)
    assert status == 400 and b"SECRET" not in body


def test_a_symlink_out_is_a_403(site: str, trace: TraceCapture) -> None:
    status, body = _get(site, "/component/app.c/out.txt")
    assert status == 403 and b"SECRET" not in body
    refused = trace.wait_for(events.COMPONENT_REJECTED, lambda e: e.fields.get("path") == "out.txt")
    assert refused.fields["reason"] == "resolves outside the component's folder"


def test_a_sibling_folder_with_the_same_prefix_is_outside(site: str) -> None:
    status, body = _get(site, "/component/app.c/sibling.txt")
    assert status == 403 and b"LOOT" not in body


@pytest.mark.parametrize(
    ("relative", "reason"),
    [
        ("a\x00b", "NUL byte in path"),
        ("\\\\host\\share\\x", "UNC or device path"),
        ("//host/share", "UNC or device path"),
        ("/\\host", "UNC or device path"),
        ("C:evil", "drive-letter path"),
        ("/etc/passwd", "absolute path"),
        ("\\windows", "absolute path"),
        ("a/../b", "'..' segment"),
        ("..\\x", "'..' segment"),
    ],
)
def test_patterns_are_refused_before_the_file_system(
    relative: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touched: list[str] = []
    real = os.path.realpath

    def spy(path: str, *args: object, **kwargs: object) -> str:
        touched.append(path)
        return real(path)

    monkeypatch.setattr(os.path, "realpath", spy)
    assert path_security.build_safe_abspath(str(tmp_path), relative) == (None, reason)
    assert touched == []


def test_names_that_only_look_dangerous_are_files(tmp_path: Path) -> None:
    (tmp_path / "..notes").write_text("x", encoding="utf-8")
    path, why = path_security.build_safe_abspath(str(tmp_path), "..notes")
    assert (path, why) == (str((tmp_path / "..notes").resolve()), "")
