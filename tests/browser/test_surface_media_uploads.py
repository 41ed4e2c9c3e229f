"""The security surface in a real Chromium: a file uploaded through the file
chooser (XSRF header and all), an image that loads, a download that arrives
with its name, and custom components that post values back (sandboxed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, WebSocket, expect

from minilit.server.background import ServerThread
from tests.browser.helpers import open_app, wait_for_app_idle

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

UPLOAD_APP = """
import minilit as st
f = st.file_uploader("Pick a text file", type=["txt"])
st.text("none" if f is None else f"got {f.name}: {f.getvalue().decode()}")
st.image(PNG, caption="a dot")
st.download_button("Download CSV", "a,b\\n1,2\\n", file_name="data.csv", mime="text/csv")
""".replace("PNG", repr(PNG))

COMPONENT_HTML = """<!doctype html><html><body>
<button id="send">send</button><span id="args"></span>
<script>
function post(type, extra) {
  window.parent.postMessage(Object.assign({isStreamlitMessage: true, type: type}, extra), "*");
}
window.addEventListener("message", function (event) {
  if (event.data.type !== "streamlit:render") return;
  document.getElementById("args").textContent = JSON.stringify(event.data.args);
  post("streamlit:setFrameHeight", {height: 77});
});
document.getElementById("send").addEventListener("click", function () {
  var cookie;
  try { cookie = document.cookie.indexOf("_streamlit_xsrf") >= 0 ? "readable" : "absent"; }
  catch (e) { cookie = "blocked"; }
  post("streamlit:setComponentValue", {value: {clicked: true, cookie: cookie}, dataType: "json"});
});
post("streamlit:componentReady", {apiVersion: 1});
</script></body></html>
"""

# The iframes themselves: until the page knows the sandbox policy (from
# /_stcore/host-config) each is a placeholder <div> with the same test id.
COMPONENT_FRAME = "iframe[data-testid=stCustomComponentV1]"
HTML_FRAME = "iframe[data-testid=stIFrame]"

COMPONENT_APP = """
import minilit as st
import minilit.components.v1 as components
c = components.declare_component("echo", path=COMP)
value = c(greeting="hello", default=None)
st.text(f"value={value}")
"""


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., ServerThread]]:
    servers: list[ServerThread] = []

    def run(source: str, **options: Any) -> ServerThread:
        script = tmp_path / "app.py"
        script.write_text(source, encoding="utf-8")
        server = ServerThread(script, options=options).start()
        servers.append(server)
        return server

    yield run
    for server in servers:
        server.stop()


def test_a_file_chosen_in_the_browser_reaches_the_script_and_can_be_removed(
    page: Page, start: Callable[..., ServerThread], tmp_path: Path
) -> None:
    server = start(UPLOAD_APP)
    open_app(page, server.url)
    expect(page.get_by_text("none", exact=True)).to_be_visible()
    upload = tmp_path / "hello.txt"
    upload.write_text("hi there")
    puts: list[dict[str, str]] = []
    page.on(
        "request",
        lambda r: puts.append(r.headers) if r.method == "PUT" else None,
    )
    page.get_by_test_id("stFileUploaderInput").set_input_files(str(upload))
    expect(page.get_by_text("got hello.txt: hi there")).to_be_visible()
    expect(page.get_by_test_id("stFileUploaderProgress")).to_have_attribute("value", "1")
    # The browser sent the double-submit header (the server would answer 403 otherwise).
    assert puts and puts[0].get("x-xsrftoken", "").startswith("2|")
    page.get_by_test_id("stFileUploaderDeleteBtn").click()
    expect(page.get_by_text("none", exact=True)).to_be_visible()
    wait_for_app_idle(page)


def test_a_file_over_the_limit_is_refused_in_the_browser(
    page: Page, start: Callable[..., ServerThread], tmp_path: Path
) -> None:
    server = start(UPLOAD_APP, **{"server.maxUploadSize": 1})
    open_app(page, server.url)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    page.get_by_test_id("stFileUploaderInput").set_input_files(str(big))
    expect(page.get_by_test_id("stFileUploaderFileError")).to_contain_text("1MB or smaller")
    expect(page.get_by_text("none", exact=True)).to_be_visible()


def test_an_image_loads(page: Page, start: Callable[..., ServerThread]) -> None:
    server = start(UPLOAD_APP)
    open_app(page, server.url)
    image = page.get_by_test_id("stImageElement")
    expect(image).to_have_attribute("src", _media_png())
    page.wait_for_function(
        "() => { const i = document.querySelector('[data-testid=stImageElement]');"
        " return i && i.complete && i.naturalWidth === 1 }"
    )
    expect(page.get_by_test_id("stImageCaption")).to_have_text("a dot")


def _media_png() -> Any:
    import re

    return re.compile(r"^/media/[0-9a-f]+\.png$")


def test_a_download_arrives_with_its_name(page: Page, start: Callable[..., ServerThread]) -> None:
    server = start(UPLOAD_APP)
    open_app(page, server.url)
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").get_by_role("button").click()
    download = info.value
    assert download.suggested_filename == "data.csv"
    assert Path(download.path()).read_bytes() == b"a,b\n1,2\n"
    wait_for_app_idle(page)


@pytest.mark.parametrize(
    ("sandbox_option", "same_origin", "cookie"),
    [("minilit", False, "blocked"), ("streamlit", True, "readable")],
)
def test_a_component_posts_a_value_back_and_the_script_reruns(
    page: Page,
    start: Callable[..., ServerThread],
    tmp_path: Path,
    sandbox_option: str,
    same_origin: bool,
    cookie: str,
) -> None:
    comp = tmp_path / "echo"
    comp.mkdir()
    (comp / "index.html").write_text(COMPONENT_HTML)
    source = COMPONENT_APP.replace("COMP", repr(str(comp)))
    server = start(source, **{"server.componentSandbox": sandbox_option})
    open_app(page, server.url)
    expect(page.get_by_text("value=None")).to_be_visible()
    frame_el = page.locator(COMPONENT_FRAME)
    sandbox = frame_el.get_attribute("sandbox") or ""
    assert ("allow-same-origin" in sandbox.split()) is same_origin
    assert "allow-scripts" in sandbox.split()
    frame = page.frame_locator(COMPONENT_FRAME)
    expect(frame.locator("#args")).to_have_text('{"greeting":"hello","default":null,"key":null}')
    expect(frame_el).to_have_attribute("height", "77")  # streamlit:setFrameHeight
    frame.locator("#send").click()
    expect(page.get_by_text(f"value={{'clicked': True, 'cookie': '{cookie}'}}")).to_be_visible()
    wait_for_app_idle(page)


def test_a_message_from_another_frame_is_ignored(
    page: Page, start: Callable[..., ServerThread], tmp_path: Path
) -> None:
    """Only the frame the component created may set its value (event.source).

    No waiting on the clock: a second frame posts a forged value first, then
    the component itself posts one. The page handles posted messages in the
    order they were posted, so once the component's value has reached the
    server, the forged one has been handled too; had it been accepted, a
    rerun_script carrying it would already have left the page.
    """
    comp = tmp_path / "echo"
    comp.mkdir()
    (comp / "index.html").write_text(COMPONENT_HTML)
    source = COMPONENT_APP.replace("COMP", repr(str(comp))) + (
        "components.html('<body><script>parent.postMessage({isStreamlitMessage: true,"
        ' type: "streamlit:setComponentValue", value: "forged", dataType: "json"}, "*");'
        ' document.body.textContent = "posted"</script></body>\')\n'
    ).replace("components.html", "import minilit.components.v1 as components\ncomponents.html")
    sent: list[bytes] = []

    def watch(ws: WebSocket) -> None:
        ws.on("framesent", lambda payload: sent.append(_as_bytes(payload)))

    page.on("websocket", watch)
    server = start(source)
    open_app(page, server.url)
    expect(page.frame_locator(HTML_FRAME).locator("body")).to_have_text("posted")
    expect(page.get_by_text("value=None")).to_be_visible()
    page.frame_locator(COMPONENT_FRAME).locator("#send").click()
    expect(page.get_by_text("value={'clicked': True")).to_be_visible()
    assert any(b"clicked" in frame for frame in sent)  # the component's own value went out
    assert not any(b"forged" in frame for frame in sent)
    assert page.get_by_text("forged").count() == 0


def _as_bytes(payload: str | bytes) -> bytes:
    return payload if isinstance(payload, bytes) else payload.encode()
