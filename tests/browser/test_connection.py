"""The connection in Chromium: first run, reconnect, session resumption.

The page is loaded through a TCP proxy (helpers.TcpProxy), so the test can
cut the network under a running page — websocket and all — and bring it
back, with no hook in the app or the server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, WebSocket, expect

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from tests.browser.conftest import APPS
from tests.browser.helpers import APP, TcpProxy, open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


@pytest.fixture
def proxied(serve: Serve) -> Iterator[Callable[[Path], TcpProxy]]:
    proxies: list[TcpProxy] = []

    def start(script: Path) -> TcpProxy:
        proxy = TcpProxy(serve(script).port)
        proxies.append(proxy)
        return proxy

    yield start
    for proxy in proxies:
        proxy.close()


def test_browser_sends_the_first_rerun(page: Page, serve: Serve) -> None:
    """The server sends nothing on connect; the browser's rerun_script starts the run."""
    server = serve(APPS / "reruns_app.py")
    frames: list[tuple[str, bytes]] = []
    sockets: list[WebSocket] = []

    def on_websocket(ws: WebSocket) -> None:
        sockets.append(ws)
        ws.on("framesent", lambda payload: frames.append(("sent", _as_bytes(payload))))
        ws.on("framereceived", lambda payload: frames.append(("received", _as_bytes(payload))))

    page.on("websocket", on_websocket)
    open_app(page, server.url)
    expect(page.get_by_text("runs: 1")).to_be_visible()
    assert [ws.url for ws in sockets] == [server.ws_url]
    direction, first = frames[0]
    assert direction == "sent", "the server spoke first"
    back = BackMsg.FromString(first)
    assert back.WhichOneof("type") == "rerun_script"
    assert len(back.rerun_script.widget_states.widgets) == 0
    forward = ForwardMsg.FromString(frames[1][1])
    assert forward.WhichOneof("type") == "new_session"


def _as_bytes(payload: str | bytes) -> bytes:
    return payload if isinstance(payload, bytes) else payload.encode()


def test_reconnect_resumes_the_session_with_its_state(
    page: Page, proxied: Callable[[Path], TcpProxy]
) -> None:
    proxy = proxied(APPS / "reruns_app.py")
    app = page.locator(APP)
    open_app(page, proxy.url)
    for expected in ("runs: 1", "runs: 2", "runs: 3"):
        expect(page.get_by_text(expected)).to_be_visible()
        wait_for_app_idle(page)
        if expected != "runs: 3":
            page.keyboard.press("r")
    session_id = app.get_attribute("data-test-session-id")
    assert session_id

    # Kill the websocket (and refuse new connections) for a while.
    proxy.cut()
    expect(app).to_have_attribute("data-test-connection-state", "PINGING_SERVER")
    status = page.get_by_test_id("stConnectionStatus")
    expect(status).to_contain_text("Reconnecting")
    expect(status).to_contain_text("retrying in")
    expect(page.get_by_test_id("stRerunButton")).to_be_disabled()
    page.wait_for_timeout(1500)  # several jittered retries fail meanwhile
    expect(app).not_to_have_attribute("data-test-connection-state", "CONNECTED")

    # Bring the network back: the page reconnects to the *same* session.
    proxy.restore()
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    assert app.get_attribute("data-test-session-id") == session_id
    expect(status).to_have_count(0)
    # The last run had finished, so the browser does not rerun on resume...
    page.wait_for_timeout(500)
    expect(page.get_by_text("runs: 3")).to_be_visible()
    # ...and the session's state is still there.
    page.keyboard.press("r")
    expect(page.get_by_text("runs: 4")).to_be_visible()
    assert app.get_attribute("data-test-session-id") == session_id


def test_run_cut_short_by_a_drop_is_rerun_after_reconnect(
    page: Page, proxied: Callable[[Path], TcpProxy]
) -> None:
    proxy = proxied(APPS / "stale_app.py")  # runs after the first sleep 2 s
    app = page.locator(APP)
    open_app(page, proxy.url)
    page.keyboard.press("r")
    expect(page.get_by_text("run 2")).to_be_visible()
    expect(app).to_have_attribute("data-test-script-state", "running")
    proxy.cut()  # the server stops the disconnected session's run
    expect(app).to_have_attribute("data-test-connection-state", "PINGING_SERVER")
    proxy.restore()
    # The browser saw no end to run 2, so it asks for a new run.
    expect(page.get_by_text("run 3")).to_be_visible(timeout=15_000)
    wait_for_app_idle(page)
    expect(page.get_by_text("after the sleep")).to_be_visible()


def test_refused_websocket_ends_in_disconnected_for_good(
    page: Page, proxied: Callable[[Path], TcpProxy]
) -> None:
    # Between browser and server sits a proxy that serves the page and the
    # health ping but answers every websocket handshake with 403 (a reverse
    # proxy set up without websocket support; or an Origin/Host refusal).
    proxy = proxied(APPS / "reruns_app.py")
    proxy.refuse_websockets = True
    page.goto(proxy.url)
    app = page.locator(APP)
    expect(app).to_have_attribute("data-test-connection-state", "DISCONNECTED_FOREVER")
    status = page.get_by_test_id("stConnectionStatus")
    expect(status).to_contain_text("Disconnected")
    expect(status).to_contain_text("refused the websocket 3 times")
    # Once websockets get through, Reconnect starts the cycle again.
    proxy.refuse_websockets = False
    page.get_by_test_id("stReconnectButton").click()
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(page.get_by_text("runs: 1")).to_be_visible()
