"""Code excerpts in READMEs, pulled from marked source and never pasted by hand.

Not in Streamlit. The Crafting Interpreters way of tying text to code: the source carries
markers around the region a lesson shows, ::

    # [lesson:example]
    def _maybe_handle_execution_control_request(self) -> None:
        ...
    # [/lesson:example]

(``// [lesson:NAME]`` in .proto and TypeScript files), and the README holds a generated
copy between two comments::

    <!-- excerpt minilit/scriptrunner/script_runner.py#checkpoint -->
    ```python
    def _maybe_handle_execution_control_request(self) -> None:
    ```
    <!-- /excerpt -->

``minilit lesson sync`` rewrites every copy from the source; the check fails when a copy
differs from what sync would write, when the file or marker is missing, or when markers
are unbalanced. The copy is dedented and marker lines inside it are dropped. Adding a
marker to someone else's module is a comment-only edit.

Receives: lesson READMEs and minilit's source. Hands to: ``minilit lesson sync|verify``
and tests/lessons/.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from lessons.framework.catalog import Lesson, Problem

MARKER_RE = re.compile(r"^\s*(?:#|//)\s*\[(?P<close>/?)lesson:(?P<name>[\w.-]+)\]\s*$")
BLOCK_RE = re.compile(
    r"^<!--\s*excerpt\s+(?P<file>[\w./-]+)#(?P<name>[\w.-]+)\s*-->\n"
    r"(?P<body>.*?)"
    r"^<!--\s*/excerpt\s*-->$",
    re.DOTALL | re.MULTILINE,
)
LANGUAGES = {".py": "python", ".proto": "protobuf", ".ts": "typescript", ".tsx": "tsx"}


class ExcerptError(Exception):
    """A marker is missing or malformed."""


def source_excerpts(path: Path) -> dict[str, str]:
    """Every marked region of ``path``, dedented, marker lines removed.

    Raises:
        ExcerptError: an unclosed, unopened or duplicated marker.
    """
    open_at: dict[str, int] = {}
    collected: dict[str, list[str]] = {}
    done: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARKER_RE.match(line)
        if match is None:
            for name in open_at:
                collected[name].append(line)
            continue
        name = match["name"]
        if match["close"]:
            if name not in open_at:
                raise ExcerptError(f"{path}:{number}: [/lesson:{name}] without an opening marker")
            del open_at[name]
            done.add(name)
        else:
            if name in open_at or name in done:
                raise ExcerptError(f"{path}:{number}: [lesson:{name}] is marked twice")
            open_at[name] = number
            collected[name] = []
    if open_at:
        name, number = next(iter(open_at.items()))
        raise ExcerptError(f"{path}:{number}: [lesson:{name}] is never closed")
    return {
        name: textwrap.dedent("\n".join(lines)).strip("\n") for name, lines in collected.items()
    }


def excerpt(repo: Path, file: str, name: str) -> str:
    """The current text of one excerpt.

    Raises:
        ExcerptError: the file or the marker does not exist.
    """
    path = repo / file
    if not path.is_file():
        raise ExcerptError(f"{file} does not exist")
    regions = source_excerpts(path)
    if name not in regions:
        raise ExcerptError(f"{file} has no [lesson:{name}] marker")
    return regions[name]


def render_block_body(file: str, code: str) -> str:
    """What sync writes between the two excerpt comments."""
    language = LANGUAGES.get(Path(file).suffix, "")
    return f"```{language}\n{code}\n```\n"


@dataclass(frozen=True)
class ExcerptBlock:
    file: str
    name: str
    line: int
    body: str


def readme_blocks(text: str) -> list[ExcerptBlock]:
    """Every excerpt block of a README."""
    return [
        ExcerptBlock(m["file"], m["name"], text.count("\n", 0, m.start()) + 1, m["body"])
        for m in BLOCK_RE.finditer(text)
    ]


def sync_text(text: str, repo: Path) -> str:
    """``text`` with every excerpt block rewritten from the source.

    Raises:
        ExcerptError: a block names a missing file or marker.
    """

    def replace(match: re.Match[str]) -> str:
        code = excerpt(repo, match["file"], match["name"])
        head = match.group(0).split("\n", 1)[0]
        return f"{head}\n{render_block_body(match['file'], code)}<!-- /excerpt -->"

    return BLOCK_RE.sub(replace, text)


def check_excerpts(lesson: Lesson, repo: Path) -> list[Problem]:
    """Missing, broken or stale excerpts of one lesson."""
    problems: list[Problem] = []
    text = lesson.readme.read_text(encoding="utf-8")
    opened = len(re.findall(r"<!--\s*excerpt\s", text))
    blocks = readme_blocks(text)
    if opened != len(blocks):
        problems.append(
            Problem(f"{lesson.name}/README.md", "an excerpt block is malformed or not closed")
        )
    for block in blocks:
        where = f"{lesson.name}/README.md:{block.line}"
        try:
            expected = render_block_body(block.file, excerpt(repo, block.file, block.name))
        except ExcerptError as exc:
            problems.append(Problem(where, str(exc)))
            continue
        if block.body != expected:
            problems.append(
                Problem(
                    where,
                    f"excerpt {block.file}#{block.name} is stale; run `minilit lesson sync`",
                )
            )
    return problems


def check_markers(repo: Path) -> list[Problem]:
    """Malformed markers anywhere in minilit/ and inspector/."""
    problems: list[Problem] = []
    for package in ("minilit", "inspector"):
        for path in sorted((repo / package).rglob("*")):
            if path.suffix not in LANGUAGES or not path.is_file():
                continue
            try:
                source_excerpts(path)
            except ExcerptError as exc:
                problems.append(Problem(str(path.relative_to(repo)), str(exc)))
    return problems
