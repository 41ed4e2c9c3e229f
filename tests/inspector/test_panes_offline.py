"""Pilot tests of the panes on recordings and a child server: the 80x24 layout,
filters over rows already shown, keys, the Log pane, where files go, and
recordings cut off by a crash or not UTF-8."""

from __future__ import annotations

import asyncio
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.text import Text
from textual.binding import Binding
from textual.widgets import RichLog

from inspector import launch
from inspector.app import InspectorApp
from inspector.channel.recording import RecordingError, read_recording
from inspector.launch import ServerProcess
from inspector.panes.screen import MainScreen
from inspector.rows import ENDINGS, TIMELINE_WIDTHS, count, fmt_ms
from inspector.sources import LiveSource, RecordingSource
from inspector.widgets.frame_view import FrameScreen
from inspector.widgets.help import HelpScreen
from inspector.widgets.virtual_table import VirtualTable
from minilit.testing import AppClient
from tests.inspector.conftest import MINILIT_SESSION, TOUR, offline_app, settle

REPO = Path(__file__).resolve().parents[2]


def screen_text(app: InspectorApp) -> str:
    """What the terminal shows, as plain text (from Textual's SVG screenshot)."""
    svg = app.export_screenshot()
    lines = re.findall(r'<text class="[^"]*"[^>]*>([^<]*)</text>', svg)
    return html.unescape("".join(lines)).replace("\xa0", " ")


def log_lines(log: RichLog) -> list[str]:
    return ["".join(seg.text for seg in strip) for strip in log.lines]


# ----- 80x24 -------------------------------------------------------------------------


async def test_at_80x24_every_pane_is_on_screen_and_endings_are_whole() -> None:
    app = offline_app(MINILIT_SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen_stack[0]
        assert "-narrow" in main.classes
        for pane in ("#sessions-pane", "#reruns-pane", "#gate", "#tabs", "#status"):
            region = main.query_one(pane).region
            assert region.width > 0 and region.height > 0, pane
            assert region.right <= 80 and region.bottom <= 24, pane
        timeline = main.query_one("#timeline", VirtualTable)
        assert timeline.region.height >= 4  # a header and three runs at least
        lines = timeline.render_lines_for_test()
        assert any(" ok " in line for line in lines[1:3])
        tabs = screen_text(app)
        for label in ("1 Deltas", "6 Security", "8 Log"):
            assert label in tabs  # every tab's key readable


def test_number_and_ending_columns_are_never_cut() -> None:
    width = TIMELINE_WIDTHS["ending"]
    for ending in (*ENDINGS.values(), "exception", "stopped", "running", "⏸ paused"):
        assert Text(ending).cell_len <= width, ending
    for n in (0, 7, 99_999, 123_456, 9_876_543, 10**12):
        for w in (4, 5, 6):
            assert len(count(n, w)) <= w
    assert count(123_456, 6) == "123456" and count(123_456, 5) == "123k"
    assert count(1_234_567, 6) == "1235k" and count(1_234_567, 4) == "1.2M"
    assert len(fmt_ms(123_456.7, 7)) <= 7


async def test_at_80x24_the_app_url_is_readable() -> None:
    with ServerProcess(launch_demo(), {"server.port": "0"}) as proc:
        app = InspectorApp(LiveSource(proc.app_url, proc.token), server_output=proc.output)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(200):
                if app.connection == "live":
                    break
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            assert proc.app_url in screen_text(app)


def launch_demo() -> Path:
    from minilit.cli import DEMO_SCRIPT

    return DEMO_SCRIPT


# ----- filters -------------------------------------------------------------------------


async def test_a_filter_applies_to_the_event_lines_already_shown() -> None:
    app = offline_app(MINILIT_SESSION)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)
        log = app.screen_stack[0].query_one("#event-log", RichLog)
        before = log_lines(log)
        assert len(before) > 20 and any("websocket.forwardmsg.sent" in line for line in before)
        await pilot.press("slash", *"event:script.run.*", "enter")
        await settle(pilot)
        after = log_lines(log)
        assert after and len(after) < len(before)
        assert all("script.run." in line for line in after)
        await pilot.press("slash", "ctrl+u", "enter")  # no filter: everything again
        await settle(pilot)
        assert len(log_lines(log)) == len(before)


