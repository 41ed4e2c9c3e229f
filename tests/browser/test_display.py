"""The frontend in Chromium: display elements, layout, runs, errors.

Each test starts a real minilit server on a free port, opens the app in
Debian's Chromium and checks what a person would see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.conftest import APPS, DEMO, REPO
from tests.browser.helpers import APP, open_app, read_png, wait_for_app_idle

Serve = Callable[[Path], ServerThread]

SCREENSHOT = REPO / ".minilit-work" / "screenshots" / "demo.png"


def test_demo_renders_every_display_element(page: Page, serve: Serve) -> None:
    server = serve(DEMO)
    open_app(page, server.url)

    # set_page_config(page_title=...) sets the tab title.
    expect(page).to_have_title("minilit demo")
    expect(page.get_by_role("heading", name="minilit demo")).to_be_visible()
    main = page.get_by_test_id("stMain")
    for testid in (
        "stHeading",
        "stCaption",
        "stMarkdown",
        "stText",
        "stCode",
        "stJson",
        "stAlert",
        "stMetric",
        "stProgress",
        "stExpander",
    ):
        expect(main.get_by_test_id(testid).first).to_be_visible()
    # Four alerts, one of each kind.
    kinds = main.get_by_test_id("stAlert").evaluate_all("els => els.map(e => e.dataset.alertKind)")
    assert sorted(kinds) == ["error", "info", "success", "warning"]
    # Columns: a horizontal block of three columns holding the metrics.
    row = main.get_by_test_id("stHorizontalBlock").first
    expect(row.get_by_test_id("stColumn")).to_have_count(3)
    expect(row.get_by_test_id("stMetricValue").first).to_have_text("42")
    # The sidebar holds root container 1.
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Elements here have delta paths")
    # The expander opens on click and shows its content.
    expander = main.get_by_test_id("stExpander")
    details = expander.get_by_test_id("stExpanderDetails")
    expect(details).to_be_hidden()
    expander.get_by_test_id("stExpanderToggle").click()
    expect(details).to_be_visible()
    # Magic: the bare string at the end was written.
    expect(main).to_contain_text("Bare expressions like this string are written by magic.")


def test_demo_screenshot_shows_the_app(page: Page, serve: Serve) -> None:
    """A screenshot of the demo, checked for visible content (not a pixel snapshot)."""
    server = serve(DEMO)
    open_app(page, server.url)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    image = read_png(SCREENSHOT.read_bytes())
    assert image.width == 1280
    assert image.height > 900  # the demo is longer than one screen

    def count(predicate: Callable[[tuple[int, int, int]], bool]) -> int:
        return sum(
            1
            for y in range(0, image.height, 3)
            for x in range(0, image.width, 3)
            if predicate(image.pixel(x, y))
        )

    sampled = (image.width // 3 + 1) * (image.height // 3 + 1)
    # Dark text (headings, markdown) covers a visible share of the page...
    dark = count(lambda p: max(p) < 90)
    assert dark > sampled * 0.003, f"only {dark} dark pixels: is the page blank?"
    # ...the sidebar's grey background is there...
    sidebar_grey = count(lambda p: p == (240, 242, 246))
    assert sidebar_grey > sampled * 0.05
    # ...and so is the full progress bar, in the primary red (#ff4b4b).
    red = count(lambda p: abs(p[0] - 255) < 8 and abs(p[1] - 75) < 12 and abs(p[2] - 75) < 12)
    assert red > 50, f"{red} red pixels: no progress bar?"


def test_exception_is_shown_with_its_traceback(page: Page, serve: Serve) -> None:
    server = serve(APPS / "exception_app.py")
    open_app(page, server.url)
    exception = page.get_by_test_id("stException")
    expect(exception).to_be_visible()
    expect(exception.get_by_test_id("stExceptionMessage")).to_contain_text("ZeroDivisionError")
    expect(exception.get_by_test_id("stExceptionMessage")).to_contain_text("division by zero")
    traceback = exception.get_by_test_id("stExceptionTraceback")
    expect(traceback).to_contain_text("divide(1, 0)")
    expect(traceback).to_contain_text("return a / b")
    # The elements before the error stay; the ones after it never came.
    expect(page.get_by_role("heading", name="Before the error")).to_be_visible()
    expect(page.get_by_text("never shown")).to_have_count(0)


def test_compile_error_is_shown(page: Page, serve: Serve, tmp_path: Path) -> None:
    # Written here, not kept in apps/: linters and formatters cannot parse it.
    script = tmp_path / "syntax_error_app.py"
    script.write_text('import minilit as st\n\nst.text("hello"\n')
    server = serve(script)
    page.goto(server.url)
    app = page.locator(APP)
    expect(app).to_have_attribute("data-test-script-state", "compilationError")
    exception = page.get_by_test_id("stException")
    expect(exception).to_contain_text("This script does not compile")
    expect(exception).to_contain_text("SyntaxError")


def test_placeholder_updates_in_place(page: Page, serve: Serve) -> None:
    server = serve(APPS / "placeholder_app.py")
    page.goto(server.url)
    texts = page.get_by_test_id("stText")
    # While the script runs, the slot between the two texts shows ticks...
    seen: set[str] = set()
    for _ in range(60):
        current = texts.all_inner_texts()
        seen.update(t for t in current if t.startswith("tick"))
        if len(seen) >= 2:
            break
        page.wait_for_timeout(100)
    assert len(seen) >= 2, f"saw only {seen}: the placeholder was not updated in place"
    # ...always in the same slot: never two ticks at once.
    wait_for_app_idle(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stElementContainer")).to_have_count(3)
    expect(main.get_by_test_id("stMarkdown")).to_have_text("done")
    assert texts.all_inner_texts() == ["above the placeholder", "below the placeholder"]


def test_stale_elements_fade_during_a_run_and_vanish_after_it(page: Page, serve: Serve) -> None:
    server = serve(APPS / "stale_app.py")
    open_app(page, server.url)
    main = page.get_by_test_id("stMain")
    only_first = main.get_by_test_id("stElementContainer").filter(has_text="only in the first run")
    after_sleep = main.get_by_test_id("stElementContainer").filter(has_text="after the sleep")
    expect(only_first).to_have_attribute("data-stale", "false")

    page.keyboard.press("r")  # Rerun; the second run sleeps for 2 s mid-way
    expect(main.get_by_text("run 2")).to_be_visible()
    fresh = main.get_by_test_id("stElementContainer").filter(has_text="run 2")
    expect(page.locator(APP)).to_have_attribute("data-test-script-state", "running")
    expect(fresh).to_have_attribute("data-stale", "false")
    expect(after_sleep).to_have_attribute("data-stale", "true")
    expect(only_first).to_have_attribute("data-stale", "true")
    expect(page.get_by_test_id("stStatusWidget")).to_contain_text("Running")

    wait_for_app_idle(page)
    # After the successful run: re-sent elements are fresh, the rest is gone.
    expect(after_sleep).to_have_attribute("data-stale", "false")
    expect(only_first).to_have_count(0)


def test_stop_button_stops_the_run(page: Page, serve: Serve) -> None:
    server = serve(APPS / "long_app.py")
    page.goto(server.url)
    expect(page.get_by_text("line 5", exact=True)).to_be_visible()
    page.get_by_test_id("stStatusWidgetStopButton").click()
    wait_for_app_idle(page)
    expect(page.get_by_text("finished all lines")).to_have_count(0)
    shown = page.get_by_test_id("stText").count()
    page.wait_for_timeout(500)
    assert page.get_by_test_id("stText").count() == shown < 100


def test_markdown_escapes_raw_html_unless_allowed(page: Page, serve: Serve) -> None:
    server = serve(APPS / "markdown_app.py")
    open_app(page, server.url)
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("Escaped: <b id='escaped'>bold?</b>")
    expect(page.locator("#escaped")).to_have_count(0)
    expect(page.locator("#allowed")).to_have_text("bold!")
    assert page.evaluate("window.pwned") is None
    expect(main.get_by_role("link", name="a script link")).to_have_attribute("href", "#")
    expect(main.get_by_role("link", name="a real one")).to_have_attribute(
        "href", "https://example.org"
    )


def test_rerun_key_and_connection_hooks(page: Page, serve: Serve) -> None:
    server = serve(APPS / "stale_app.py")
    page.goto(server.url)
    app = page.locator(APP)
    # The first run is requested by the browser once the socket is open.
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(page.get_by_text("run 1")).to_be_visible()
    wait_for_app_idle(page)
    page.get_by_test_id("stRerunButton").click()
    expect(page.get_by_text("run 2")).to_be_visible()
