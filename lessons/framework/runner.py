"""Running lesson tests with a student's code plugged in: ``check`` and ``dev-check``.

Not in Streamlit. ``check N`` is CodeCrafters' cumulative stage check: it runs the tests
of lessons 01..N (claims and exercises) in a fresh pytest process, with every exercise
the student has started plugged into the real minilit (lessons.framework.exercises). A
lesson whose exercise was not started runs against minilit's own code, so earlier
lessons never block later ones, but lesson N itself needs the student's file.

``dev-check`` is rustlings' ``dev check`` for maintainers (and CI): each exercise's
starter must *fail* its own tests (so there is something to do), and all reference
solutions together must *pass* every lesson's tests (so the exercise is doable and the
solution is a drop-in replacement).

A subprocess, not pytest.main in this process: overlays replace functions for good,
and each run must start from a clean minilit.

Receives: lessons, the workspace. Hands to: the CLI; tests/lessons/test_devcheck.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessons.framework.catalog import Lesson, up_to
from lessons.framework.exercises import OVERLAYS_ENV, Exercise, for_lesson
from lessons.framework.results import RESULTS_ENV
from lessons.framework.targets import ONLY_MINILIT_ENV
from lessons.framework.workspace import exercise_file

REPORT_ENV = "MINILIT_LESSON_REPORT"
"""If set, lessons/conftest.py writes one JSON line per test outcome to this file."""

_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")

RESULTS_PLUGIN = "lessons.framework.results"
"""Loaded into every pytest subprocess: one line per finished test, with its time."""


@dataclass
class PytestRun:
    """The outcome of one pytest subprocess."""

    returncode: int
    output: str
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    """One {nodeid, when, outcome, message} per reported phase."""
    results: list[dict[str, Any]] = field(default_factory=list)
    """One {nodeid, outcome, duration, message, claims} per test (lessons.framework.results)."""

    @property
    def usage_error(self) -> str:
        """Why pytest ran no test at all (a file that cannot be plugged in...), else ""."""
        if self.returncode not in (3, 4):
            return ""
        for line in _ANSI_RE.sub("", self.output).splitlines():
            if line.startswith("ERROR: "):
                return line.removeprefix("ERROR: ").strip()
        return f"pytest could not run the tests (exit {self.returncode})"

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [o for o in self.outcomes if o["outcome"] == "failed"]

    @property
    def passed(self) -> list[dict[str, Any]]:
        return [o for o in self.outcomes if o["outcome"] == "passed" and o["when"] == "call"]


def run_pytest(
    paths: Sequence[Path],
    overlays: Mapping[str, Path],
    extra_args: Sequence[str] = (),
    stream: bool = False,
    timeout: float = 600,
) -> PytestRun:
    """Run pytest on ``paths`` in a subprocess with ``overlays`` installed."""
    repo = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory(prefix="minilit-lesson-") as tmp:
        report = Path(tmp) / "report.jsonl"
        results = Path(tmp) / "results.jsonl"
        env = dict(os.environ)
        env[OVERLAYS_ENV] = json.dumps({k: str(v) for k, v in overlays.items()})
        # A student's code is plugged into minilit: the Streamlit side of the claims
        # checks the course, not the student (lessons.framework.targets).
        env[ONLY_MINILIT_ENV] = "1"
        env[REPORT_ENV] = str(report)
        env[RESULTS_ENV] = str(results)
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            RESULTS_PLUGIN,
            "-q",
            *extra_args,
            *(str(p) for p in paths),
        ]
        if stream:
            if sys.stdout.isatty():
                command.insert(3, "--color=yes")
            returncode, output = _tee(command, repo, env, timeout)
        else:
            proc = subprocess.run(
                command,
                cwd=repo,
                env=env,
                timeout=timeout,
                check=False,
                capture_output=True,
                text=True,
            )
            returncode, output = proc.returncode, proc.stdout + proc.stderr
        return PytestRun(returncode, output, _json_lines(report), _json_lines(results))


def _tee(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[int, str]:
    """Run ``command``, echoing its output to our stdout as it comes, and keep a copy.

    Raises:
        subprocess.TimeoutExpired: it ran longer than ``timeout`` seconds (it is killed).
    """
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    killer = threading.Timer(timeout, proc.kill)
    killer.daemon = True
    killer.start()
    kept: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            kept.append(line)
        returncode = proc.wait()
    finally:
        timed_out = killer.finished.is_set()  # set by the timer firing (before cancel)
        killer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if timed_out and returncode < 0:
        raise subprocess.TimeoutExpired(command, timeout)
    return returncode, "".join(kept)


def _json_lines(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


@dataclass
class CheckPlan:
    """What ``check N`` will run."""

    lessons: list[Lesson]
    overlays: dict[str, Path]
    missing: list[Exercise]
    """Exercises of lesson N the student has not started."""


def plan_check(lesson: Lesson, workspace: Path) -> CheckPlan:
    lessons = up_to(lesson)
    overlays: dict[str, Path] = {}
    missing: list[Exercise] = []
    for each in lessons:
        for exercise in for_lesson(each):
            path = exercise_file(exercise, each, workspace)
            if path.is_file():
                overlays[exercise.name] = path
            elif each == lesson:
                missing.append(exercise)
    return CheckPlan(lessons, overlays, missing)


def check(plan: CheckPlan, stream: bool = True) -> PytestRun:
    """Run the planned tests (the student's files plugged in)."""
    return run_pytest([p.path for p in plan.lessons], plan.overlays, ["--tb=short"], stream=stream)


# --- dev-check -------------------------------------------------------------------------


@dataclass
class DevCheckResult:
    name: str
    """``starter:varint`` or ``solutions``."""
    ok: bool
    detail: str


def dev_check(
    lessons: Sequence[Lesson],
    jobs: int = 4,
    log: Callable[[str], None] = print,
) -> list[DevCheckResult]:
    """Prove every starter fails and all solutions pass (see the module docstring)."""
    exercises = [(lesson, e) for lesson in lessons for e in for_lesson(lesson)]

    def starter(item: tuple[Lesson, Exercise]) -> DevCheckResult:
        lesson, exercise = item
        run = run_pytest(
            [lesson.exercise_dir],
            {exercise.name: exercise.files(lesson)["starter"]},
            ["-x", "--tb=line"],
        )
        failed_calls = [o for o in run.failed if o["when"] == "call"]
        ok = run.returncode == 1 and bool(failed_calls)
        detail = (
            f"fails as it should ({failed_calls[0]['nodeid'].rsplit('::', 1)[-1]})"
            if ok
            else f"starter did not fail a test (pytest exit {run.returncode})\n{run.output[-2000:]}"
        )
        return DevCheckResult(f"starter:{exercise.name}", ok, detail)

    def solutions() -> DevCheckResult:
        overlays = {e.name: e.files(lesson)["solution"] for lesson, e in exercises}
        run = run_pytest([lesson.path for lesson in lessons], overlays, ["--tb=short"])
        ok = run.returncode == 0 and bool(run.passed)
        detail = (
            f"{len(run.passed)} tests pass with all {len(overlays)} solutions plugged in"
            if ok
            else f"pytest exit {run.returncode}\n{run.output[-4000:]}"
        )
        return DevCheckResult("solutions", ok, detail)

    results: list[DevCheckResult] = []
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        whole = pool.submit(solutions)
        for result in pool.map(starter, exercises):
            log(f"{'ok  ' if result.ok else 'FAIL'} {result.name}: {result.detail}")
            results.append(result)
        final = whole.result()
        log(f"{'ok  ' if final.ok else 'FAIL'} {final.name}: {final.detail}")
        results.append(final)
    return results
