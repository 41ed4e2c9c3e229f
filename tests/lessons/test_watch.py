"""`minilit lesson watch N` driven the way a student drives it: by saving a file.

A real `minilit lesson watch 3` process watches a temporary workspace; the test saves the
student's file (real file-system events, seen by minilit's watchdog-based watcher) and
reads what the process prints after each save.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lessons.framework.catalog import find_lesson
from lessons.framework.exercises import by_name

REPO = Path(__file__).resolve().parents[2]
WRONG = """def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    return data[pos], pos + 1  # one byte only: {n}
"""


class Watch:
    """A running `minilit lesson watch` and everything it has printed so far."""

    def __init__(self, workspace: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
        env.update(MINILIT_WORKSPACE=str(workspace), COLUMNS="200", TERM="dumb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "minilit", "lesson", "watch", *args],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output = ""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def until(self, text: str, timeout: float = 60) -> str:
        """Everything printed from now until a line containing ``text``."""
        seen = ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen += line
            self.output += line
            if text in line:
                return seen
        raise AssertionError(f"no {text!r} within {timeout} s; printed:\n{self.output}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def started(tmp_path: Path) -> Path:
    """A workspace where lesson 03 was started; returns the student's varint.py."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env["MINILIT_WORKSPACE"] = str(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", "start", "3"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    return tmp_path / find_lesson("3").name / "varint.py"


@pytest.fixture
def watch(started: Path) -> Iterator[Watch]:
    running = Watch(started.parent.parent, "3", "--hint-after", "2")
    yield running
    running.stop()


def test_each_save_is_rechecked_and_shows_which_tests_pass(started: Path, watch: Watch) -> None:
    first = watch.until("Watching")
    assert "first check" in first
    assert "✗  test_values[300]" in first and "✓  test_values[1]" in first
    assert " of 18 tests pass." in first and "18 of 18" not in first

    started.write_text(by_name("varint").files(find_lesson("3"))["solution"].read_text())
    solved = watch.until("Watching")
    assert "varint.py changed" in solved
    assert "18 of 18 tests pass." in solved and "✗" not in solved
    assert "minilit lesson check 03" in solved

    started.write_text("def read_varint(data, pos):\n    return 1 / 0 +\n")
    broken = watch.until("Watching")
    assert "varint.py changed" in broken
    assert "does not import: SyntaxError" in broken


def test_repeated_failures_bring_the_next_hint(started: Path, watch: Watch) -> None:
    first = watch.until("Watching")  # the starter fails: one failure
    assert "hint 1 of" not in first
    started.write_text(WRONG.format(n=1))  # a second failure in a row: the hint comes
    second = watch.until("Watching")
    assert "varint.py changed" in second and "hint 1 of" in second
    progress = json.loads((started.parent.parent / ".progress.json").read_text())
    assert progress["hints"]["varint"] == 1
    started.write_text(WRONG.format(n=2))  # the count started again: no hint yet
    third = watch.until("Watching")
    assert "varint.py changed" in third and "hint 2 of" not in third
    started.write_text(WRONG.format(n=3))
    assert "hint 2 of" in watch.until("Watching")


def test_only_a_changed_python_file_is_rechecked(started: Path, watch: Watch) -> None:
    watch.until("Watching")
    started.write_text(started.read_text())  # an editor's save without a change
    started.with_name("notes.txt").write_text("not Python")
    time.sleep(2)  # well past the watcher's settle time
    assert watch.lines.empty(), watch.lines.get()
    started.write_text(WRONG.format(n=1))
    after = watch.until("Watching")
    assert after.count("varint.py changed") == 1 and " · notes.txt" not in watch.output


def test_watch_without_start_is_a_one_line_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env["MINILIT_WORKSPACE"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", "watch", "3"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "minilit lesson start 03" in result.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", "watch", "3", "--hint-after", "0"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and "--hint-after must be 1 or more" in bad.stderr
