"""Lessons in the terminal: ``minilit lesson show N`` and ``minilit lesson list``.

Not in Streamlit. Renders a lesson README with Rich's Markdown (headings, code with
syntax colours, tables). The front matter becomes a header panel; each
``<!-- claim L05.C2 -->`` tag becomes a dim ``[L05.C2]`` marker, so a student can find
the test that proves a sentence (``minilit lesson claims 5``); other HTML comments
(excerpt markers) disappear.

Receives: lessons and progress. Hands to: a Rich console.
"""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lessons.framework.catalog import Lesson
from lessons.framework.claims import CLAIM_TAG_RE, readme_claims
from lessons.framework.exercises import for_lesson
from lessons.framework.workspace import Progress, started

_COMMENT_RE = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def terminal_markdown(body: str) -> str:
    """The README body as Rich renders it: claim tags shown, other comments dropped."""
    marked = CLAIM_TAG_RE.sub(lambda m: f"`[{m['id']}{_about(m['about'])}]` ", body)
    return _COMMENT_RE.sub("", marked)


def _about(words: str) -> str:
    """How a tag's kind is shown: " Streamlit", " Streamlit, 1.56", " minilit"."""
    kind, *versions = words.split() or [""]
    if kind == "streamlit":
        return " Streamlit" + "".join(f", {v}" for v in versions)
    return f" {kind}" if kind else ""


def show(lesson: Lesson, console: Console) -> None:
    header = Text.assemble(
        (f"Lesson {lesson.id}: {lesson.title}\n", "bold"),
        ("models Streamlit ", "dim"),
        (str(lesson.meta.get("streamlit_version_modelled", "")), "dim"),
        ("   requires: ", "dim"),
        (", ".join(lesson.requires) or "nothing", "dim"),
    )
    console.print(Panel(header, expand=False))
    console.print(Markdown(terminal_markdown(lesson.body), code_theme="monokai"))


def list_table(lessons: list[Lesson], progress: Progress) -> Table:
    table = Table(title="minilit lessons", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("lesson")
    table.add_column("claims", justify="right")
    table.add_column("exercise")
    table.add_column("progress")
    for lesson in lessons:
        exercises = ", ".join(e.name for e in for_lesson(lesson)) or "-"
        claims = len(readme_claims(lesson.readme.read_text(encoding="utf-8")))
        passed = progress.passed(lesson)
        if passed:
            state = Text(f"passed {passed[:10]}", style="green")
        elif started(lesson, progress.path.parent):
            state = Text("started", style="yellow")
        else:
            state = Text("-", style="dim")
        table.add_row(lesson.id, lesson.title, str(claims), exercises, state)
    return table


INDEX_BLOCK_RE = re.compile(
    r"(<!-- lessons:index -->\n)(?P<body>.*?)(<!-- /lessons:index -->)", re.DOTALL
)
"""The generated table in lessons/README.md (``minilit lesson sync`` rewrites it)."""


def index_table(lessons: list[Lesson]) -> str:
    """The Markdown table of the course: lesson, what it models, claims, exercise."""
    rows = [
        "| # | Lesson | Claims | Exercise (what you implement) |",
        "| --- | --- | --- | --- |",
    ]
    for lesson in lessons:
        claims = len(readme_claims(lesson.readme.read_text(encoding="utf-8")))
        exercises = "; ".join(f"`{e.name}`: {e.summary}" for e in for_lesson(lesson)) or "-"
        rows.append(
            f"| {lesson.id} | [{lesson.title}]({lesson.name}/README.md) | {claims} | {exercises} |"
        )
    return "\n".join(rows) + "\n"


def sync_index(text: str, lessons: list[Lesson]) -> str:
    """``text`` (lessons/README.md) with its index block regenerated."""
    return INDEX_BLOCK_RE.sub(lambda m: m.group(1) + index_table(lessons) + m.group(3), text)


def hint_panel(exercise: str, number: int, total: int, text: str) -> Group:
    title = f"{exercise}: hint {number} of {total}"
    return Group(Panel(Markdown(text), title=title, title_align="left"))
