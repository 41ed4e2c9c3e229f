"""Executable claims: every checkable sentence in a README has a test, and vice versa.

Not in Streamlit. The idea is Crafting Interpreters' ``// expect:`` lines turned into a
rule: prose says ``<!-- claim L05.C2 -->`` right before a sentence a student could check
("a rerun request interrupts the old run at its next st.* call"), and a test in the same
lesson folder is decorated ``@claim("L05.C2")`` and proves it against a real server.

The check is a bijection, done statically (nothing is imported or run):

- every tag in ``README.md`` has at least one ``@claim`` test in the lesson folder;
- every ``@claim`` id in the folder's tests is tagged in its README;
- ids belong to their lesson (``L05.*`` only in ``05-*``) and are tagged once;
- every ``@claim`` test asks for a real-server fixture (``server``, ``app`` or
  ``start_server``; see lessons.framework.harness), so no claim is "proved" by a test
  that never talks to minilit.

Receives: READMEs and test files of lessons.framework.catalog lessons.
Hands to: ``minilit lesson verify``, ``minilit lesson claims`` and tests/lessons/.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from lessons.framework.catalog import Lesson, Problem

CLAIM_TAG_RE = re.compile(r"<!--\s*claim\s+(?P<id>[^\s>]+)\s*-->")
CLAIM_ID_RE = re.compile(r"^L(?P<lesson>\d{2}[a-z]?)\.C(?P<n>\d+)$")

SERVER_FIXTURES = frozenset({"server", "app", "start_server"})
"""Fixtures (lessons.framework.harness) that start or connect to a real minilit server."""

F = TypeVar("F", bound=Callable[..., object])


def claim(*ids: str) -> Callable[[F], F]:
    """Mark a test as the proof of one or more README claims.

    Example::

        @claim("L05.C2")
        def test_rerun_interrupts_at_next_st_call(app): ...

    The ids are stored on the function (``__minilit_claims__``); lessons/conftest.py
    turns them into a ``claim`` pytest marker, so ``pytest -m claim`` selects them.
    """
    for claim_id in ids:
        if not CLAIM_ID_RE.match(claim_id):
            raise ValueError(f"claim id {claim_id!r} is not of the form L05.C2")

    def mark(fn: F) -> F:
        existing: tuple[str, ...] = getattr(fn, "__minilit_claims__", ())
        fn.__minilit_claims__ = (*existing, *ids)  # type: ignore[attr-defined]
        return fn

    return mark


@dataclass(frozen=True)
class ClaimTag:
    """A ``<!-- claim ... -->`` tag in a README, with the sentence it introduces."""

    id: str
    line: int
    text: str


@dataclass(frozen=True)
class ClaimTest:
    """A test function decorated with ``@claim``."""

    id: str
    file: Path
    function: str
    line: int
    fixtures: tuple[str, ...]


def readme_claims(text: str) -> list[ClaimTag]:
    """Every claim tag in ``text`` in order, with the prose after it (up to 240 chars)."""
    tags = []
    for match in CLAIM_TAG_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        rest = text[match.end() :]
        sentence = _first_sentence(rest)
        tags.append(ClaimTag(match["id"], line, sentence))
    return tags


def _first_sentence(text: str) -> str:
    paragraph = re.split(r"\n\s*\n|<!--", text, maxsplit=1)[0]
    flat = " ".join(paragraph.split())
    match = re.search(r"(?<=[.!?])\s", flat)
    sentence = flat[: match.start()] if match else flat
    return sentence if len(sentence) <= 240 else sentence[:239] + "…"


def claim_tests(files: list[Path]) -> list[ClaimTest]:
    """Every ``@claim(...)`` test in ``files`` (parsed, not imported)."""
    found: list[ClaimTest] = []
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            fixtures = tuple(a.arg for a in node.args.args)
            for decorator in node.decorator_list:
                for claim_id in _claim_ids(decorator):
                    found.append(ClaimTest(claim_id, file, node.name, node.lineno, fixtures))
    return found


def _claim_ids(decorator: ast.expr) -> list[str]:
    if not isinstance(decorator, ast.Call):
        return []
    func = decorator.func
    name = (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )
    if name != "claim":
        return []
    return [
        a.value for a in decorator.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
    ]


def check_claims(lesson: Lesson) -> list[Problem]:
    """Everything that breaks the claim/test bijection of one lesson."""
    problems: list[Problem] = []
    readme = f"{lesson.name}/README.md"
    tags = readme_claims(lesson.readme.read_text(encoding="utf-8"))
    tests = claim_tests(lesson.test_files())
    seen: set[str] = set()
    for tag in tags:
        where = f"{readme}:{tag.line}"
        match = CLAIM_ID_RE.match(tag.id)
        if match is None:
            problems.append(
                Problem(where, f"claim id {tag.id!r} is not of the form L{lesson.id}.C1")
            )
            continue
        if match["lesson"] != lesson.id:
            problems.append(Problem(where, f"claim {tag.id} is tagged in lesson {lesson.id}"))
        if tag.id in seen:
            problems.append(Problem(where, f"claim {tag.id} is tagged twice"))
        seen.add(tag.id)
        if not any(t.id == tag.id for t in tests):
            problems.append(Problem(where, f"claim {tag.id} has no @claim test"))
    for test in tests:
        where = f"{lesson.name}/{test.file.relative_to(lesson.path)}:{test.line}"
        if test.id not in seen:
            problems.append(
                Problem(where, f"{test.function} names claim {test.id}, which README.md lacks")
            )
        if not SERVER_FIXTURES.intersection(test.fixtures):
            problems.append(
                Problem(
                    where,
                    f"{test.function} proves {test.id} without a real server "
                    f"(use one of the fixtures {', '.join(sorted(SERVER_FIXTURES))})",
                )
            )
    return problems


def claims_by_id(lesson: Lesson) -> dict[str, tuple[ClaimTag, list[ClaimTest]]]:
    """Each tagged claim with the tests that prove it (for ``minilit lesson claims``)."""
    tests = claim_tests(lesson.test_files())
    out: dict[str, tuple[ClaimTag, list[ClaimTest]]] = {}
    for tag in readme_claims(lesson.readme.read_text(encoding="utf-8")):
        out[tag.id] = (tag, [t for t in tests if t.id == tag.id])
    return out
