"""The student's workspace: exercise files to edit, and a record of progress.

Not in Streamlit. ``minilit lesson start N`` copies each exercise's starter and task into
``<workspace>/<lesson folder>/``. Files already there are never overwritten unless
asked, so ``start`` is safe to repeat. ``.progress.json`` remembers how many hints were
shown and which lessons passed ``check``. Reference solutions are never copied.

Which workspace (``find_workspace``), first match wins, so that every command finds the
same one from any directory inside the project:

1. ``$MINILIT_WORKSPACE``, when set;
2. a ``minilit-work/`` folder in the current directory or the nearest folder above it
   (``cd minilit-work/05-the-rerun-loop`` works, and so does any subfolder of the project);
3. none yet: ``minilit-work/`` at the root of the git repository you are in (the folder
   holding ``.git``), so ``start`` puts it where step 2 will find it again;
4. outside any repository: ``./minilit-work/``.

Receives: lessons and exercises (lessons.framework.catalog/exercises). Hands to: the CLI
and lessons.framework.runner (which files to plug in).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessons.framework.catalog import Lesson
from lessons.framework.exercises import Exercise, for_lesson

WORKSPACE_ENV = "MINILIT_WORKSPACE"
DEFAULT_DIRNAME = "minilit-work"


@dataclass(frozen=True)
class Workspace:
    """The workspace in use and how it was found (``minilit lesson list`` says both)."""

    path: Path
    how: str
    """``env`` ($MINILIT_WORKSPACE), ``found`` (an existing minilit-work/ at or above
    the current directory), ``project`` (not created yet; at the repository's root) or
    ``cwd`` (not created yet; in the current directory)."""

    def describe(self) -> str:
        """One line for the terminal: the path and why this one."""
        reason = {
            "env": f"from ${WORKSPACE_ENV}",
            "found": "found from the current directory",
            "project": "not created yet: `minilit lesson start N` makes it at the project root",
            "cwd": "not created yet: `minilit lesson start N` makes it here",
        }[self.how]
        missing = self.how == "env" and not self.path.is_dir()
        return f"{self.path} ({reason}{', not created yet' if missing else ''})"


def find_workspace(cwd: Path | None = None, environ: Mapping[str, str] | None = None) -> Workspace:
    """The student's workspace, found as the module docstring says (not created here)."""
    env = (os.environ if environ is None else environ).get(WORKSPACE_ENV)
    if env:
        return Workspace(Path(env).expanduser().resolve(), "env")
    here = (cwd or Path.cwd()).resolve()
    folders = (here, *here.parents)
    for folder in folders:
        if (folder / DEFAULT_DIRNAME).is_dir():
            return Workspace(folder / DEFAULT_DIRNAME, "found")
    for folder in folders:
        if (folder / ".git").exists():
            return Workspace(folder / DEFAULT_DIRNAME, "project")
    return Workspace(here / DEFAULT_DIRNAME, "cwd")


def workspace_root() -> Path:
    """The workspace's folder (``find_workspace().path``; not created here)."""
    return find_workspace().path


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
