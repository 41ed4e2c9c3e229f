"""Chromium on real Streamlit 1.67 through the proxy: click, type, upload; the trace
shows what happened, decoded.

The page, its scripts, ``/_stcore/health`` and ``host-config``, the websocket, and
the upload (a ``PUT`` with the XSRF cookie and header, which 1.67 checks) all go
through the proxy; nothing is stubbed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from inspector.channel.summary import resolve
from minilit.trace import events as ev
from minilit.trace.bus import BUS, Subscriber, TraceEvent
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium
from tests.proxy.conftest import ProxyThread

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def bus() -> Iterator[Subscriber]:
    sub = BUS.subscribe(100_000)
    yield sub
    BUS.unsubscribe(sub)


@pytest.fixture
def page(browser: Browser, proxy: ProxyThread) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(30_000)
    yield page
    context.close()
    assert not errors, errors


def idle(page: Page) -> None:
    page.wait_for_selector(
        "[data-testid='stApp']:not([data-test-script-state='running'])"
        ":not([data-test-script-state='rerunRequested'])"
    )


def drained(sub: Subscriber) -> list[TraceEvent]:
    return [resolve(e) for e in sub.drain()]


def test_click_type_and_upload_through_the_proxy(
    page: Page, proxy: ProxyThread, bus: Subscriber, tmp_path: Path
) -> None:
    page.goto(proxy.url)
    expect(page.get_by_text("Count: 0")).to_be_visible()
    idle(page)

    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("Count: 1")).to_be_visible()
    idle(page)

    name = page.get_by_label("Your name")
    name.fill("Ada")
    name.press("Enter")
    expect(page.get_by_text("Hello, Ada")).to_be_visible()
    idle(page)

    upload = tmp_path / "hello.txt"
    upload.write_bytes(b"hello through the proxy")
    page.locator("input[type='file']").set_input_files(str(upload))
    expect(page.get_by_text(re.compile(r"Uploaded hello\.txt 23 bytes"))).to_be_visible()
    idle(page)

    # Only this page's session: a minilit server another test left running in this
    # process may still publish on the same bus.
    everything = drained(bus)
    proxied = {
        e.session_id
        for e in everything
        if e.name == ev.HANDSHAKE_ACCEPTED and e.fields.get("via") == "proxy"
    }
    assert proxied
    events = [e for e in everything if e.session_id in proxied]
    backs = [e.fields.get("kind") for e in events if e.name == ev.BACKMSG_DECODED]
    assert backs.count("rerun_script") >= 4  # first run, click, type, upload
    summaries = [e.fields.get("summary", "") for e in events if e.name == ev.DELTA_ENQUEUED]
    assert "Count: `1`" in summaries
    assert "Hello, Ada" in summaries
    finished = [e.fields["status"] for e in events if e.name == ev.RUN_FINISHED]
    assert len(finished) >= 4 and set(finished) <= {
        "FINISHED_SUCCESSFULLY",
        "FINISHED_EARLY_FOR_RERUN",
        "script_stopped_for_rerun",
    }
    # Every frame the browser got was published with its bytes.
    assert all(e.data for e in events if e.name == ev.FORWARDMSG_SENT)
