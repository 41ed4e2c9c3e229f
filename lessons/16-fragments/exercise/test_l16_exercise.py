"""Exercise fragment_id: your fragment ids, against the ones real Streamlit 1.67 sends,
then on a real minilit server and in Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from playwright.sync_api import expect

from lessons.framework.harness import ServerPool
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime import fragment
from minilit.server.background import ServerThread
from minilit.testing import AppClient

# Measured on real Streamlit 1.67 (lesson 16's claim tests prove that minilit sends the
# same for the first three): the fragment `counter` of app.py, `clock` of
# two_places_app.py, and the body of the dialog in dialog_app.py.
COUNTER_AT_0_1 = "f89881da28d59b609a4e98b9e45676ea"
CLOCK_AT_0_0 = "533d138f4f8f99d81b9ab00821d72c45"
CLOCK_AT_1_0 = "4ddfd887d7421382d4b8ef66ae48d4ef"
DIALOG_BODY_OF_ASK = "006ec806f567602cfc3fefa5b3424639"  # dialog_app.py, on 1.67 itself


def _id(func: Any, path: list[int], extra: str = "") -> str:
    # Through the module attribute: the name your function replaces.
    value = fragment.fragment_id_for(func, path, extra)
    assert isinstance(value, str), type(value)
    return value


def _as_if_in_a_script(name: str, qualname: str | None = None) -> Any:
    def body() -> None:
        pass

    body.__module__ = "__main__"
    body.__name__ = name
    body.__qualname__ = qualname or name
    return body


def test_the_id_is_streamlits() -> None:
    assert _id(_as_if_in_a_script("counter"), [0, 1]) == COUNTER_AT_0_1


def test_the_place_is_part_of_the_id() -> None:
    clock = _as_if_in_a_script("clock")
    assert _id(clock, [0, 0]) == CLOCK_AT_0_0
    assert _id(clock, [1, 0]) == CLOCK_AT_1_0


def test_the_qualified_name_and_the_module_count() -> None:
    a = _as_if_in_a_script("draw", "A.draw")
    b = _as_if_in_a_script("draw", "B.draw")
    assert _id(a, [0, 0]) != _id(b, [0, 0]), "A.draw and B.draw are two functions"
    elsewhere = _as_if_in_a_script("draw", "A.draw")
    elsewhere.__module__ = "helpers"
    assert _id(a, [0, 0]) != _id(elsewhere, [0, 0]), "same name, other module"


def test_the_extra_info_comes_after_the_path() -> None:
    # The body of a dialog function `ask` (dialog_app.py), its container at [2, 0, 0]:
    # Streamlit 1.67's inner function, named as 1.67 names it, and the id 1.67 sends.
    content = _as_if_in_a_script(
        "dialog_content", "_dialog_decorator.<locals>.wrap.<locals>.dialog_content"
    )
    content.__module__ = "streamlit.elements.dialog_decorator"
    assert _id(content, [2, 0, 0], "ask") == DIALOG_BODY_OF_ASK
    assert _id(content, [2, 0, 0], "ask") != _id(content, [2, 0, 0], "tell")


def test_the_id_is_the_same_in_another_process() -> None:
    code = (
        "from minilit.runtime import fragment\n"
        "def counter(): pass\n"
        "counter.__module__ = '__main__'\n"
        "print(fragment.fragment_id_for(counter, [0, 1]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    # The other process plugs your function in too (lessons/conftest.py reads this).
    out = subprocess.run(
        [sys.executable, "-c", _PLUG_IN + code], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == _id(_as_if_in_a_script("counter"), [0, 1])


_PLUG_IN = (
    "from lessons.framework.exercises import install_overlays_from_env\n"
    "install_overlays_from_env()\n"
)


def test_the_server_names_fragments_with_your_ids(start_server: ServerPool) -> None:
    two_places = start_server.start("two_places_app.py")
    with AppClient.connect(two_places.url) as app:
        app.run()
        ids = {
            tuple(m.metadata.delta_path): m.delta.fragment_id
            for m in app.last_run.messages
            if m.HasField("delta")
        }
    assert (ids[(0, 0)], ids[(1, 0)]) == (CLOCK_AT_0_0, CLOCK_AT_1_0)


def test_a_click_reruns_only_your_fragment(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        (again,) = [b for b in app.button if b.label == "Again"]
        assert again.fragment_id == COUNTER_AT_0_1
        again.click().run()
        assert app.last_run.status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
        assert [t.value for t in app.text] == ["full runs: 1", "fragment runs: 2"]


def test_chromium_reruns_your_fragment(server: ServerThread, page: Any) -> None:
    page.goto(server.url)
    expect(page.get_by_text("fragment runs: 1")).to_be_visible()
    page.get_by_role("button", name="Again").click()
    expect(page.get_by_text("fragment runs: 2")).to_be_visible()
    expect(page.get_by_text("only in the fragment's first run")).to_have_count(0)
    expect(page.get_by_text("full runs: 1")).to_be_visible()
