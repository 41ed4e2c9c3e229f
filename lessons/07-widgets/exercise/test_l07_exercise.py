"""Exercise widget_id: Streamlit 1.67's id rule, byte for byte, and what it means live."""

from __future__ import annotations

import json
from pathlib import Path

from lessons.framework.harness import ServerPool
from minilit.elements.widgets import ids
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient

RECORDING = Path(__file__).parents[2] / "03-protobuf-by-hand" / "streamlit-1.67" / "tour.jsonl"


def _recorded() -> tuple[str, dict[str, str]]:
    """The recorded page hash, and the recorded id of each widget type."""
    messages = [
        ForwardMsg.FromString(bytes.fromhex(json.loads(line)["hex"]))
        for line in RECORDING.open()
        if json.loads(line)["dir"] == "forward"
    ]
    page = messages[0].new_session.page_script_hash
    found = {}
    for msg in messages:
        kind = msg.delta.new_element.WhichOneof("type")
        if kind in ("text_input", "button", "checkbox", "slider"):
            found[kind] = getattr(msg.delta.new_element, kind).id
    return page, found


def test_recorded_ids() -> None:
    page, recorded = _recorded()
    common = {"page_script_hash": page, "form_id": ""}
    assert recorded["text_input"] == ids.compute_element_id(
        "text_input",
        "name",
        {"max_chars", "validate"},
        **common,
        root_container=0,
        label="Your name",
        value="",
        max_chars=None,
        type="default",
        help=None,
        autocomplete=None,
        placeholder="None",
        icon=None,
        width="stretch",
        validate=None,
    )
    assert recorded["button"] == ids.compute_element_id(
        "button",
        None,
        True,
        **common,
        root_container=0,
        label="Greet",
        icon=None,
        help=None,
        is_form_submitter=False,
        type="secondary",
        width="content",
        icon_position="left",
        shortcut=None,
    )
    assert recorded["checkbox"] == ids.compute_element_id(
        "checkbox",
        None,
        True,
        **common,
        root_container=1,
        label="Show details",
        value=False,
        help=None,
        width="content",
    )
    assert recorded["slider"] == ids.compute_element_id(
        "slider",
        None,
        {"min_value", "max_value", "step"},
        **common,
        root_container=0,
        label="x",
        min_value=0,
        max_value=10,
        value=3,
        step=None,
        format=None,
        help=None,
        width="stretch",
    )


def _id(key: str | None, identity: bool | set[str], root: int = 0, **kw: object) -> str:
    return ids.compute_element_id(
        "slider", key, identity, page_script_hash="p", form_id="", root_container=root, **kw
    )


def test_what_counts() -> None:
    shaping = {"min_value", "max_value"}
    assert _id("k", shaping, label="A", max_value=10) == _id("k", shaping, label="B", max_value=10)
    assert _id("k", shaping, max_value=10) != _id("k", shaping, max_value=20)
    assert _id(None, shaping, label="A") != _id(None, shaping, label="B")
    assert _id(None, True, root=0, label="A") != _id(None, True, root=1, label="A")
    assert _id("k", True, root=0, label="A") == _id("k", True, root=1, label="B")
    assert _id("k", True, label="A").endswith("-k") and _id(None, True).endswith("-None")
    assert len(_id(None, True).split("-")[1]) == 32


def test_labels_and_values_on_a_live_server(start_server: ServerPool) -> None:
    server = start_server.start("identity_app.py")
    with AppClient.connect(server.url) as app:
        app.run()
        for slider in app.slider:
            slider.set_value(8)
        app.run()
        app.button[0].click().run()
        assert [s.value for s in app.slider] == [5, 8, 5]
