"""Widgets in Chromium: values reach the script, triggers fire once, forms
hold their values until submit, the script can set a widget's value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.conftest import APPS, DEMO
from tests.browser.helpers import open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


def text(page: Page, value: str) -> None:
    """Waits until the script has written exactly this st.text line."""
    expect(page.get_by_test_id("stText").filter(has_text=value)).to_have_text(value)


def test_button_counts_clicks(page: Page, serve: Serve) -> None:
    server = serve(APPS / "counter_app.py")
    open_app(page, server.url)
    text(page, "count: 0")
    button = page.get_by_test_id("stButton").get_by_role("button", name="Increment")
    for expected in (1, 2, 3):
        button.click()
        text(page, f"count: {expected}")
        wait_for_app_idle(page)
    # A rerun that is not a click: the trigger was cleared after sending.
    page.keyboard.press("r")
    wait_for_app_idle(page)
    page.wait_for_timeout(300)
    text(page, "count: 3")


def test_slider_moves_and_the_script_sees_it(page: Page, serve: Serve) -> None:
    server = serve(APPS / "widgets_app.py")
    open_app(page, server.url)
    text(page, "x = 3")
    slider = page.get_by_test_id("stSlider").filter(has_text="x").first
    thumb = slider.get_by_test_id("stSliderThumb")
    thumb.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(slider.get_by_test_id("stSliderThumbValue")).to_have_text("7")
    text(page, "x = 7")
    # A range slider: two thumbs, two values.
    range_slider = page.get_by_test_id("stSlider").filter(has_text="range")
    range_slider.get_by_test_id("stSliderThumb").nth(1).focus()
    page.keyboard.press("ArrowLeft")
    text(page, "range = 20..79")
    wait_for_app_idle(page)


def test_every_widget_sends_its_value(page: Page, serve: Serve) -> None:
    server = serve(APPS / "widgets_app.py")
    open_app(page, server.url)

    page.get_by_test_id("stCheckbox").get_by_text("I agree").click()
    text(page, "agree = True")
    wait_for_app_idle(page)

    page.get_by_test_id("stToggle").get_by_text("Power").click()
    text(page, "power = True")
    wait_for_app_idle(page)

    field = page.get_by_test_id("stTextInput").get_by_role("textbox")
    field.fill("Ada")
    page.wait_for_timeout(300)
    # Not committed before Enter: the script has not seen it.
    expect(page.get_by_test_id("stText").filter(has_text="name = Ada")).to_have_count(0)
    field.press("Enter")
    text(page, "name = Ada")
    wait_for_app_idle(page)

    area = page.get_by_test_id("stTextArea").get_by_role("textbox")
    area.fill("line one\nline two")
    area.blur()  # a text area commits on blur (or Ctrl+Enter)
    text(page, "bio = 'line one\\nline two'")
    wait_for_app_idle(page)

    page.get_by_test_id("stNumberInputStepUp").click()
    text(page, "quantity = 3")
    wait_for_app_idle(page)
    number = page.get_by_test_id("stNumberInputField")
    number.fill("42")
    number.press("Enter")  # clamped to max_value
    text(page, "quantity = 10")
    wait_for_app_idle(page)

    page.get_by_test_id("stSelectbox").get_by_role("combobox").select_option(label="blue")
    text(page, "color = blue")
    wait_for_app_idle(page)

    page.get_by_test_id("stRadio").get_by_text("L", exact=True).click()
    text(page, "size = L")
    wait_for_app_idle(page)

    multiselect = page.get_by_test_id("stMultiSelect")
    multiselect.get_by_role("combobox").select_option(label="olives")
    text(page, "toppings = ['cheese', 'olives']")
    wait_for_app_idle(page)
    multiselect.get_by_role("button", name="Remove cheese").click()
    text(page, "toppings = ['olives']")
    wait_for_app_idle(page)

    # All the values survive a rerun that changed none of them.
    page.keyboard.press("r")
    wait_for_app_idle(page)
    for line in (
        "agree = True",
        "power = True",
        "name = Ada",
        "quantity = 10",
        "color = blue",
        "size = L",
        "toppings = ['olives']",
    ):
        text(page, line)


def test_script_sets_a_widget_value(page: Page, serve: Serve) -> None:
    server = serve(APPS / "widgets_app.py")
    open_app(page, server.url)
    page.get_by_role("button", name="Set name from the script").click()
    # set_value: the browser adopts the value the callback put in session state.
    text(page, "name = Grace")
    expect(page.get_by_test_id("stTextInput").get_by_role("textbox")).to_have_value("Grace")
    wait_for_app_idle(page)
    # And sends it back as the widget's own value from then on.
    page.keyboard.press("r")
    wait_for_app_idle(page)
    text(page, "name = Grace")


def test_form_sends_nothing_until_submit(page: Page, serve: Serve) -> None:
    server = serve(APPS / "form_app.py")
    open_app(page, server.url)
    text(page, "runs = 1")
    form = page.get_by_test_id("stForm").filter(has_text="Item")
    form.get_by_role("textbox").fill("apple")
    form.get_by_test_id("stSliderThumb").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(form.get_by_test_id("stSliderThumbValue")).to_have_text("3")
    page.wait_for_timeout(600)  # longer than the slider's debounce
    text(page, "runs = 1")  # no rerun: the form holds the values
    form.get_by_role("button", name="Order").click()
    text(page, "ordered 3 x apple")
    text(page, "runs = 2")
    wait_for_app_idle(page)
    # The values stay in the form after submit (clear_on_submit is off).
    expect(form.get_by_role("textbox")).to_have_value("apple")


def test_form_clears_on_submit(page: Page, serve: Serve) -> None:
    server = serve(APPS / "form_app.py")
    open_app(page, server.url)
    form = page.get_by_test_id("stForm").filter(has_text="Comment")
    field = form.get_by_role("textbox")
    field.fill("great demo")
    field.press("Enter")  # Enter in a form's text input submits the form
    text(page, "thanks for: great demo")
    expect(field).to_have_value("")


def test_demo_widgets_all_work(page: Page, serve: Serve) -> None:
    """The demo a new user opens: every widget in it reaches the script."""
    server = serve(DEMO)
    open_app(page, server.url)
    main = page.get_by_test_id("stMain")

    def says(fragment: str) -> None:
        expect(main.get_by_test_id("stMarkdown").filter(has_text=fragment).first).to_be_visible()

    says("The button was clicked 0 times.")
    main.get_by_role("button", name="Click me").click()
    says("The button was clicked 1 times.")
    wait_for_app_idle(page)

    sliders = main.get_by_test_id("stSlider")
    sliders.filter(has_text="Pick a number").get_by_test_id("stSliderThumb").focus()
    page.keyboard.press("ArrowRight")
    says("number 43,")
    wait_for_app_idle(page)
    sliders.filter(has_text="Pick a range").get_by_test_id("stSliderThumb").first.focus()
    page.keyboard.press("ArrowRight")
    says("range 2.51 to 7.5")  # float sliders step by 0.01
    wait_for_app_idle(page)

    main.get_by_test_id("stCheckbox").get_by_text("I agree").click()
    says("agree True")
    wait_for_app_idle(page)

    name = main.get_by_test_id("stTextInput").filter(has_text="Your name").get_by_role("textbox")
    name.fill("Ada")
    name.press("Enter")
    says("Hello Ada!")
    wait_for_app_idle(page)
    main.get_by_test_id("stToggle").get_by_text("Shout").click()
    says("HELLO ADA!")
    wait_for_app_idle(page)

    main.get_by_test_id("stNumberInputStepUp").click()
    says("3 M vanilla scoops")
    wait_for_app_idle(page)
    main.get_by_test_id("stSelectbox").get_by_role("combobox").select_option(label="chocolate")
    says("3 M chocolate scoops")
    wait_for_app_idle(page)
    main.get_by_test_id("stRadio").get_by_text("L", exact=True).click()
    says("3 L chocolate scoops")
    wait_for_app_idle(page)

    main.get_by_test_id("stMultiSelect").get_by_role("combobox").select_option(label="nuts")
    says("with cherry, nuts;")
    wait_for_app_idle(page)

    notes = main.get_by_test_id("stTextArea").get_by_role("textbox")
    notes.fill("extra napkins")
    notes.press("Control+Enter")
    says("notes: extra napkins")
    wait_for_app_idle(page)

    form = main.get_by_test_id("stForm")
    form.get_by_role("textbox").fill("Grace")
    form.get_by_role("button", name="Order").click()
    alert = main.get_by_test_id("stAlert").filter(has_text="Ordered")
    expect(alert).to_have_text("Ordered 1 cone(s) for Grace.")
    # The button count survived all those reruns: session state.
    says("The button was clicked 1 times.")
