"""Lesson 16's claims: a fragment run on the wire and in the browser, on minilit and 1.67.

Everything is read from what a real server sent (the headless client, or Chromium's
websocket and page), never from minilit's insides, so the same test proves the claim on
real Streamlit 1.67.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from playwright.sync_api import expect

from lessons.framework.claims import claim
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient

Path = tuple[int, ...]


def _deltas(messages: list[ForwardMsg]) -> dict[Path, str]:
    """delta_path -> Delta.fragment_id, for the deltas of one run."""
    return {
        tuple(m.metadata.delta_path): m.delta.fragment_id for m in messages if m.HasField("delta")
    }


def _texts(app: AppClient) -> list[str]:
    return [t.value for t in app.text]


def _button(app: AppClient, label: str) -> Any:
    (button,) = [b for b in app.button if b.label == label]
    return button


def _of_type(messages: list[ForwardMsg], kind: str) -> list[ForwardMsg]:
    return [m for m in messages if m.WhichOneof("type") == kind]


@claim("L16.C1")
@against("minilit", "1.67")
def test_a_click_in_a_fragment_reruns_only_its_body(app: AppClient) -> None:
    app.run()
    full = _deltas(app.last_run.messages)
    (fragment_id,) = {f for f in full.values() if f}
    assert _texts(app) == ["full runs: 1", "fragment runs: 1", "only in the fragment's first run"]
    _button(app, "Again").click().run()
    run = app.last_run
    assert run.request is not None
    assert run.request.rerun_script.fragment_id == fragment_id
    assert _texts(app) == ["full runs: 1", "fragment runs: 2"]  # the outside did not run
    again = _deltas(run.messages)
    # Only the fragment's container and its body, at the paths of the full run.
    assert set(again) == {p for p, f in full.items() if f == fragment_id} - {(0, 1, 2)}
    assert set(again) == {(0, 1), (0, 1, 0), (0, 1, 1)}
    assert set(again.values()) == {fragment_id}
    assert full[(0, 0)] == full[(0, 2)] == ""  # outside: no fragment id


@claim("L16.C2")
@against("minilit", "1.67")
def test_a_fragment_run_ends_differently_and_says_which(app: AppClient) -> None:
    app.run()
    assert app.last_run.status == ForwardMsg.FINISHED_SUCCESSFULLY
    (first,) = _of_type(app.last_run.messages, "new_session")
    assert list(first.metadata.run.fragment_ids) == []
    fragment_id = _button(app, "Again").fragment_id
    _button(app, "Again").click().run()
    run = app.last_run
    assert run.status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY == 3
    (started,) = _of_type(run.messages, "new_session")
    (finished,) = _of_type(run.messages, "script_finished")
    assert list(started.metadata.run.fragment_ids) == [fragment_id]
    assert list(finished.metadata.run.fragment_ids) == [fragment_id]
    _button(app, "Outside").click().run()
    assert app.last_run.status == ForwardMsg.FINISHED_SUCCESSFULLY
    assert app.last_run.request is not None
    assert app.last_run.request.rerun_script.fragment_id == ""
    assert _texts(app)[:2] == ["full runs: 2", "fragment runs: 3"]


def _blake2b_128(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@claim("L16.C4")
@against("minilit", "1.67")
def test_the_id_is_a_hash_of_the_name_and_the_place(target: Target) -> None:
    with target.connect("two_places_app.py") as app:
        app.run()
        paths = _deltas(app.last_run.messages)
    # The path hashed is the one the fragment's container gets: [0, 0], then [1, 0].
    assert paths[(0, 0)] == _blake2b_128("__main__.clock[0, 0]")
    assert paths[(1, 0)] == _blake2b_128("__main__.clock[1, 0]")
    assert paths[(0, 0)] != paths[(1, 0)]


def _containers(page: Any, text: str) -> Any:
    return page.get_by_test_id("stElementContainer").filter(has_text=text)


def _idle(page: Any) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-test-script-state]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'"
    )


def _reruns(page: Any) -> list[BackMsg]:
    sent: list[BackMsg] = []

    def watch(ws: Any) -> None:
        def on_sent(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                msg = BackMsg.FromString(payload)
                if msg.WhichOneof("type") == "rerun_script":
                    sent.append(msg)

        ws.on("framesent", on_sent)

    page.on("websocket", watch)
    return sent


@claim("L16.C3")
@against("minilit", "1.67")
def test_the_browser_clears_only_inside_the_fragment(target: Target, page: Any) -> None:
    sent = _reruns(page)
    page.goto(target.url(fresh=True) + "/")
    expect(page.get_by_text("only in the fragment's first run")).to_be_visible()
    _idle(page)
    # Watched from inside the page: the fragment run's second is short on a busy machine.
    page.evaluate(_WATCH_STALE_DURING_THE_FRAGMENT_RUN)
    page.get_by_role("button", name="Again").click()
    expect(page.get_by_text("fragment runs: 2")).to_be_visible()
    _idle(page)
    seen = page.evaluate("() => window.__seen")
    # While it ran: the fragment's old element was drawn stale, the outside never was.
    assert seen == {"insideStale": True, "outsideStale": False}
    # Inside the fragment: the element this run did not send is gone.
    expect(_containers(page, "only in the fragment's first run")).to_have_count(0)
    # Outside: nothing was sent and nothing was removed, not even marked stale.
    expect(_containers(page, "full runs: 1")).to_have_count(1)
    expect(page.get_by_role("button", name="Outside")).to_be_visible()
    assert sent[-1].rerun_script.fragment_id != ""
    assert not sent[-1].rerun_script.is_auto_rerun


# Records, from the moment "fragment runs: 2" is on the page, whether the fragment's
# old element was ever marked stale and whether the counter outside ever was.
_WATCH_STALE_DURING_THE_FRAGMENT_RUN = """() => {
  window.__seen = {insideStale: false, outsideStale: false};
  const look = () => {
    const boxes = [...document.querySelectorAll("[data-testid='stElementContainer']")];
    if (!boxes.some((b) => b.textContent.includes("fragment runs: 2"))) return;
    const stale = (text) => boxes.some(
      (b) => b.textContent.includes(text) && b.getAttribute("data-stale") === "true");
    if (stale("only in the fragment's first run")) window.__seen.insideStale = true;
    if (stale("full runs: 1")) window.__seen.outsideStale = true;
  };
  new MutationObserver(look).observe(document.body, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
}"""


@claim("L16.C5")
@against("minilit", "1.67")
def test_run_every_is_the_browsers_timer(target: Target, page: Any) -> None:
    with target.connect("clock_app.py") as app:
        app.run()
        run = app.last_run
        (auto,) = _of_type(run.messages, "auto_rerun")
        assert auto.auto_rerun.interval == 0.5
        assert {f for f in _deltas(run.messages).values() if f} == {auto.auto_rerun.fragment_id}
        fragment_id = auto.auto_rerun.fragment_id
    sent = _reruns(page)
    page.goto(target.url("clock_app.py") + "/")
    # Two ticks of the timer at least. Watched as a number, not as the text "tick 3":
    # a tick lasts half a second, shorter than a poll from a busy test machine.
    expect(page.get_by_text(re.compile(r"^tick ([3-9]|\d{2,})$"))).to_be_visible()
    expect(page.get_by_text("full runs: 1")).to_be_visible()
    ticks = [m.rerun_script for m in sent[1:]]
    assert ticks and all(t.is_auto_rerun and t.fragment_id == fragment_id for t in ticks)


@claim("L16.C6")
@against("minilit", "1.67")
def test_st_rerun_scope_fragment(target: Target) -> None:
    with target.connect("rerun_app.py") as app:
        app.run()
        _button(app, "Go").click().run()
        run = app.last_run
        # One click, three fragment runs: the click's, then one per st.rerun call. Each
        # starts with a new_session naming the fragment; the first two end early.
        (fragment_id,) = {f for f in _deltas(run.messages).values() if f}
        starts = _of_type(run.messages, "new_session")
        assert [list(m.metadata.run.fragment_ids) for m in starts] == [[fragment_id]] * 3
        assert [m.script_finished for m in _of_type(run.messages, "script_finished")] == [
            ForwardMsg.FINISHED_EARLY_FOR_RERUN,
            ForwardMsg.FINISHED_EARLY_FOR_RERUN,
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ]
        assert _texts(app) == ["full runs: 1", "fragment runs: 4"]


@claim("L16.C7")
@against("minilit", "1.67")
def test_a_dialogs_body_is_a_fragment(target: Target) -> None:
    with target.connect("dialog_app.py") as app:
        app.run()
        _button(app, "Open").click().run()
        assert _texts(app) == ["full runs: 2", "body runs: 1"]
        inside = _button(app, "Inside the dialog")
        assert inside.fragment_id != ""
        inside.click().run()
        assert app.last_run.request is not None
        assert app.last_run.request.rerun_script.fragment_id == inside.fragment_id
        assert app.last_run.status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
        assert _texts(app) == ["full runs: 2", "body runs: 2"]


# The id Streamlit 1.67 sends for the dialog body of dialog_app.py (measured): the hash
# of its own inner function, "streamlit.elements.dialog_decorator._dialog_decorator.
# <locals>.wrap.<locals>.dialog_content", then "[2, 0, 0]ask".
STREAMLIT_DIALOG_BODY_OF_ASK = "006ec806f567602cfc3fefa5b3424639"


@claim("L16.C8")
@against("minilit", "1.67")
def test_a_dialog_bodys_id_is_streamlits_on_both(target: Target) -> None:
    with target.connect("dialog_app.py") as app:
        app.run()
        _button(app, "Open").click().run()
        body = _button(app, "Inside the dialog").fragment_id
    inner = (
        "streamlit.elements.dialog_decorator._dialog_decorator.<locals>.wrap.<locals>"
        ".dialog_content"
    )
    assert body == _blake2b_128(f"{inner}[2, 0, 0]ask") == STREAMLIT_DIALOG_BODY_OF_ASK
