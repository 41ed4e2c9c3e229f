"""The student's workspace: exercise files to edit, and a record of progress.

Not in Streamlit. ``minilit lesson start N`` copies each exercise's starter and task into
``<workspace>/<lesson folder>/`` (the workspace is ``./minilit-work/`` in the current
directory, or ``$MINILIT_WORKSPACE``). Files already there are never overwritten unless
asked, so ``start`` is safe to repeat. ``.progress.json`` remembers how many hints were
shown and which lessons passed ``check``.

Receives: lessons and exercises (lessons.framework.catalog/exercises). Hands to: the CLI
and lessons.framework.runner (which files to plug in).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessons.framework.catalog import Lesson
from lessons.framework.exercises import Exercise, for_lesson

WORKSPACE_ENV = "MINILIT_WORKSPACE"
DEFAULT_DIRNAME = "minilit-work"


def workspace_root() -> Path:
    """$MINILIT_WORKSPACE, else ./minilit-work (not created here)."""
    env = os.environ.get(WORKSPACE_ENV)
    return Path(env).resolve() if env else (Path.cwd() / DEFAULT_DIRNAME).resolve()


def lesson_dir(lesson: Lesson, root: Path | None = None) -> Path:
    return (root or workspace_root()) / lesson.name


def exercise_file(exercise: Exercise, lesson: Lesson, root: Path | None = None) -> Path:
    """Where the student's version of ``exercise`` lives."""
    return lesson_dir(lesson, root) / f"{exercise.name}.py"


@dataclass
class StartResult:
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def start(lesson: Lesson, root: Path | None = None, force: bool = False) -> StartResult:
    """Copy the lesson's starters and tasks into the workspace (keeping edited files)."""
    result = StartResult()
    target = lesson_dir(lesson, root)
    target.mkdir(parents=True, exist_ok=True)
    for exercise in for_lesson(lesson):
        files = exercise.files(lesson)
        pairs = [
            (files["starter"], exercise_file(exercise, lesson, root)),
            (files["task"], target / f"{exercise.name}.md"),
        ]
        for source, dest in pairs:
            if dest.exists() and not force:
                result.kept.append(dest)
                continue
            shutil.copyfile(source, dest)
            result.created.append(dest)
    return result


def started(lesson: Lesson, root: Path | None = None) -> bool:
    exercises = for_lesson(lesson)
    return bool(exercises) and all(exercise_file(e, lesson, root).is_file() for e in exercises)


# --- Hints -----------------------------------------------------------------------------


def split_hints(text: str) -> list[str]:
    """The ``## Hint ...`` sections of a hints file, in order (headings kept)."""
    parts = re.split(r"(?m)^(?=## )", text)
    return [p.strip() for p in parts if p.strip().startswith("## ")]


# --- Progress --------------------------------------------------------------------------


class Progress:
    """``.progress.json`` in the workspace: hints shown, lessons passed."""

    def __init__(self, root: Path | None = None) -> None:
        self.path = (root or workspace_root()) / ".progress.json"
        self.data: dict[str, Any] = {"hints": {}, "passed": {}}
        if self.path.is_file():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                loaded = {}
            if isinstance(loaded, dict):
                self.data["hints"].update(loaded.get("hints", {}))
                self.data["passed"].update(loaded.get("passed", {}))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=2, sort_keys=True) + "\n", "utf-8")

    def hints_shown(self, exercise: str) -> int:
        return int(self.data["hints"].get(exercise, 0))

    def set_hints_shown(self, exercise: str, count: int) -> None:
        self.data["hints"][exercise] = count
        self.save()

    def passed(self, lesson: Lesson) -> str | None:
        """When ``check`` last passed for the lesson (ISO time), else None."""
        value = self.data["passed"].get(lesson.id)
        return str(value) if value else None

    def mark_passed(self, lesson: Lesson) -> None:
        self.data["passed"][lesson.id] = _dt.datetime.now().isoformat(timespec="seconds")
        self.save()

    def mark_failed(self, lesson: Lesson) -> None:
        if self.data["passed"].pop(lesson.id, None) is not None:
            self.save()
