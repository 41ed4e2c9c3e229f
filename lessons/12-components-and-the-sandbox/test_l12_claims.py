"""Lesson 12's claims, proven in Chromium on minilit and real Streamlit 1.67 (README.md)."""

from __future__ import annotations

import http.client
import os
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, TraceCapture
from lessons.framework.targets import Target, against
from minilit.trace import events

HERE = Path(__file__).parent
HTML_FRAME = "iframe[data-testid=stIFrame]"
COMPONENT_FRAME = "iframe[data-testid=stCustomComponentV1]"
STREAMLIT_SANDBOX = (
    "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox "
    "allow-same-origin allow-scripts allow-downloads"
)


def _url(target: Target, script: str, sandbox: str = "streamlit") -> str:
    """The app on ``target``; on minilit with server.componentSandbox = ``sandbox``.

    Real Streamlit 1.67 has one sandbox list; minilit's ``streamlit`` option is that list.
    """
    if target.is_minilit:
        return target.url(script, {"server.componentSandbox": sandbox})
    return target.url(script)


def _verdict(page: Any, url: str) -> str:
    page.goto(url)
    verdict = page.frame_locator(HTML_FRAME).locator("#verdict")
    expect(verdict).not_to_have_text("not run")
    return str(verdict.text_content())


@claim("L12.C1")
@against("minilit", "1.67")
def test_the_sandbox_list(target: Target, page: Any) -> None:
    page.goto(_url(target, "app.py"))
    frame = page.locator(HTML_FRAME)
    expect(frame).to_have_attribute("sandbox", STREAMLIT_SANDBOX)


@claim("L12.C2")
@against("minilit", "1.67")
def test_with_streamlits_list_the_frame_reaches_the_app(target: Target, page: Any) -> None:
    verdict = _verdict(page, _url(target, "app.py"))
    assert verdict == "reached the app's page: xsrf cookie read"
    expect(page.locator("body")).to_have_attribute("data-reached-by", "component")
    expect(page.get_by_test_id("stText")).to_have_text("Pay 10 EUR to Mallory")


@claim("L12.C3")
@against("minilit", "1.67")
def test_the_frame_removes_its_own_sandbox(target: Target, page: Any) -> None:
    url = _url(target, "escape_app.py")
    page.goto(url)
    state = page.frame_locator(HTML_FRAME).locator("#state")
    expect(state).to_have_text("no sandbox any more; navigated the tab")
    assert page.locator(HTML_FRAME).get_attribute("sandbox") is None
    assert page.url == f"{url}/#escaped"


@claim("L12.C4")
def test_minilits_default_keeps_the_frame_out(start_server: ServerPool, page: Any) -> None:
    server = start_server.start("app.py")  # server.componentSandbox left at "minilit"
    assert _verdict(page, server.url) == "blocked: SecurityError"
    expect(page.get_by_test_id("stText")).to_have_text("Pay 10 EUR to Alice")
    assert page.locator("body").get_attribute("data-reached-by") is None
    assert "allow-same-origin" not in (page.locator(HTML_FRAME).get_attribute("sandbox") or "")
    escape = start_server.start("escape_app.py")
    page.goto(escape.url)
    state = page.frame_locator(HTML_FRAME).locator("#state")
    expect(state).to_have_text(
        "sandboxed, cannot see my own iframe; top navigation refused: SecurityError"
    )
    assert page.url == f"{escape.url}/"
    assert page.locator(HTML_FRAME).get_attribute("sandbox")


def _component_says(page: Any, start: str) -> str:
    said = page.get_by_test_id("stText").filter(has_text="component says: " + start)
    expect(said).to_be_visible()
    return str(said.text_content()).removeprefix("component says: ")


@claim("L12.C5")
@against("minilit", "1.67")
def test_another_origin_is_kept_out_even_with_streamlits_list(target: Target, page: Any) -> None:
    url = _url(target, "component_app.py")
    page.goto(url)
    port = urllib.parse.urlsplit(url).port
    said = _component_says(page, "http://127.0.0.1")
    assert said == f"http://127.0.0.1:{port} reached the app's page"
    page.get_by_text("serve the component from another origin").click()
    said = _component_says(page, "http://localhost")
    assert said == f"http://localhost:{port} blocked: SecurityError"


