"""Finding lessons: ``lessons/NN-slug/`` folders and their README front matter.

Not in Streamlit. Lesson ids are two digits (``05``), optionally with a letter for a
lesson inserted later (``07a``); ids are never renumbered, so links and progress files
stay valid. Each folder holds::

    README.md            front matter + prose (claims tagged, citations, excerpts)
    app.py               the lesson's app (``minilit lesson run N``)
    scenario.toml        the scripted interaction for the golden transcript
    expected/transcript.txt   the golden transcript
    test_lNN_claims.py   one or more tests per claim
    exercise/            NAME.md, NAME_starter.py, NAME_hints.md, test_lNN_exercise.py

Reference solutions are not in the lesson folder: they live in ``solutions/NN-slug/``
beside ``lessons/`` (lessons.framework.exercises).

The front matter is a small YAML subset between ``---`` lines (GitHub shows it as a
table): ``key: value`` with plain or quoted scalars and ``[a, b]`` lists.

Receives: the file system. Hands to: every other module of lessons.framework.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

LESSON_DIR_RE = re.compile(r"^(?P<id>\d{2}[a-z]?)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
"""``05-the-rerun-loop`` -> id ``05``, slug ``the-rerun-loop``."""

REQUIRED_KEYS = ("id", "title", "streamlit_version_modelled", "requires", "exercises")


class LessonError(Exception):
    """A lesson folder or its front matter is malformed, or a lesson is not found."""


FrontMatter = dict[str, "str | list[str]"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a lesson, printed as ``where: what``."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def parse_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Split a README into (front matter, body).

    Raises:
        LessonError: no front matter, or a line that is not ``key: value``.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise LessonError("README.md must start with a '---' front matter block")
    meta: FrontMatter = {}
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped == "---":
            return meta, "".join(lines[number:])
        if not stripped or stripped.startswith("#"):
            continue
        key, colon, value = stripped.partition(":")
        if not colon or not re.fullmatch(r"[a-z_]+", key.strip()):
            raise LessonError(f"front matter line {number}: expected 'key: value', got {line!r}")
        meta[key.strip()] = _parse_value(value.strip())
    raise LessonError("front matter block is not closed with '---'")


def _parse_value(value: str) -> str | list[str]:
    if value.startswith("[") and value.endswith("]"):
        inner = value[1:-1].strip()
        return [_unquote(item.strip()) for item in inner.split(",")] if inner else []
    return _unquote(value)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


@dataclass(frozen=True)
class Lesson:
    """One lesson folder."""

    id: str
    """``05`` (two digits, maybe a letter)."""
    slug: str
    path: Path
    meta: FrontMatter = field(compare=False)

    @property
    def name(self) -> str:
        """The folder name, ``05-the-rerun-loop``."""
        return self.path.name

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    @property
    def requires(self) -> list[str]:
        value = self.meta.get("requires", [])
        return list(value) if isinstance(value, list) else [value]

    @property
    def exercise_names(self) -> list[str]:
        value = self.meta.get("exercises", [])
        return list(value) if isinstance(value, list) else [value]

    @property
    def readme(self) -> Path:
        return self.path / "README.md"

    @property
    def app(self) -> Path:
        return self.path / "app.py"

    @property
    def scenario(self) -> Path:
        return self.path / "scenario.toml"

    @property
    def golden(self) -> Path:
        return self.path / "expected" / "transcript.txt"

    @property
    def exercise_dir(self) -> Path:
        return self.path / "exercise"

    @cached_property
    def body(self) -> str:
        """The README without its front matter."""
        return parse_front_matter(self.readme.read_text(encoding="utf-8"))[1]

    def test_files(self) -> list[Path]:
        """Every ``test_*.py`` of the lesson (claims and exercise tests)."""
        return sorted(self.path.rglob("test_*.py"))

    def sort_key(self) -> tuple[int, str]:
        return int(self.id[:2]), self.id[2:]


def default_root() -> Path | None:
    """Where the lessons are: $MINILIT_LESSONS_DIR, the repo beside this package, or cwd's."""
    env = os.environ.get("MINILIT_LESSONS_DIR")
    if env:
        return Path(env).resolve()
    beside = Path(__file__).resolve().parents[2] / "lessons"
    if _looks_like_lessons(beside):
        return beside
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "lessons"
        if _looks_like_lessons(candidate):
            return candidate
    return None


def _looks_like_lessons(path: Path) -> bool:
    return path.is_dir() and any(LESSON_DIR_RE.match(p.name) for p in path.iterdir())


def lessons_root() -> Path:
    """Like ``default_root`` but raises when there is none.

    Raises:
        LessonError: no lessons folder could be found.
    """
    root = default_root()
    if root is None:
        raise LessonError(
            "cannot find the lessons/ folder: run this inside the minilit repository "
            "or set MINILIT_LESSONS_DIR"
        )
    return root


def load_lesson(path: Path) -> Lesson:
    """Read one lesson folder.

    Raises:
        LessonError: the folder name or front matter is malformed.
    """
    match = LESSON_DIR_RE.match(path.name)
    if match is None:
        raise LessonError(f"{path.name}: lesson folders are named NN-slug")
    readme = path / "README.md"
    if not readme.is_file():
        raise LessonError(f"{path.name}: README.md is missing")
    meta, _ = parse_front_matter(readme.read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED_KEYS if k not in meta]
    if missing:
        raise LessonError(f"{path.name}: front matter lacks {', '.join(missing)}")
    if meta["id"] != match["id"]:
        raise LessonError(f"{path.name}: front matter id {meta['id']!r} != folder id")
    return Lesson(match["id"], match["slug"], path, meta)


def all_lessons(root: Path | None = None) -> list[Lesson]:
    """Every lesson under ``root`` (default: ``lessons_root()``), in order."""
    base = root if root is not None else lessons_root()
    lessons = [load_lesson(p) for p in base.iterdir() if p.is_dir() and LESSON_DIR_RE.match(p.name)]
    return sorted(lessons, key=Lesson.sort_key)


def find_lesson(key: str, root: Path | None = None) -> Lesson:
    """A lesson by id (``5``, ``05``, ``07a``), folder name or slug.

    Raises:
        LessonError: no lesson matches.
    """
    lessons = all_lessons(root)
    wanted = key.strip().lower()
    if re.fullmatch(r"\d[a-z]?", wanted):
        wanted = "0" + wanted
    for lesson in lessons:
        if wanted in (lesson.id, lesson.name, lesson.slug):
            return lesson
    known = ", ".join(lesson.id for lesson in lessons)
    raise LessonError(f"no lesson {key!r} (lessons: {known})")


def up_to(lesson: Lesson, root: Path | None = None) -> list[Lesson]:
    """``lesson`` and every lesson before it (what ``check`` runs, cumulatively)."""
    return [other for other in all_lessons(root) if other.sort_key() <= lesson.sort_key()]