async def test_a_filter_applies_to_the_frames_already_shown() -> None:
    app = offline_app(TOUR)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        frames = app.screen_stack[0].query_one("#frame-table", VirtualTable)
        assert frames.row_count == 37
        await pilot.press("slash", *"dir:back", "enter")
        await settle(pilot)
        assert 0 < frames.row_count < 37
        assert all(str(frames.get_row_at(i)[2]) == "←" for i in range(frames.row_count))


# ----- keys ----------------------------------------------------------------------------


def offered(app: InspectorApp) -> set[str]:
    return {k for k, a in app.screen.active_bindings.items() if a.binding.show and a.enabled}


async def test_offline_the_footer_offers_no_stepping_keys() -> None:
    app = offline_app(TOUR)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        keys = offered(app)
        assert {"slash", "f", "w", "q", "question_mark"} <= keys
        assert not {"p", "n", "e", "c", "b", "h", "full_stop"} & keys
        await pilot.press("p", "h")  # and they do nothing
        await pilot.pause(0.1)
        assert app.is_running


def test_no_key_means_two_things_on_two_screens() -> None:
    meaning: dict[str, set[str]] = {}
    for owner in (InspectorApp, MainScreen, FrameScreen, HelpScreen):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                meaning.setdefault(key, set()).add(binding.description or binding.action)
    twice = {key: m for key, m in meaning.items() if len(m) > 1}
    # "?" toggles the help: it opens it, and on the help screen goes back.
    assert twice == {"question_mark": {"Help", "Back"}}


# ----- the Log pane --------------------------------------------------------------------

NOISY_APP = """\
import sys

import minilit as st

print("hello from stdout", flush=True)
print("hello from stderr", file=sys.stderr, flush=True)
st.text("before the crash")
raise ValueError("boom in the app")
"""


@pytest.mark.timeout(120)
async def test_the_log_pane_shows_the_apps_stdout_stderr_and_tracebacks(tmp_path: Path) -> None:
    script = tmp_path / "noisy.py"
    script.write_text(NOISY_APP)
    with ServerProcess(script, {"server.port": "0"}) as proc:
        app = InspectorApp(LiveSource(proc.app_url, proc.token), server_output=proc.output)
        async with app.run_test(size=(160, 45)) as pilot:
            client = await asyncio.to_thread(AppClient.connect, proc.app_url)
            try:
                await asyncio.to_thread(client.run, timeout=30)
            finally:
                client.close()
            await pilot.press("8")
            log = app.screen_stack[0].query_one("#server-log", RichLog)
            for _ in range(100):
                if any("ValueError: boom in the app" in line for line in log_lines(log)):
                    break
                await pilot.pause(0.05)
            text = "\n".join(log_lines(log))
            assert "hello from stdout" in text
            assert "hello from stderr" in text
            assert "Traceback (most recent call last)" in text
            assert "ValueError: boom in the app" in text


# ----- where files go -------------------------------------------------------------------


