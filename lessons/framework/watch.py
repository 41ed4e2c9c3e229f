"""``minilit lesson watch N``: re-check a lesson's exercise every time the student saves.

Not in Streamlit. rustlings' watch mode on minilit's own file watcher: the watcher that
reruns an app when its script changes (minilit.watcher.LocalSourcesWatcher, real
file-system events through watchdog, content compared once a save has settled) watches
the student's lesson folder in the workspace instead. Each save that changes a ``.py``
file there re-runs lesson N's exercise tests (``exercise/test_lNN_exercise.py``) with the
student's files plugged in, in a fresh pytest process (lessons.framework.runner), and
prints which tests pass. After ``hint_after`` failed checks in a row the next hint of
``minilit lesson hint N`` is shown, and the count starts again.

Only lesson N's exercise tests run (seconds, not minutes); when they all pass the
student is sent to ``minilit lesson check N``, the cumulative check of lessons 01..N.

Receives: file-system events (watchdog's thread, handed over through a queue). Hands
to: a Rich console, and ``.progress.json`` (hints shown).
"""

from __future__ import annotations

import datetime as _dt
import queue
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lessons.framework.catalog import Lesson
from lessons.framework.exercises import Exercise, for_lesson
from lessons.framework.render import hint_panel
from lessons.framework.runner import PytestRun, run_pytest
from lessons.framework.workspace import Progress, exercise_file, split_hints
from minilit.watcher import LocalSourcesWatcher

RUN_TIMEOUT = 300.0
"""Seconds one check may take (a broken checkpoint can leave a script running)."""


@dataclass
class Round:
    """One check's outcome, as the watch loop counts it."""

    passed: int
    total: int
    error: str
    """Why no test ran (the file does not import...), else ""."""

    @property
    def ok(self) -> bool:
        return not self.error and self.total > 0 and self.passed == self.total


def run_exercise_tests(lesson: Lesson, files: dict[str, Path]) -> PytestRun:
    """Lesson ``lesson``'s exercise tests with ``files`` ({exercise: path}) plugged in."""
    return run_pytest([lesson.exercise_dir], files, ["--tb=line"], timeout=RUN_TIMEOUT)


def show_round(console: Console, run: PytestRun) -> Round:
    """Print which tests pass (and the first line of each failure); count them."""
    if run.usage_error:
        console.print(Text(f"✗ {run.usage_error}", style="red"))
        return Round(0, 0, run.usage_error)
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("mark", width=1)
    table.add_column("test")
    table.add_column("time", justify="right", style="dim")
    passed = 0
    for result in run.results:
        name = str(result["nodeid"]).rsplit("::", 1)[-1]
        outcome = str(result["outcome"])
        time = f"{float(result['duration']):.2f}s"
        if outcome == "passed":
            passed += 1
            table.add_row(Text("✓", style="green"), Text(name), time)
        elif outcome == "skipped":
            table.add_row(Text("-", style="dim"), Text(f"{name} (skipped)", style="dim"), time)
        else:
            detail = Text(name, style="red")
            if result.get("message"):
                detail.append(f"\n  {result['message']}", style="default")
            table.add_row(Text("✗", style="red"), detail, time)
    console.print(table)
    total = len(run.results)
    if total == 0:
        tail = "\n".join(run.output.strip().splitlines()[-5:])
        console.print(Text(f"no test ran (pytest exit {run.returncode})\n{tail}", style="red"))
        return Round(0, 0, f"no test ran (pytest exit {run.returncode})")
    style = "green bold" if passed == total else "yellow bold"
    console.print(Text(f"{passed} of {total} tests pass.", style=style))
    return Round(passed, total, "")


def show_next_hint(
    console: Console, lesson: Lesson, exercises: list[Exercise], workspace: Path
) -> None:
    """The next hint of each exercise (as ``minilit lesson hint N`` would), remembered."""
    progress = Progress(workspace)
    for exercise in exercises:
        hints = split_hints(exercise.files(lesson)["hints"].read_text(encoding="utf-8"))
        if not hints:
            continue
        shown = min(progress.hints_shown(exercise.name), len(hints) - 1)
        console.print(hint_panel(exercise.name, shown + 1, len(hints), hints[shown]))
        progress.set_hints_shown(exercise.name, min(shown + 1, len(hints)))


def watch(
    lesson: Lesson,
    workspace: Path,
    console: Console,
    hint_after: int = 3,
    stop: threading.Event | None = None,
    on_round: Callable[[Round], None] | None = None,
) -> None:
    """Check now, then after every save, until ``stop`` is set or Ctrl-C.

    The caller checks first that the exercise files exist (``minilit lesson start N``).
    """
    exercises = for_lesson(lesson)
    files = {e.name: exercise_file(e, lesson, workspace) for e in exercises}
    folder = next(iter(files.values())).parent
    changes: queue.Queue[str] = queue.Queue()
    watcher = LocalSourcesWatcher(str(next(iter(files.values()))), changes.put)
    watcher.start()
    stop = stop or threading.Event()
    failures = 0
    reason = "first check"
    try:
        while not stop.is_set():
            stamp = _dt.datetime.now().strftime("%H:%M:%S")
            console.rule(f"lesson {lesson.id} · {stamp} · {reason}", align="left")
            try:
                result = show_round(console, run_exercise_tests(lesson, files))
            except subprocess.TimeoutExpired:
                console.print(Text(f"✗ the tests took over {RUN_TIMEOUT:.0f} s", style="red"))
                result = Round(0, 0, "timeout")
            if result.ok:
                failures = 0
                console.print(
                    f"[green]Exercise done.[/green] Now the full check of lessons 01-{lesson.id}: "
                    f"minilit lesson check {lesson.id}"
                )
            else:
                failures += 1
                if failures >= hint_after:
                    failures = 0
                    show_next_hint(console, lesson, exercises, workspace)
            if on_round is not None:
                on_round(result)
            console.print(f"[dim]Watching {folder} for saves (Ctrl-C to stop)...[/dim]")
            console.file.flush()
            changed = _next_change(changes, stop)
            if changed is None:
                break
            reason = f"{Path(changed).name} changed"
    finally:
        watcher.stop()


def _next_change(changes: queue.Queue[str], stop: threading.Event) -> str | None:
    """Block until a save (then drain the saves that came with it), or None on stop."""
    while not stop.is_set():
        try:
            changed = changes.get(timeout=0.2)
        except queue.Empty:
            continue
        while True:
            try:
                changed = changes.get_nowait()
            except queue.Empty:
                return changed
    return None
