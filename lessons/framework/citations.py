"""Checked code citations: a rename breaks the build, not the course.

Not in Streamlit. A README points students at code three ways, and each is checked:

- a dotted name in backticks, ``minilit.scriptrunner.script_runner.ScriptRunner``
  (roots: minilit, inspector, tornado, google.protobuf), must import: the longest
  importable module prefix is imported and the rest is looked up attribute by attribute;
- a repository path in backticks, ``minilit/runtime/forward_msg_queue.py``, must exist;
- a named note, ``Note [Checkpoints]``, must be defined in minilit/, inspector/ or
  frontend/src/ (a line that is just ``Note [Checkpoints]``, in a docstring or a comment);
- in the "Read the code" section, a bare name in backticks that follows a dotted name or
  a ``.py`` path in the same list item (``ScriptRunner``: ``_exec``, ``_run_script``)
  is a member of it: it must exist on that object, or on one of its parents.

Fenced code blocks are skipped: excerpts are checked by lessons.framework.excerpts.

Receives: lesson READMEs. Hands to: ``minilit lesson verify`` and tests/lessons/.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.framework.catalog import Lesson, Problem

ROOTS = ("minilit", "inspector", "tornado", "google.protobuf")
DOTTED_RE = re.compile(
    r"`(?P<name>(?:minilit|inspector|tornado|google\.protobuf)(?:\.[A-Za-z_]\w*)+)(?:\(\))?`"
)
PATH_RE = re.compile(r"`(?P<path>(?:minilit|inspector|lessons|frontend|tests|docs)/[\w./-]+)`")
NOTE_RE = re.compile(r"Note \[(?P<name>[^\]\n]+)\]")
BARE_RE = re.compile(r"`(?P<name>[A-Za-z_]\w*)`")
TOKEN_RE = re.compile(r"`[^`\n]+`")
READ_SECTION_RE = re.compile(
    r"^## Read the code\s*$(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL
)
ITEM_START_RE = re.compile(r"^(?:\d+\.|[-*])\s")
FENCE_RE = re.compile(r"^(```|~~~).*?^\1\s*$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Citation:
    kind: str
    """``name``, ``path`` or ``note``."""
    target: str
    line: int


def strip_fences(text: str) -> str:
    """``text`` with fenced code blocks blanked out (line numbers kept)."""
    return FENCE_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def find_citations(text: str) -> list[Citation]:
    """Every dotted name, path and note cited in ``text`` (outside code fences)."""
    prose = strip_fences(text)
    found: list[Citation] = []
    for kind, regex, group in (
        ("name", DOTTED_RE, "name"),
        ("path", PATH_RE, "path"),
        ("note", NOTE_RE, "name"),
    ):
        for match in regex.finditer(prose):
            line = prose.count("\n", 0, match.start()) + 1
            found.append(Citation(kind, match[group], line))
    return sorted(found, key=lambda c: c.line)


def resolve(dotted: str) -> object:
    """Import ``dotted`` (a module, or attributes below one).

    Raises:
        LookupError: with the part that does not exist.
    """
    parts = dotted.split(".")
    module = None
    index = len(parts)
    while index > 0:
        try:
            module = importlib.import_module(".".join(parts[:index]))
            break
        except ModuleNotFoundError:
            index -= 1
    if module is None:
        raise LookupError(f"no module {parts[0]!r}")
    obj: object = module
    for depth in range(index, len(parts)):
        try:
            obj = getattr(obj, parts[depth])
        except AttributeError:
            owner = ".".join(parts[:depth])
            raise LookupError(f"{owner} has no attribute {parts[depth]!r}") from None
    return obj


NOTE_SOURCES = (("minilit", "*.py"), ("inspector", "*.py"), ("frontend/src", "*.ts*"))
"""Where named notes are defined: Python docstrings/comments and the frontend's comments."""


@cache
def defined_notes(repo: Path) -> frozenset[str]:
    """Names of every ``Note [..]`` defined on a line of its own (``#``, ``*`` or ``//`` ok)."""
    names: set[str] = set()
    pattern = re.compile(r"^\s*(?:#|\*|//)?\s*Note \[(?P<name>[^\]\n]+)\]\s*$", re.MULTILINE)
    for folder, glob in NOTE_SOURCES:
        for file in (repo / folder).rglob(glob):
            names.update(m["name"] for m in pattern.finditer(file.read_text(encoding="utf-8")))
    return frozenset(names)


def member_citations(text: str) -> list[tuple[str, str, int]]:
    """(bare name, the dotted name it belongs to, line) in the "Read the code" section."""
    section = READ_SECTION_RE.search(text)
    if section is None:
        return []
    first_line = text.count("\n", 0, section.start("body")) + 1
    out: list[tuple[str, str, int]] = []
    context = ""
    for offset, line in enumerate(section["body"].split("\n")):
        if ITEM_START_RE.match(line.strip()):
            context = ""  # a new list item: nothing to attach bare names to yet
        for token in TOKEN_RE.finditer(line):
            dotted = DOTTED_RE.fullmatch(token.group(0))
            path = PATH_RE.fullmatch(token.group(0))
            bare = BARE_RE.fullmatch(token.group(0))
            if dotted:
                context = dotted["name"]
            elif path and path["path"].endswith(".py"):
                context = path["path"][: -len(".py")].replace("/", ".")
            elif bare and context:
                out.append((bare["name"], context, first_line + offset))
    return out


def resolve_member(name: str, context: str) -> object:
    """``name`` on ``context`` or the nearest of its parents that has it.

    Raises:
        LookupError: none of them has it.
    """
    parts = context.split(".")
    while parts:
        try:
            return resolve(".".join([*parts, name]))
        except LookupError:
            parts.pop()
    raise LookupError(f"neither {context} nor its parents have {name!r}")


def check_citations(lesson: Lesson, repo: Path) -> list[Problem]:
    """Every citation in the lesson's README that does not resolve."""
    problems: list[Problem] = []
    text = lesson.readme.read_text(encoding="utf-8")
    for citation in find_citations(text):
        where = f"{lesson.name}/README.md:{citation.line}"
        if citation.kind == "name":
            try:
                resolve(citation.target)
            except LookupError as exc:
                problems.append(Problem(where, f"`{citation.target}` does not import: {exc}"))
        elif citation.kind == "path":
            if not (repo / citation.target).exists():
                problems.append(Problem(where, f"`{citation.target}` does not exist"))
        elif citation.target not in defined_notes(repo):
            problems.append(Problem(where, f"Note [{citation.target}] is not defined anywhere"))
    for name, context, line in member_citations(text):
        try:
            resolve_member(name, context)
        except LookupError as exc:
            problems.append(Problem(f"{lesson.name}/README.md:{line}", f"`{name}`: {exc}"))
    return problems
