"""Lesson 06's claims: delta paths, positional identity, placeholders, coalescing, staleness."""

from __future__ import annotations

from typing import Any

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool
from lessons.framework.targets import Target, against
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient

Delta = tuple[tuple[int, ...], str]


def _deltas(app: AppClient) -> list[Delta]:
    """(delta_path, element or block type) of every delta of the last run, in order."""
    out = []
    for msg in app.last_run.messages:
        if msg.HasField("delta"):
            delta = msg.delta
            kind = delta.new_element.WhichOneof("type") or "block." + str(
                delta.add_block.WhichOneof("type")
            )
            out.append((tuple(msg.metadata.delta_path), kind))
    return out


def _texts_at(app: AppClient) -> dict[tuple[int, ...], str]:
    return {t.delta_path: t.value for t in app.text}


@claim("L06.C1")
@against("minilit", "1.67", "1.56")
def test_paths_start_with_the_root_container(app: AppClient) -> None:
    app.run()
    deltas = _deltas(app)
    assert deltas[0] == ((0, 0), "heading") and deltas[1] == ((0, 1), "text")
    assert ((1, 0), "text") in deltas  # the sidebar's first element


@claim("L06.C2")
@against("minilit", "1.67", "1.56")
def test_columns_are_blocks_with_children_below_them(app: AppClient) -> None:
    app.run()
    deltas = _deltas(app)
    row = deltas.index(((0, 2), "block.flex_container"))
    assert deltas[row + 1 : row + 5] == [
        ((0, 2, 0), "block.column"),
        ((0, 2, 1), "block.column"),
        ((0, 2, 0, 0), "text"),
        ((0, 2, 1, 0), "text"),
    ]
    assert ((0, 3), "alert") in deltas  # after the block, the main area carries on


@claim("L06.C3")
@against("minilit", "1.67", "1.56")
def test_identity_is_positional(app: AppClient) -> None:
    app.run()
    first = _texts_at(app)
    app.run()
    second = _texts_at(app)
    assert first[(0, 1)].startswith("run 1") and second[(0, 2)].startswith("run 2")
    assert ((0, 1), "alert") in _deltas(app)
    assert second[(0, 3, 0, 0)] == "left column" and (0, 2, 0, 0) not in second


@claim("L06.C4")
@against("minilit", "1.67", "1.56")
def test_a_placeholder_is_one_slot(target: Target) -> None:
    with target.connect("coalesce_app.py") as app:
        app.run()
        paths = {path for path, _ in _deltas(app)}
        assert paths == {(0, 0), (0, 1)}
        assert [t.value for t in app.text] == ["update 99", "end"]


@claim("L06.C5")
@against("minilit", "1.67", "1.56")
def test_a_placeholder_can_become_a_container(target: Target) -> None:
    with target.connect("block_app.py") as app:
        app.run()
        deltas = _deltas(app)
        # the slot became a block (a flex_container, on minilit as on Streamlit 1.67)...
        block = next(i for i, (p, k) in enumerate(deltas) if p == (0, 0) and "block." in k)
        assert ((0, 0, 0), "text") in deltas[block:]  # ... its child went below it...
        assert deltas[-1] == ((0, 0), "text")  # ... and a text took the slot back
        assert [t.value for t in app.text] == ["the slot holds a text again"]


@claim("L06.C11")
def test_minilit_never_replaces_a_queued_block(start_server: ServerPool) -> None:
    server = start_server.start("block_app.py")
    server.runtime.flush_interval = 0.2  # everything lands in one flush window
    with AppClient.connect(server.url) as app:
        app.run()
        deltas = _deltas(app)
        assert deltas[-3:] == [
            ((0, 0), "block.flex_container"),  # the Empty was replaced by the block...
            ((0, 0, 0), "text"),
            ((0, 0), "text"),  # ...but the block is never replaced: both travel
        ]
        assert deltas[:-3] in ([], [((0, 0), "empty")])  # (unless a flush came between)


