"""Frames the page handles before React has rendered belong to the run that
new_session announced, not to the run React last drew.

React applies ``setState`` later, in a task of its own. On a busy machine the
browser can hand the page several websocket frames back to back before that
task runs: new_session and the run's first deltas. If a delta were stamped
with the run id from React's state, the first elements would carry the old
run's id, and the run's script_finished would clear them as stale: the page
loses its top. An init script makes that order happen every time: it holds
the websocket's messages and hands the first four over in one task, then the
rest one task each after React has rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.conftest import APPS
from tests.browser.helpers import APP, wait_for_app_idle

Serve = Callable[[Path], ServerThread]

HOLD_MESSAGES = """
(() => {
  const Real = window.WebSocket
  const held = []
  let mode = "hold"  // then "drain" (one held message per task), then "pass"
  const setMode = (m) => { mode = m; window.__mode = m }
  setMode("hold")
  window.__held = held
  window.WebSocket = class extends Real {
    constructor(...args) {
      super(...args)
      let handler = null
      Object.defineProperty(this, "onmessage", {
        get: () => handler,
        set: (fn) => {
          handler = fn
          super.onmessage = (event) => {
            if (mode === "pass") fn.call(this, event)
            else held.push([fn, event])
          }
        },
      })
    }
  }
  window.__deliverInOneTask = (n) => {
    for (const [fn, event] of held.splice(0, n)) fn(event)
  }
  window.__hold = () => setMode("hold")
  window.__drain = () => {
    setMode("drain")
    const step = () => {
      if (mode !== "drain") return  // held again before this drain ended
      const next = held.shift()
      if (next === undefined) { setMode("pass"); return }
      next[0](next[1])
      setTimeout(step, 0)
    }
    step()
  }
})()
"""


def _first_four_in_one_task(page: Page) -> None:
    """Hand over new_session, the running status, the title and the button in one
    task; let React render; then the rest of the run, one frame per task."""
    page.wait_for_function("() => window.__held.length >= 4")
    page.evaluate("window.__deliverInOneTask(4)")
    # React has rendered the state new_session set, and the four held deltas.
    expect(page.locator(APP)).to_have_attribute("data-test-script-state", "running")
    expect(page.get_by_role("button", name="Top button")).to_be_attached()
    page.evaluate("window.__drain()")
    wait_for_app_idle(page)


def _whole_page(page: Page, run: int) -> None:
    expect(page.get_by_role("heading", name="Top of the page")).to_be_visible()
    expect(page.get_by_role("button", name="Top button")).to_be_visible()
    for text in (f"run {run}", "middle", "bottom", "done"):
        expect(page.get_by_text(text, exact=True)).to_be_visible()
    expect(page.locator("[data-stale=true]")).to_have_count(0)


def test_the_first_frames_of_a_run_before_react_renders(page: Page, serve: Serve) -> None:
    server = serve(APPS / "top_and_bottom.py")
    page.add_init_script(HOLD_MESSAGES)
    page.goto(server.url)
    _first_four_in_one_task(page)  # the first run: React's state has no run id yet
    _whole_page(page, 1)
    page.wait_for_function("() => window.__mode === 'pass'")  # that drain has ended

    page.evaluate("window.__hold()")  # a rerun: React's state has the first run's id
    page.get_by_role("button", name="Top button").click()
    _first_four_in_one_task(page)
    _whole_page(page, 2)
