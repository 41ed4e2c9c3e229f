"""The frontend in Chromium: status and text elements of issue 12, item 6.

Each test starts a real minilit server on a free port, opens the app in Chromium and
checks what a person would see (and, for st.query_params, the address bar).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser import gates
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


def test_spinner_toast_balloons_snow_latex_help_and_echo(page: Page, serve: Serve) -> None:
    gates.SPINNER.clear()
    server = serve(APPS / "status_app.py")
    open_app(page, server.url)
    main = page.get_by_test_id("stMain")
    texts = main.get_by_test_id("stText")
    expect(texts.first).to_have_text("top")
    # st.latex: the TeX source (no KaTeX), with its help.
    latex = main.get_by_test_id("stLatex")
    expect(latex).to_contain_text("$$\ne^{i\\pi} + 1 = 0\n$$")
    expect(latex.get_by_test_id("stTooltipIcon")).to_have_attribute("title", "Euler")
    # Magic writing a bare function: st.help's element.
    help_box = main.get_by_test_id("stHelp")
    expect(help_box.get_by_test_id("stHelpName")).to_have_text("documented")
    expect(help_box.get_by_test_id("stHelpType")).to_have_text("function")
    expect(help_box.get_by_test_id("stHelpValue")).to_have_text("__main__.documented(a, b=2)")
    expect(help_box.get_by_test_id("stHelpDoc")).to_have_text("Adds things.\n\nLonger text.")
    # st.echo: the block's code above what it wrote.
    code = main.get_by_test_id("stCode")
    expect(code).to_contain_text('st.text("echoed")')
    echoed = main.get_by_test_id("stElementContainer").filter(has_text="echoed")
    assert code.bounding_box()["y"] < echoed.last.bounding_box()["y"]  # type: ignore[index]

    # st.spinner: shown in front of the next element while the block runs, then gone.
    main.get_by_role("button", name="hold spinner").click()
    spinner = main.get_by_test_id("stSpinner")
    expect(spinner).to_contain_text("Holding on")
    expect(spinner.get_by_test_id("stSpinnerTimer")).to_contain_text("seconds")
    # It sits where the next element goes: after the button, before the next one.
    hold = main.get_by_role("button", name="hold spinner").bounding_box()
    celebrate = main.get_by_role("button", name="celebrate").bounding_box()
    box = spinner.bounding_box()
    assert hold and celebrate and box and hold["y"] < box["y"] < celebrate["y"]
    gates.SPINNER.set()
    wait_for_app_idle(page)
    expect(spinner).to_have_count(0)

    # st.toast in the corner (until closed), balloons and snow played once. Every toast
    # that appears is recorded from inside the page, so a short one is seen for sure.
    page.evaluate(
        """() => {
            window.toastsSeen = []
            new MutationObserver(() => {
                for (const t of document.querySelectorAll("[data-testid=stToast]")) {
                    window.toastsSeen.push(t.textContent)
                }
            }).observe(document.body, { childList: true, subtree: true })
        }"""
    )
    main.get_by_role("button", name="celebrate").click()
    wait_for_app_idle(page)
    toast = page.get_by_test_id("stToast")
    # The one-second toast goes by itself; the infinite one stays until closed.
    expect(toast.filter(has_text="Gone soon")).to_have_count(0, timeout=5_000)
    assert any("Gone soon" in seen for seen in page.evaluate("window.toastsSeen"))
    expect(toast).to_have_count(1)
    expect(toast.get_by_test_id("stToastBody")).to_have_text("Saved now")
    expect(toast.locator("strong")).to_have_text("now")
    expect(toast.get_by_test_id("stIconEmoji")).to_have_text("🎉")
    expect(page.get_by_test_id("stBalloons")).to_have_attribute("data-playing", "true")
    expect(page.get_by_test_id("stSnow")).to_have_attribute("data-playing", "true")
    expect(page.get_by_test_id("stBalloons")).to_have_attribute(
        "data-playing", "false", timeout=10_000
    )
    toast.get_by_role("button", name="Close").click()
    expect(toast).to_have_count(0)
    expect(texts.last).to_have_text("bottom")

    # st.html: inserted (sanitized: no event handler survives), and a style-only body
    # (sent to the event container) styles the page without a place in it.
    raw = main.get_by_test_id("stHtml")
    expect(raw).to_have_count(1)
    expect(raw.locator("p.raw b")).to_have_text("HTML")
    assert raw.locator("img").get_attribute("onerror") is None
    expect(raw.locator("p.raw")).to_have_css("color", "rgb(255, 0, 0)")
    assert page.evaluate("window.pwned") is None

    # st.write_stream's text, and st.write of a dict and an exception.
    expect(main.get_by_test_id("stMarkdown").filter(has_text="streamed")).to_have_text(
        "streamed text"
    )
    expect(main.get_by_test_id("stJson")).to_contain_text("json")
    expect(main.get_by_test_id("stException")).to_contain_text("written error")