def _seen(page: Any, url: str) -> tuple[Any, list[str]]:
    """Load the forge app, add the forging frame, then rerun with the page's values."""
    page.goto(url)
    seen = page.get_by_test_id("stText").filter(has_text="values seen:")
    expect(seen).to_contain_text("http://127.0.0.1")
    page.get_by_text("add the forging frame").click()
    forger = page.frame_locator(HTML_FRAME).locator("#forger")
    expect(forger).not_to_have_text("not run")
    # The forged messages were posted before the forger wrote its verdict, so the host
    # handled them before this click: the click's rerun carries the component's value
    # as the page holds it, forged or not.
    page.get_by_text("check the value").click()
    expect(page.get_by_text("checked the value")).to_be_visible()
    values = str(seen.text_content()).removeprefix("values seen: ").split(" | ")
    return forger, values


@claim("L12.C6")
@against("minilit", "1.67")
def test_a_message_from_another_frame_is_ignored(target: Target, page: Any) -> None:
    _, values = _seen(page, _url(target, "forge_app.py", sandbox="minilit"))
    assert "forged in its own frame" not in values


@claim("L12.C7")
@against("minilit", "1.67")
def test_a_same_origin_frame_speaks_through_the_component(target: Target, page: Any) -> None:
    forger, values = _seen(page, _url(target, "forge_app.py"))
    expect(forger).to_have_text("posted from my frame; posted through the component's frame")
    assert values[-1] == "forged through the component's frame"
    assert "forged in its own frame" not in values


@claim("L12.C7")
def test_minilits_default_frame_cannot_reach_the_component(
    start_server: ServerPool, page: Any
) -> None:
    server = start_server.start("forge_app.py")
    forger, values = _seen(page, server.url)
    expect(forger).to_have_text(
        "posted from my frame; could not reach the component's frame: SecurityError"
    )
    assert [v for v in values if v.startswith("forged")] == []


@claim("L12.C8")
@against("minilit", "1.67")
def test_v2_runs_in_the_apps_page(target: Target, page: Any) -> None:
    page.goto(target.url("v2_app.py"))
    texts = page.get_by_test_id("stText")
    if target.is_minilit:
        expect(texts.nth(1)).to_have_text("this server has no st.components.v2")
        expect(texts.first).to_have_text("Pay 10 EUR to Alice")
        return
    expect(page.locator("#verdict")).to_have_text("ran in the app's page: xsrf cookie read")
    expect(texts.first).to_have_text("Pay 10 EUR to Mallory")
    assert page.locator("iframe").count() == 0


def _get(url: str, path: str) -> tuple[int, bytes]:
    """A raw GET: http.client sends the path as written (no dot-segment removal)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        conn.request("GET", path)
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


TRAVERSALS = ["../component_app.py", "..%2Fcomponent_app.py", "%2e%2e/component_app.py"]


@claim("L12.C9")
@against("minilit", "1.67")
def test_traversal_out_of_the_component_folder_is_a_400(target: Target) -> None:
    url = target.url("component_app.py")
    with target.connect("component_app.py") as app:
        app.run()  # declares the component
    base = "/component/component_app.probe/"
    status, body = _get(url, base + "index.html")
    assert status == 200 and b"streamlit:componentReady" in body
    for path in TRAVERSALS:
        status, body = _get(url, base + path)
        assert status == 400 and b"import minilit" not in body, path


@claim("L12.C10")
def test_component_files_are_security_events(
    start_server: ServerPool, trace: TraceCapture, tmp_path: Path
) -> None:
    server = start_server.start("component_app.py")
    from minilit.testing import AppClient

    with AppClient.connect(server.url) as app:
        app.run()
    base = "/component/component_app.probe/"
    assert _get(server.url, base + "index.html")[0] == 200
    served = trace.wait_for(events.COMPONENT_SERVED, lambda e: e.fields.get("path") == "index.html")
    assert served.fields["component"] == "component_app.probe"
    assert _get(server.url, base + "..%2Fcomponent_app.py")[0] == 400
    refused = trace.wait_for(events.COMPONENT_REJECTED, lambda e: e.fields.get("status") == 400)
    assert refused.fields["reason"] == "'..' segment"
    assert refused.fields["path"] == "../component_app.py"
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    link = HERE / "probe_component" / "link-out.txt"
    if os.path.lexists(link):
        link.unlink()
    link.symlink_to(outside)
    try:
        assert _get(server.url, base + "link-out.txt") == (
            403,
            b"403: resolves outside the component's folder\n",
        )
    finally:
        link.unlink()
    refused = trace.wait_for(events.COMPONENT_REJECTED, lambda e: e.fields.get("status") == 403)
    assert refused.fields["path"] == "link-out.txt"


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
