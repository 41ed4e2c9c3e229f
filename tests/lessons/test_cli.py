"""`minilit lesson ...` as a student uses it: list, show, start, hint, check, in a real shell.

Each command runs as a subprocess with its own workspace (MINILIT_WORKSPACE), so the
tests see exactly what a student sees, exit statuses included.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.framework.catalog import find_lesson
from lessons.framework.exercises import by_name

REPO = Path(__file__).resolve().parents[2]


def minilit(workspace: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env.update(MINILIT_WORKSPACE=str(workspace), COLUMNS="120", TERM="dumb")
    return subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_list_and_show(tmp_path: Path) -> None:
    listed = minilit(tmp_path, "list")
    assert listed.returncode == 0, listed.stderr
    assert "The server" in listed.stdout and "port_search" in listed.stdout
    shown = minilit(tmp_path, "show", "1")
    assert shown.returncode == 0, shown.stderr
    assert "Lesson 01" in shown.stdout and "[L01.C1 Streamlit]" in shown.stdout
    assert "<!--" not in shown.stdout


def test_trace_prints_the_golden_transcript(tmp_path: Path) -> None:
    result = minilit(tmp_path, "trace", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (find_lesson("2").golden).read_text(encoding="utf-8")


def test_unknown_lesson_is_a_usage_error(tmp_path: Path) -> None:
    result = minilit(tmp_path, "show", "99")
    assert result.returncode == 2 and "no lesson '99'" in result.stderr


def test_hints_come_one_at_a_time(tmp_path: Path) -> None:
    first = minilit(tmp_path, "hint", "1")
    second = minilit(tmp_path, "hint", "1")
    assert "hint 1 of" in first.stdout and "hint 2 of" in second.stdout
    progress = json.loads((tmp_path / ".progress.json").read_text())
    assert progress["hints"]["port_search"] == 2
    minilit(tmp_path, "hint", "1", "--reset")
    assert "hint 1 of" in minilit(tmp_path, "hint", "1").stdout


def test_run_serves_the_lessons_app(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "minilit",
            "lesson",
            "run",
            "1",
            "--browser-only",
            "--server.headless",
            "true",
            "--server.port",
            "0",
            "--server.address",
            "127.0.0.1",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        printed = ""
        for line in proc.stdout:
            printed += line
            if "Local URL" in line:
                break
        assert "Local URL: http://localhost:" in printed, printed
    finally:
        proc.terminate()
        proc.wait(10)


def test_claims_lists_each_claim_with_its_test(tmp_path: Path) -> None:
    result = minilit(tmp_path, "claims", "5")
    assert result.returncode == 0
    assert (
        "L05.C8" in result.stdout
        and "test_a_pure_python_loop_cannot_be_interrupted" in result.stdout
    )
    assert "NO TEST" not in result.stdout


@pytest.mark.slow
def test_start_then_check_fails_until_the_exercise_is_done(tmp_path: Path) -> None:
    lesson = find_lesson("1")
    not_started = minilit(tmp_path, "check", "1")
    assert not_started.returncode == 2 and "minilit lesson start 01" in not_started.stdout

    started = minilit(tmp_path, "start", "1")
    assert started.returncode == 0, started.stderr
    mine = tmp_path / lesson.name / "port_search.py"
    assert mine.is_file() and (tmp_path / lesson.name / "port_search.md").is_file()

    mine.write_text("def _bind_sockets(self, port):\n    return []\n")  # wrong parameters
    unusable = minilit(tmp_path, "check", "1")
    assert unusable.returncode == 1
    assert "must take exactly (self)" in unusable.stdout + unusable.stderr
    assert "Not yet." in unusable.stdout

    shutil.copyfile(by_name("port_search").files(lesson)["solution"], mine)
    passing = minilit(tmp_path, "check", "1")
    assert passing.returncode == 0, passing.stdout[-3000:]
    assert "your code is plugged in" in passing.stdout
    assert "Lesson 01 passed." in passing.stdout
    assert "passed" in minilit(tmp_path, "list").stdout