@claim("L06.C6")
def test_the_queue_coalesces_updates_to_one_path(start_server: ServerPool) -> None:
    server = start_server.start("coalesce_app.py")
    server.runtime.flush_interval = 0.1  # Streamlit 1.39 waited 10 ms between flushes
    with AppClient.connect(server.url) as app:
        app.run()
        sent = [d for d in _deltas(app) if d[0] == (0, 0)]
        # How many of the 101 versions travel is timing; that the newest one arrives,
        # and that all of them were for the one slot, is not.
        assert sent and all(kind == "text" for _, kind in sent[1:])
        assert app.text[0].value == "update 99"


@claim("L06.C7")
@against("minilit", "1.67", "1.56")
def test_nothing_on_the_wire_deletes_an_element(target: Target) -> None:
    with target.connect("stale_app.py") as app:
        app.run()
        assert [path for path, _ in _deltas(app)] == [(0, 0), (0, 1), (0, 2)]
        app.run()
        assert app.last_run.status == ForwardMsg.FINISHED_SUCCESSFULLY
        assert [path for path, _ in _deltas(app)] == [(0, 0), (0, 1)]  # [0,2]: nothing sent
        assert [t.value for t in app.text] == ["run 2"]  # and yet it is gone from the page


def _containers(page: Any, text: str) -> Any:
    return page.get_by_test_id("stElementContainer").filter(has_text=text)


def _idle(page: Any) -> None:
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'"
    )


@claim("L06.C8")
@against("minilit", "1.67")
def test_stale_elements_fade_then_go(target: Target, page: Any) -> None:
    page.goto(target.url("stale_app.py") + "/")
    only_first = _containers(page, "only in the first run")
    only_first.wait_for()
    _idle(page)
    # Watched from inside the page rather than polled from the test: on a loaded
    # machine run 2's three seconds can be over before a poll from outside lands.
    page.evaluate(_WATCH_STALE_WHILE_RUN_2)
    page.keyboard.press("r")
    page.get_by_text("run 2").wait_for()
    _idle(page)
    assert page.evaluate("() => window.__staleDuringRun2") is True  # drawn faded meanwhile
    assert only_first.count() == 0  # removed once run 2 finished successfully


# Records whether, at any moment "run 2" was on the page, the first run's element
# was still there and marked stale.
_WATCH_STALE_WHILE_RUN_2 = """() => {
  window.__staleDuringRun2 = false;
  const look = () => {
    const boxes = [...document.querySelectorAll("[data-testid='stElementContainer']")];
    const run2 = boxes.some((b) => b.textContent.includes("run 2"));
    const first = boxes.find((b) => b.textContent.includes("only in the first run"));
    if (run2 && first && first.getAttribute("data-stale") === "true") {
      window.__staleDuringRun2 = true;
    }
  };
  new MutationObserver(look).observe(document.body, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
}"""


@claim("L06.C9")
@against("minilit", "1.67")
def test_an_interrupted_run_removes_nothing(target: Target, page: Any) -> None:
    page.goto(target.url("stale_app.py") + "/")
    only_first = _containers(page, "only in the first run")
    only_first.wait_for()
    _idle(page)
    page.keyboard.press("r")
    page.get_by_text("run 2").wait_for()  # run 2 is now sleeping for a second
    page.get_by_role("button", name="rerun now").click()  # cuts run 2 short
    page.get_by_text("run 3").wait_for()
    assert only_first.count() == 1  # run 2 ended early: nothing was cleaned up
    _idle(page)
    assert only_first.count() == 0  # run 3 finished successfully


@claim("L06.C10")
@against("minilit", "1.67", "1.56")
def test_elements_arrive_in_script_order(app: AppClient) -> None:
    app.run()
    main = [path for path, _ in _deltas(app) if path[0] == 0 and len(path) == 2]
    assert main == sorted(main)