def test_files_go_to_a_named_folder_or_a_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(launch.OUTPUT_DIR_ENV, str(tmp_path / "mine"))
    assert launch.output_dir() == tmp_path / "mine"
    assert InspectorApp(RecordingSource(TOUR)).export_dir == tmp_path / "mine"
    monkeypatch.delenv(launch.OUTPUT_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = launch.output_dir()
    assert not default.is_relative_to(REPO) and not default.is_relative_to(Path.cwd())
    if sys.platform.startswith("linux"):
        assert default == tmp_path / "data" / "minilit" / "inspector"


async def test_export_and_record_into_a_folder_the_user_names(tmp_path: Path) -> None:
    app = offline_app(MINILIT_SESSION, tmp_path / "default")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        target = tmp_path / "chosen" / "rerun.md"
        await pilot.press("m", "ctrl+u", *str(target), "enter")
        await pilot.pause(0.1)
        assert target.read_text().startswith("### Rerun 2")
        recording = tmp_path / "chosen" / "run.jsonl"
        await pilot.press("w", "ctrl+u", *str(recording), "enter")
        await pilot.pause(0.1)
        await pilot.press("w")
    assert len(read_recording(recording).events) == len(read_recording(MINILIT_SESSION).events)
    assert not (tmp_path / "default").exists()


async def test_the_palettes_screenshot_is_saved_where_files_go(tmp_path: Path) -> None:
    app = offline_app(TOUR, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"Screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(40):
            if list(tmp_path.glob("*.svg")):
                break
            await pilot.pause(0.05)
    shots = list(tmp_path.glob("minilit-inspector-*.svg"))
    assert len(shots) == 1
    assert "minilit inspector" in html.unescape(shots[0].read_text()).replace("\xa0", " ")


# ----- recordings cut off or not UTF-8 ------------------------------------------------------


def cut_recording(tmp_path: Path) -> tuple[Path, int]:
    """The session recording cut mid-way through its last line; and its whole events."""
    whole = MINILIT_SESSION.read_bytes()
    cut = tmp_path / "crashed.jsonl"
    cut.write_bytes(whole[: whole.rstrip(b"\n").rfind(b"\n") + 30])
    return cut, len(read_recording(MINILIT_SESSION).events) - 1


def test_a_recording_cut_off_mid_line_opens_up_to_its_last_whole_event(tmp_path: Path) -> None:
    cut, whole_events = cut_recording(tmp_path)
    rec = read_recording(cut)
    assert len(rec.events) == whole_events
    assert len(rec.warnings) == 1 and "cut off" in rec.warnings[0]
    assert not read_recording(MINILIT_SESSION).warnings


def test_a_recording_cut_inside_a_multibyte_character(tmp_path: Path) -> None:
    whole = MINILIT_SESSION.read_bytes()
    cut = tmp_path / "crashed.jsonl"
    cut.write_bytes(whole + b'{"type": "event", "name": "caf' + "é".encode()[:1])
    rec = read_recording(cut)
    assert len(rec.events) == len(read_recording(MINILIT_SESSION).events) and rec.warnings


def test_a_bad_line_in_the_middle_is_still_an_error(tmp_path: Path) -> None:
    lines = MINILIT_SESSION.read_text().splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([*lines[:3], lines[3][:20], *lines[4:]]) + "\n")
    with pytest.raises(RecordingError, match=r"bad\.jsonl:4: not JSON"):
        read_recording(bad)


def test_a_file_that_is_not_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jsonl"
    binary.write_bytes(b'{"type": "header"}\n\x89PNG\r\n\x1a\n\xff\xfe')
    with pytest.raises(RecordingError) as err:
        read_recording(binary)
    assert "not UTF-8" in str(err.value) and "\n" not in str(err.value)


def test_minilit_inspect_on_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jsonl"
    binary.write_bytes(b"{\xff\xfe\x00garbage")
    done = subprocess.run(
        [sys.executable, "-m", "minilit", "inspect", str(binary)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "not UTF-8" in done.stderr


async def test_the_inspector_opens_a_cut_off_recording_with_a_warning(tmp_path: Path) -> None:
    cut, whole_events = cut_recording(tmp_path)
    app = InspectorApp(RecordingSource(cut), export_dir=tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert len(app.model.events) == whole_events
        assert any("cut off" in str(n.message) for n in app._notifications)
        assert app.model.runs and app.model.runs[-1].deltas


@pytest.mark.timeout(60)
def test_minilit_inspect_on_a_cut_off_recording(tmp_path: Path) -> None:
    """The real command in a pseudo-terminal: it warns, opens, and quits on q."""
    import os
    import pty
    import select
    import time

    cut, _ = cut_recording(tmp_path)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command
        os.chdir(REPO)
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        os.execve(sys.executable, [sys.executable, "-m", "minilit", "inspect", str(cut)], env)
    seen = b""
    deadline = time.monotonic() + 40
    quit_sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if not quit_sent and b"minilit inspector" in seen:
            time.sleep(0.5)
            os.write(fd, b"q")
            quit_sent = True
    _, status = os.waitpid(pid, 0)
    text = seen.decode("utf-8", errors="replace")
    assert "warning:" in text and "cut off" in text
    assert quit_sent and os.waitstatus_to_exitcode(status) == 0
