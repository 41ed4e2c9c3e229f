"""The frontend in Chromium: status and text elements of issue 12, item 6.

Each test starts a real minilit server on a free port, opens the app in Chromium and
checks what a person would see (and, for st.query_params, the address bar).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.conftest import APPS
from tests.browser.helpers import open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


def test_query_params_come_from_the_address_and_change_it(page: Page, serve: Serve) -> None:
    server = serve(APPS / "query_params_app.py")
    open_app(page, server.url + "/?a=1&tag=x&tag=y")
    main = page.get_by_test_id("stMain")
    texts = main.get_by_test_id("stText")
    expect(texts.first).to_have_text("read: {'a': '1', 'tag': 'y'}")
    main.get_by_role("button", name="set n").click()
    wait_for_app_idle(page)
    # page_info_changed rewrote the address bar, with the parameters kept in order.
    expect(page).to_have_url(server.url + "/?a=1&tag=x&tag=y&n=7")
    expect(texts.last).to_have_text("now: {'a': '1', 'tag': 'y', 'n': '7'}")
    # The next run reads the new address.
    main.get_by_role("button", name="clear").click()
    wait_for_app_idle(page)
    expect(texts.first).to_have_text("read: {'a': '1', 'tag': 'y', 'n': '7'}")
    expect(page).to_have_url(server.url + "/")
    expect(texts.last).to_have_text("now: {}")
