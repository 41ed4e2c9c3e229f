"""Custom components v1 over real HTTP and a real websocket: declare_component,
the component route's path rules, the ComponentInstance element and its value."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from minilit.components.v1.components import MINILIT_SANDBOX, STREAMLIT_SANDBOX
from minilit.proto.BackMsg_pb2 import WidgetStates
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.trace import events
from tests.surface.helpers import request, security_events, texts, traced
from tests.wire import RawSocket, read_until_idle, rerun_msg, serve, ws_connect

APP = """
import minilit as st
import minilit.components.v1 as components
counter = components.declare_component("counter", path=COMP)
value = counter(start=3, blob=b"\\x00\\x01", default=0, key="c")
st.text(f"value={value!r}")
components.html("<p>hi</p>")
components.iframe("https://example.com")
"""


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[ServerThread, RawSocket, Path]]:
    comp = tmp_path / "comp"
    (comp / "sub").mkdir(parents=True)
    (comp / "index.html").write_text("<html><script src='main.js'></script></html>")
    (comp / "main.js").write_text("console.log('hi')")
    (comp / "sub" / "style.css").write_text("p{}")
    (tmp_path / "secret.txt").write_text("top secret")
    os.symlink(tmp_path / "secret.txt", comp / "escape.txt")
    with serve(tmp_path, APP.replace("COMP", repr(str(comp)))) as server, ws_connect(server) as ws:
        ws.send(rerun_msg())
        read_until_idle(ws)  # declares the component
        yield server, ws, comp


def run(ws: RawSocket, states: WidgetStates | None = None) -> list[ForwardMsg]:
    ws.send(rerun_msg(states))
    return read_until_idle(ws).messages


def element(messages: list[ForwardMsg], kind: str) -> list[object]:
    return [
        getattr(m.delta.new_element, kind)
        for m in messages
        if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == kind
    ]


def test_component_files_are_served_from_its_folder(
    app: tuple[ServerThread, RawSocket, Path],
) -> None:
    server, _, _ = app
    with traced() as seen:
        page = request(server, "GET", "/component/app.counter/index.html")
    assert page.status == 200 and b"main.js" in page.body
    assert page.header("Content-Type").startswith("text/html")
    assert page.header("Cache-Control") == "no-cache"
    assert security_events(seen, events.COMPONENT_SERVED)[0]["component"] == "app.counter"
    js = request(server, "GET", "/component/app.counter/main.js")
    assert js.status == 200 and js.header("Cache-Control") == "public"
    assert "javascript" in js.header("Content-Type")
    assert request(server, "GET", "/component/app.counter/sub/style.css").status == 200
    assert request(server, "GET", "/component/app.counter/").status == 200  # index.html


@pytest.mark.parametrize(
    ("path", "status", "why"),
    [
        ("/component/nope/index.html", 404, "no component of this name"),
        ("/component/app.counter/missing.js", 404, "no such file"),
        ("/component/app.counter/sub", 404, "no such file"),
        ("/component/app.counter/%00index.html", 400, "NUL byte"),
        ("/component/app.counter/../secret.txt", 400, "'..' segment"),
        ("/component/app.counter/sub/..%2f..%2fsecret.txt", 400, "'..' segment"),
        ("/component/app.counter//etc/passwd", 400, "absolute path"),
        ("/component/app.counter/%5C%5Cevil.example%5Cshare", 400, "UNC or device path"),
        ("/component/app.counter/C:/Windows/win.ini", 400, "drive-letter path"),
        ("/component/app.counter/escape.txt", 403, "outside the component's folder"),
    ],
)
def test_the_path_rules(
    app: tuple[ServerThread, RawSocket, Path], path: str, status: int, why: str
) -> None:
    server, _, _ = app
    with traced() as seen:
        answer = request(server, "GET", path)
    assert answer.status == status, (path, answer.text)
    assert why in answer.text and b"top secret" not in answer.body
    assert "Traceback" not in answer.text
    (refusal,) = security_events(seen, events.COMPONENT_REJECTED)
    assert refusal["status"] == status and why in refusal["reason"]


def test_the_element_and_the_value_round_trip(app: tuple[ServerThread, RawSocket, Path]) -> None:
    _, ws, _ = app
    msgs = run(ws)
    (instance,) = element(msgs, "component_instance")
    assert instance.component_name == "app.counter"  # type: ignore[attr-defined]
    assert json.loads(instance.json_args) == {"start": 3, "default": 0, "key": "c"}  # type: ignore[attr-defined]
    (blob,) = instance.special_args  # type: ignore[attr-defined]
    assert blob.key == "blob" and blob.bytes == b"\x00\x01"
    assert texts(msgs) == ["value=0"]  # the default until the component sets one
    # streamlit:setComponentValue {value, dataType: "json"} -> json_value and a rerun.
    states = WidgetStates()
    w = states.widgets.add()
    w.id = instance.id  # type: ignore[attr-defined]
    w.json_value = json.dumps({"clicks": 4})
    assert texts(run(ws, states)) == ["value={'clicks': 4}"]
    # A value that is not JSON is refused; the last good one is kept.
    w.json_value = "{not json"
    assert texts(run(ws, states)) == ["value={'clicks': 4}"]


def test_html_and_iframe_elements(app: tuple[ServerThread, RawSocket, Path]) -> None:
    _, ws, _ = app
    html, frame = element(run(ws), "iframe")
    assert html.srcdoc == "<p>hi</p>" and html.WhichOneof("type") == "srcdoc"  # type: ignore[attr-defined]
    assert frame.src == "https://example.com"  # type: ignore[attr-defined]


def test_sandbox_lists() -> None:
    """1.67's exact list, and minilit's default without allow-same-origin."""
    assert STREAMLIT_SANDBOX.split() == [
        "allow-forms",
        "allow-modals",
        "allow-popups",
        "allow-popups-to-escape-sandbox",
        "allow-same-origin",
        "allow-scripts",
        "allow-downloads",
    ]
    assert "allow-same-origin" not in MINILIT_SANDBOX.split()
    assert set(STREAMLIT_SANDBOX.split()) - set(MINILIT_SANDBOX.split()) == {"allow-same-origin"}


def test_declare_component_needs_exactly_one_of_path_and_url(tmp_path: Path) -> None:
    source = (
        "import minilit as st\nimport minilit.components.v1 as c\n"
        "try:\n    c.declare_component('x')\nexcept Exception as e:\n    st.text(str(e))\n"
        "try:\n    c.declare_component('y', path='/nonexistent-dir')\n"
        "except Exception as e:\n    st.text(str(e))\n"
    )
    with serve(tmp_path, source) as server, ws_connect(server) as ws:
        assert texts(run(ws)) == [
            "declare_component needs exactly one of path= or url=",
            "No such component directory: '/nonexistent-dir'",
        ]
        assert request(server, "GET", "/component/app.y/index.html").status == 404
