"""Editing the script while the app runs: the watcher, run-on-save and module reloads."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from tests.wire import recv, run_once, serve, ws_connect

WATCH = {"server.fileWatcherType": "auto"}


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # Make sure the modification time moves even on coarse-grained file systems.
    stamp = time.time() + 1
    os.utime(path, (stamp, stamp))


def next_kind(ws: object, kind: str, timeout: float = 10.0) -> ForwardMsg:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = recv(ws, timeout=deadline - time.monotonic())  # type: ignore[arg-type]
        if msg.WhichOneof("type") == kind:
            return msg
    raise AssertionError(f"no {kind} within {timeout} s")


def texts(run_messages: list[ForwardMsg]) -> list[str]:
    return [m.delta.new_element.text.body for m in run_messages if m.HasField("delta")]


@pytest.mark.parametrize("watcher", ["auto", "poll"])
def test_a_change_is_offered_to_the_browser_and_a_rerun_shows_it(
    tmp_path: Path, watcher: str
) -> None:
    with (
        serve(
            tmp_path, "import minilit as st\nst.text('v1')\n", **{"server.fileWatcherType": watcher}
        ) as server,
        ws_connect(server) as ws,
    ):
        assert texts(run_once(ws).messages) == ["v1"]
        edit(tmp_path / "app.py", "import minilit as st\nst.text('v2')\n")
        event = next_kind(ws, "session_event")
        assert event.session_event.script_changed_on_disk
        assert texts(run_once(ws).messages) == ["v2"]


def test_run_on_save_reruns_without_a_request(tmp_path: Path) -> None:
    options = {**WATCH, "server.runOnSave": True}
    with (
        serve(tmp_path, "import minilit as st\nst.text('v1')\n", **options) as server,
        ws_connect(server) as ws,
    ):
        run_once(ws)
        edit(tmp_path / "app.py", "import minilit as st\nst.text('v2')\n")
        next_kind(ws, "new_session")
        delta = next_kind(ws, "delta")
        assert delta.delta.new_element.text.body == "v2"


def test_saving_the_same_content_is_not_a_change(tmp_path: Path) -> None:
    source = "import minilit as st\nst.text('same')\n"
    with serve(tmp_path, source, **WATCH) as server, ws_connect(server) as ws:
        run_once(ws)
        edit(tmp_path / "app.py", source)
        with pytest.raises(TimeoutError):
            ws.recv(timeout=1.5)


def test_a_changed_module_next_to_the_script_is_imported_afresh(tmp_path: Path) -> None:
    (tmp_path / "settings_mod.py").write_text("GREETING = 'hello'\n")
    source = "import minilit as st\nimport settings_mod\nst.text(settings_mod.GREETING)\n"
    with serve(tmp_path, source, **WATCH) as server, ws_connect(server) as ws:
        assert texts(run_once(ws).messages) == ["hello"]
        edit(tmp_path / "settings_mod.py", "GREETING = 'bonjour'\n")
        next_kind(ws, "session_event")
        assert texts(run_once(ws).messages) == ["bonjour"]
