"""Executable claims: every checkable sentence in a README has a test, and vice versa.

Not in Streamlit. The idea is Crafting Interpreters' ``// expect:`` lines turned into a
rule: prose says ``<!-- claim L05.C2 -->`` right before a sentence a student could check
("a rerun request interrupts the old run at its next st.* call"), and a test in the same
lesson folder is decorated ``@claim("L05.C2")`` and proves it against a real server.

Claims come in two kinds, and the tag says which:

- ``<!-- claim L05.C2 streamlit -->``: a claim about Streamlit (what a reader may repeat
  about Streamlit itself). Its test runs against minilit *and* real Streamlit 1.67
  (``@against("minilit", "1.67")``, lessons.framework.targets);
  ``<!-- claim L05.C2 streamlit 1.56 -->`` also against 1.56, for a claim about the
  Tornado era (1.56 is the last release whose default server is Tornado);
- ``<!-- claim L05.C2 minilit -->``: a claim about minilit alone, worded as such in the
  text ("minilit refuses...; Streamlit 1.67 instead..."), proven against minilit.

The check is a bijection, done statically (nothing is imported or run):

- every tag in ``README.md`` has at least one ``@claim`` test in the lesson folder;
- every ``@claim`` id in the folder's tests is tagged in its README;
- ids belong to their lesson (``L05.*`` only in ``05-*``) and are tagged once;
- every tag says its kind, and a Streamlit claim has a test that runs against real
  Streamlit 1.67 (and 1.56 when tagged so) as well as minilit;
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

CLAIM_TAG_RE = re.compile(r"<!--\s*claim\s+(?P<id>[^\s>]+)(?P<about>(?:\s+[^\s>-][^\s>]*)*)\s*-->")
KINDS = ("streamlit", "minilit")
CLAIM_ID_RE = re.compile(r"^L(?P<lesson>\d{2}[a-z]?)\.C(?P<n>\d+)$")

SERVER_FIXTURES = frozenset({"server", "app", "start_server", "target"})
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
    about: tuple[str, ...] = ()
    """The words after the id: ``("streamlit",)``, ``("streamlit", "1.56")``, ``("minilit",)``."""

    @property
    def kind(self) -> str:
        """ "streamlit", "minilit", or "" when the tag does not say."""
        return self.about[0] if self.about and self.about[0] in KINDS else ""

    def versions(self) -> tuple[str, ...]:
        """The real Streamlit versions a Streamlit claim must be proven on."""
        if self.kind != "streamlit":
            return ()
        return ("1.67", *(v for v in self.about[1:] if v != "1.67"))


@dataclass(frozen=True)
class ClaimTest:
    """A test function decorated with ``@claim``."""

    id: str
    file: Path
    function: str
    line: int
    fixtures: tuple[str, ...]
    against: tuple[str, ...] = ()
    """Its ``@against(...)`` targets (lessons.framework.targets); none: minilit only."""


def readme_claims(text: str) -> list[ClaimTag]:
    """Every claim tag in ``text`` in order, with the prose after it (up to 240 chars)."""
    tags = []
    for match in CLAIM_TAG_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        rest = text[match.end() :]
        sentence = _first_sentence(rest)
        tags.append(ClaimTag(match["id"], line, sentence, tuple(match["about"].split())))
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
            against = tuple(
                kind for decorator in node.decorator_list for kind in _args_of(decorator, "against")
            )
            for decorator in node.decorator_list:
                for claim_id in _args_of(decorator, "claim"):
                    found.append(
                        ClaimTest(claim_id, file, node.name, node.lineno, fixtures, against)
                    )
    return found


def _args_of(decorator: ast.expr, wanted: str) -> list[str]:
    """The string arguments of a ``@wanted(...)`` decorator (none if it is another)."""
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
    if name != wanted:
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
        proofs = [t for t in tests if t.id == tag.id]
        if not proofs:
            problems.append(Problem(where, f"claim {tag.id} has no @claim test"))
        if tag.kind == "":
            problems.append(
                Problem(
                    where,
                    f"claim {tag.id} does not say whom it is about "
                    f"(<!-- claim {tag.id} streamlit --> or <!-- claim {tag.id} minilit -->)",
                )
            )
        for version in tag.versions():
            if proofs and not any("minilit" in t.against and version in t.against for t in proofs):
                problems.append(
                    Problem(
                        where,
                        f"claim {tag.id} is about Streamlit but no test proves it on real "
                        f'Streamlit {version} and minilit (@against("minilit", "{version}"))',
                    )
                )
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
