"""Tabs, popovers, dialogs, chat and st.status in Chromium, from a real minilit server.

Each test drives the page as a user would (clicks, typing, Escape) and checks what the
user sees; the chat test checks the message that reached the script, in its reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.helpers import open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]

APP = """
import minilit as st

one, two = st.tabs(["First", "Second"], default="Second")
one.text("first tab body")
with two:
    st.text("second tab body")
    st.checkbox("Kept", key="kept")

with st.popover("Settings", icon=":material/settings:"):
    st.text("popover body")

@st.dialog("Confirm")
def confirm(item):
    st.text(f"confirm {item}?")
    if st.button("Yes"):
        st.session_state.confirmed = item
        st.rerun()

def on_dismiss():
    st.session_state.dismissals = st.session_state.get("dismissals", 0) + 1

@st.dialog("Tracked", on_dismiss=on_dismiss)
def tracked():
    st.text("closing me tells the server")

@st.dialog("Locked", dismissible=False)
def locked():
    st.text("no way out")

if st.button("Open dialog"):
    confirm("the order")
if st.button("Open locked"):
    locked()
if st.button("Open tracked"):
    tracked()
st.text(f"dismissals: {st.session_state.get('dismissals', 0)}")

for role, text in st.session_state.get("chat", []):
    st.chat_message(role).markdown(text)
if prompt := st.chat_input("Say something"):
    st.session_state.setdefault("chat", [])
    st.session_state.chat += [("user", prompt), ("assistant", f"echo: {prompt}")]
    st.chat_message("user").markdown(prompt)
    st.chat_message("assistant").markdown(f"echo: {prompt}")

with st.status("Crunching", expanded=True) as status:
    st.text("crunched")
failed = st.status("Doomed")
failed.update(label="Doomed: it failed", state="error")
st.text(f"confirmed: {st.session_state.get('confirmed')}")
st.text("end of page")
"""


@pytest.fixture
def app_page(page: Page, serve: Serve, tmp_path: Path) -> Iterator[Page]:
    script = tmp_path / "containers_app.py"
    script.write_text(APP, encoding="utf-8")
    open_app(page, serve(script).url)
    yield page


def test_tabs_show_the_default_tab_and_switch_on_click(app_page: Page) -> None:
    page = app_page
    tabs = page.get_by_test_id("stTabs")
    first_tab = tabs.get_by_role("tab", name="First")
    second_tab = tabs.get_by_role("tab", name="Second")
    expect(second_tab).to_have_attribute("aria-selected", "true")  # default="Second"
    expect(page.get_by_text("second tab body")).to_be_visible()
    expect(page.get_by_text("first tab body")).to_be_hidden()
    page.get_by_text("Kept").click()  # a widget in the tab that will be hidden
    wait_for_app_idle(page)
    first_tab.click()
    expect(page.get_by_text("first tab body")).to_be_visible()
    expect(page.get_by_text("second tab body")).to_be_hidden()
    second_tab.click()
    # The hidden tab stayed mounted: its checkbox kept what the user chose.
    expect(page.get_by_role("checkbox", name="Kept")).to_be_checked()


def test_popover_opens_on_click_and_closes_outside(app_page: Page) -> None:
    page = app_page
    body = page.get_by_test_id("stPopoverBody")
    expect(body).to_have_count(0)
    button = page.get_by_test_id("stPopoverButton")
    expect(button.get_by_test_id("stIconMaterial")).to_have_text("settings")
    button.click()
    expect(body).to_be_visible()
    expect(body).to_contain_text("popover body")
    page.get_by_text("end of page").click()  # a click elsewhere closes it
    expect(body).to_have_count(0)


def test_dialog_opens_on_call_and_is_dismissed(app_page: Page) -> None:
    page = app_page
    dialog = page.get_by_test_id("stDialog")
    expect(dialog).to_have_count(0)
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Confirm")
    expect(dialog).to_contain_text("confirm the order?")
    wait_for_app_idle(page)
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)
    # Opened again by the next call; Escape dismisses it too.
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible()
    wait_for_app_idle(page)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)


def test_dismissing_a_dialog_with_on_dismiss_runs_its_callback(app_page: Page) -> None:
    page = app_page
    page.get_by_role("button", name="Open tracked").click()
    dialog = page.get_by_test_id("stDialog")
    expect(dialog).to_contain_text("closing me tells the server")
    # Dismiss once the run that opened it is over: a dismissal during that run would
    # interrupt it, and the rerun would replay the button's click (and open it again).
    wait_for_app_idle(page)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    # The rerun the dismissal caused (a wait on the page, as long as a run may take).
    expect(page.get_by_text("dismissals: 1")).to_be_visible(timeout=15_000)
    # Let that run end before the next click, so the click starts a run of its own
    # rather than interrupting this one (which is test_interrupt's subject, not this).
    wait_for_app_idle(page)
    # The plain dialog sends nothing when dismissed.
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible()
    wait_for_app_idle(page)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    wait_for_app_idle(page)
    expect(page.get_by_text("dismissals: 1")).to_be_visible()


def test_a_dialog_that_is_not_dismissible_stays(app_page: Page) -> None:
    page = app_page
    page.get_by_role("button", name="Open locked").click()
    dialog = page.get_by_test_id("stDialog")
    expect(dialog).to_contain_text("no way out")
    expect(dialog.get_by_role("button", name="Close")).to_have_count(0)
    page.keyboard.press("Escape")
    wait_for_app_idle(page)
    expect(dialog).to_be_visible()


def test_a_dialog_the_next_run_does_not_call_goes_away(app_page: Page) -> None:
    page = app_page
    page.get_by_role("button", name="Open dialog").click()
    dialog = page.get_by_test_id("stDialog")
    expect(dialog).to_be_visible()
    # The page behind is modal-covered; the dialog's own button reruns the script,
    # whose run does not call confirm(): the dialog goes.
    dialog.get_by_role("button", name="Yes").click()
    wait_for_app_idle(page)
    expect(dialog).to_have_count(0)


def test_chat_message_reaches_the_script_and_the_reply_shows(app_page: Page) -> None:
    page = app_page
    chat = page.get_by_test_id("stBottom").get_by_test_id("stChatInput")
    box = chat.get_by_test_id("stChatInputTextArea")
    expect(box).to_have_attribute("placeholder", "Say something")
    box.fill("hello there")
    box.press("Enter")
    wait_for_app_idle(page)
    messages = page.get_by_test_id("stChatMessage")
    expect(messages).to_have_count(2)
    expect(messages.nth(0).get_by_test_id("stChatMessageAvatarUser")).to_be_visible()
    expect(messages.nth(0)).to_contain_text("hello there")
    expect(messages.nth(1).get_by_test_id("stChatMessageAvatarAssistant")).to_be_visible()
    expect(messages.nth(1)).to_contain_text("echo: hello there")
    expect(box).to_have_value("")  # the box empties once sent
    # The message is sent once: another rerun keeps the history but sends nothing new.
    expect(chat.get_by_test_id("stChatInputSubmitButton")).to_be_disabled()  # while empty
    box.fill("second")
    chat.get_by_test_id("stChatInputSubmitButton").click()
    wait_for_app_idle(page)
    expect(messages).to_have_count(4)
    expect(messages.nth(3)).to_contain_text("echo: second")
    # The chat input is pinned to the bottom of the window, over a longer page.
    page.mouse.wheel(0, -10_000)
    pinned = chat.bounding_box()
    assert pinned is not None
    assert 900 - 48 <= pinned["y"] + pinned["height"] <= 900  # the viewport is 900 px high
    assert page.evaluate("document.documentElement.scrollHeight") > 900


def test_status_shows_its_state(app_page: Page) -> None:
    page = app_page
    done = page.get_by_test_id("stExpander").filter(has_text="Crunching")
    expect(done.get_by_test_id("stExpanderIconCheck")).to_be_visible()  # complete on exit
    expect(done.get_by_text("crunched")).to_be_visible()  # expanded=True
    failed = page.get_by_test_id("stExpander").filter(has_text="Doomed: it failed")
    expect(failed.get_by_test_id("stExpanderIconError")).to_be_visible()
    expect(failed).not_to_have_attribute("open", "")


STATEFUL_APP = """
import minilit as st

