"""The student's workspace: found from any folder of the project, and free of solutions.

`find_workspace` on real folders, then `minilit lesson start` and `list` run as a
student runs them, from folders deep inside a project, without $MINILIT_WORKSPACE.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lessons.framework.catalog import all_lessons, find_lesson, load_lesson
from lessons.framework.exercises import EXERCISES, check_exercises, for_lesson
from lessons.framework.workspace import WORKSPACE_ENV, find_workspace, start

REPO = Path(__file__).resolve().parents[2]


def minilit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`minilit lesson ...` from ``cwd``, with no MINILIT_* variable set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env.update(COLUMNS="300", TERM="dumb")
    return subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_workspace_is_found_by_walking_up(tmp_path: Path) -> None:
    project = tmp_path / "project"
    deep = project / "notes" / "week1"
    deep.mkdir(parents=True)
    (project / ".git").mkdir()
    # Nothing yet: the root of the repository, where `start` will create it.
    found = find_workspace(deep, environ={})
    assert (found.path, found.how) == (project / "minilit-work", "project")
    # Once it exists, from any folder below the project, and from inside it.
    (project / "minilit-work" / "01-the-server").mkdir(parents=True)
    for here in (deep, project, project / "minilit-work" / "01-the-server"):
        found = find_workspace(here, environ={})
        assert (found.path, found.how) == (project / "minilit-work", "found"), here
    # The variable wins.
    other = tmp_path / "elsewhere"
    assert find_workspace(deep, environ={WORKSPACE_ENV: str(other)}).path == other
    assert find_workspace(deep, environ={WORKSPACE_ENV: str(other)}).how == "env"


def test_outside_any_project_it_is_the_current_folder(tmp_path: Path) -> None:
    found = find_workspace(tmp_path, environ={})
    assert (found.path, found.how) == (tmp_path / "minilit-work", "cwd")


def test_start_and_list_from_anywhere_in_the_project(tmp_path: Path) -> None:
    project = tmp_path / "course"
    (project / ".git").mkdir(parents=True)
    deep = project / "src" / "scratch"
    deep.mkdir(parents=True)
    started = minilit(deep, "start", "3")
    assert started.returncode == 0, started.stderr
    workspace = project / "minilit-work"
    assert (workspace / find_lesson("3").name / "varint.py").is_file()
    assert not (deep / "minilit-work").exists()

    elsewhere = project / "docs"
    elsewhere.mkdir()
    listed = minilit(elsewhere, "list")
    assert listed.returncode == 0, listed.stderr
    assert f"workspace: {workspace} (found from the current directory)" in listed.stdout
    row = next(line for line in listed.stdout.splitlines() if "Protobuf by hand" in line)
    assert "started" in row

    inside = minilit(workspace / find_lesson("3").name, "list")
    assert f"workspace: {workspace} (found" in inside.stdout


def test_list_says_when_the_workspace_comes_from_the_variable(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env.update(MINILIT_WORKSPACE=str(tmp_path / "ws"), COLUMNS="300", TERM="dumb")
    result = subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", "list"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert f"workspace: {tmp_path / 'ws'} (from $MINILIT_WORKSPACE, not created yet)" in (
        result.stdout
    )


# --- Solutions stay out of the student's way ------------------------------------------


def test_a_fresh_workspace_has_no_solution(tmp_path: Path) -> None:
    lessons = all_lessons()
    for lesson in lessons:
        start(lesson, tmp_path / "every-lesson")
    assert minilit(tmp_path, "start", "8").returncode == 0  # and through the CLI
    assert (tmp_path / "minilit-work" / find_lesson("8").name / "lookup_order.py").is_file()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len([p for p in files if p.suffix == ".py"]) == len(EXERCISES) + 1
    solutions = {
        e.files(lesson)["solution"].read_bytes() for lesson in lessons for e in for_lesson(lesson)
    }
    assert len(solutions) == len(EXERCISES)
    copied = [p for p in files if p.read_bytes() in solutions or "solution" in p.name]
    assert copied == []


def test_solutions_live_outside_the_lessons(tmp_path: Path) -> None:
    for lesson in all_lessons():
        assert list(lesson.exercise_dir.glob("*solution*")) == []
        for exercise in for_lesson(lesson):
            solution = exercise.files(lesson)["solution"]
            assert solution.is_file()
            assert solution.is_relative_to(REPO / "solutions")


def test_verify_flags_a_solution_left_beside_the_starter(tmp_path: Path) -> None:
    source = find_lesson("3")
    folder = tmp_path / "lessons" / source.name
    (folder / "exercise").mkdir(parents=True)
    (folder / "README.md").write_text(source.readme.read_text(encoding="utf-8"))
    for path in source.exercise_dir.iterdir():
        if path.is_file():
            (folder / "exercise" / path.name).write_bytes(path.read_bytes())
    solutions = tmp_path / "solutions" / source.name
    solutions.mkdir(parents=True)
    (solutions / "varint.py").write_text("def read_varint(data, pos): ...\n")
    lesson = load_lesson(folder)
    assert check_exercises(lesson) == []
    (folder / "exercise" / "varint_solution.py").write_text(
        textwrap.dedent("def read_varint(data, pos): ...\n")
    )
    (problem,) = check_exercises(lesson)
    assert "exercise/varint_solution.py" in problem.what and "solutions/" in problem.what
    (solutions / "varint.py").unlink()
    assert any("solution solutions/" in p.what for p in check_exercises(lesson))


@pytest.mark.parametrize("key", ["99", "x"])
def test_bad_lesson_numbers_are_one_line_errors(tmp_path: Path, key: str) -> None:
    for command in ("watch", "check", "start"):
        result = minilit(tmp_path, command, key)
        assert result.returncode == 2
        assert result.stderr.startswith(f"minilit: error: no lesson {key!r} (lessons: 01, ")
        assert result.stderr.count("\n") == 1