tabs = st.tabs(["Alpha", "Beta"], on_change="rerun", key="tabs")
st.text(f"tab: {st.session_state.tabs}")
exp = st.expander("Details", on_change="rerun", key="exp")
exp.text("details body")
st.text(f"expander open: {exp.open}")
pop = st.popover("Menu", on_change="rerun", key="pop")
pop.text("menu body")
st.text(f"popover open: {pop.open}")
st.button("Show Beta", on_click=lambda: st.session_state.update(tabs="Beta"))
"""


def test_stateful_containers_tell_the_script(page: Page, serve: Serve, tmp_path: Path) -> None:
    script = tmp_path / "stateful_app.py"
    script.write_text(STATEFUL_APP, encoding="utf-8")
    open_app(page, serve(script).url)
    expect(page.get_by_text("tab: Alpha")).to_be_visible()
    page.get_by_role("tab", name="Beta").click()
    expect(page.get_by_text("tab: Beta")).to_be_visible()
    page.get_by_test_id("stExpanderToggle").filter(has_text="Details").click()
    expect(page.get_by_text("expander open: True")).to_be_visible()
    expect(page.get_by_text("details body")).to_be_visible()
    page.get_by_test_id("stPopoverButton").click()
    expect(page.get_by_text("popover open: True")).to_be_visible()
    expect(page.get_by_test_id("stPopoverBody")).to_contain_text("menu body")
    # The script moves the tabs: the page follows.
    page.get_by_role("tab", name="Alpha").click()
    expect(page.get_by_text("tab: Alpha")).to_be_visible()
    page.get_by_role("button", name="Show Beta").click()
    expect(page.get_by_text("tab: Beta")).to_be_visible()
    expect(page.get_by_role("tab", name="Beta")).to_have_attribute("aria-selected", "true")


DISABLE_APP = """
import time
from pathlib import Path
import minilit as st

GATE = Path(__file__).with_name("gate")
if prompt := st.chat_input("Ask", submit_mode="disable"):
    deadline = time.monotonic() + 30  # a failed test must not hold the run forever
    while not GATE.exists() and time.monotonic() < deadline:
        time.sleep(0.02)  # the test opens the gate once it has seen the box disabled
    GATE.unlink(missing_ok=True)
    st.chat_message("assistant").markdown(f"answer to {prompt}")
"""


def test_submit_mode_disable_holds_the_box_during_the_run(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    script = tmp_path / "disable_app.py"
    script.write_text(DISABLE_APP, encoding="utf-8")
    open_app(page, serve(script).url)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("question")
    box.press("Enter")
    expect(box).to_be_disabled()  # the run is held at the gate
    (tmp_path / "gate").touch()
    expect(page.get_by_test_id("stChatMessage")).to_contain_text("answer to question")
    wait_for_app_idle(page)
    expect(box).to_be_enabled()
