"""``minilit lesson ...``: the course from the terminal.

Not in Streamlit. ``minilit.cli.COMMANDS`` names ``lesson`` and imports
this module only when that command is given (``add_arguments``, ``run``).

For students::

    minilit lesson list             every lesson, its claims, exercise and your progress
    minilit lesson show 5           the README, rendered (claims shown as [L05.C2])
    minilit lesson run 5            the lesson's app with the inspector (--browser-only: no TUI)
    minilit lesson start 5          copy the exercise into the workspace (minilit-work/)
    minilit lesson watch 5          re-check the exercise every time you save it
    minilit lesson check 5          run lessons 01-05's tests with your code plugged in
    minilit lesson hint 5           the next hint (--reset starts over)
    minilit lesson trace 5          run the lesson's scenario, print what crossed the wire

For teachers and maintainers::

    minilit lesson check 5 --report grades.xml   grade lessons 01-05: JUnit XML (or JSON)
    minilit lesson claims 5         each claim with the test that proves it
    minilit lesson verify [N...]    claims <-> tests, citations, excerpts, exercise files
    minilit lesson golden [N...] [--update]   compare (or rewrite) golden transcripts
    minilit lesson sync             rewrite README excerpts from the marked source
    minilit lesson dev-check [N...] every starter fails, every reference solution passes

The workspace is found from any folder inside the project (lessons.framework.workspace);
``list`` says which one it reads.

Exit status: 0 success, 1 a check failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from lessons.framework.catalog import Lesson, LessonError, Problem, all_lessons, find_lesson
from minilit.cli import UsageError

if TYPE_CHECKING:
    from rich.console import Console


def _console() -> Console:
    # Imported here: `minilit run` loads this module too, and should start fast.
    from rich.console import Console

    return Console(highlight=False)


def _lessons(keys: list[str]) -> list[Lesson]:
    try:
        return [find_lesson(k) for k in keys] if keys else all_lessons()
    except LessonError as exc:
        raise UsageError(str(exc)) from None


def _lesson(key: str) -> Lesson:
    return _lessons([key])[0]


def _repo() -> Path:
    return Path(__file__).resolve().parents[2]


# --- student commands --------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    from rich.text import Text

    from lessons.framework.render import list_table
    from lessons.framework.workspace import Progress, find_workspace

    console = _console()
    workspace = find_workspace()
    console.print(list_table(_lessons([]), Progress(workspace.path)))
    console.print(Text(f"workspace: {workspace.describe()}", style="dim"))
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from lessons.framework.render import show

    show(_lesson(args.lesson), _console())
    return 0


def _cmd_run(args: argparse.Namespace, flags: dict[str, str]) -> int:
    from minilit import cli

    lesson = _lesson(args.lesson)
    flag_args = [item for key, value in flags.items() for item in (f"--{key}", value)]
    if args.browser_only:
        return cli.main(["run", str(lesson.app), *flag_args])
    return cli.main(["inspect", str(lesson.app), *flag_args])


def _cmd_start(args: argparse.Namespace) -> int:
    from lessons.framework.exercises import for_lesson
    from lessons.framework.workspace import start, workspace_root

    lesson = _lesson(args.lesson)
    if not for_lesson(lesson):
        print(f"Lesson {lesson.id} has no exercise.")
        return 0
    result = start(lesson, force=args.force)
    console = _console()
    for path in result.created:
        console.print(f"created  {path}")
    for path in result.kept:
        console.print(f"[yellow]kept     {path}[/yellow] (yours; --force overwrites)")
    for exercise in for_lesson(lesson):
        console.print(
            f"\n[bold]{exercise.name}[/bold]: {exercise.summary}.\n"
            f"Your code replaces [cyan]{exercise.target}[/cyan] in the running minilit.\n"
            f"Read {exercise.name}.md beside it, then: minilit lesson check {lesson.id}"
        )
    console.print(f"[dim]workspace: {workspace_root()}[/dim]")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from lessons.framework.runner import check, plan_check
    from lessons.framework.workspace import Progress, workspace_root

    lesson = _lesson(args.lesson)
    if args.report is not None:
        return _check_with_report(lesson, Path(args.report))
    plan = plan_check(lesson, workspace_root())
    console = _console()
    if plan.missing:
        names = ", ".join(e.name for e in plan.missing)
        console.print(
            f"[red]Lesson {lesson.id}'s exercise ({names}) is not in {workspace_root()}.[/red]\n"
            f"Run: minilit lesson start {lesson.id}"
        )
        return 2
    span = lesson.id if len(plan.lessons) == 1 else f"{plan.lessons[0].id}-{lesson.id}"
    console.print(f"Checking lesson {span} with your code for: {', '.join(plan.overlays)}")
    result = check(plan)
    progress = Progress()
    if result.returncode == 0:
        progress.mark_passed(lesson)
        console.print(f"[green bold]Lesson {lesson.id} passed.[/green bold]")
        return 0
    progress.mark_failed(lesson)
    console.print(
        f"[red bold]Not yet.[/red bold] Read the first failure above; "
        f"`minilit lesson hint {lesson.id}` if you are stuck."
    )
    return 1


def _check_with_report(lesson: Lesson, path: Path) -> int:
    """``check N --report FILE``: run lessons 01..N, write the grade; 0 only if all passed."""
    from rich.table import Table

    from lessons.framework.report import ReportError, build_report, check_writable, write_report
    from lessons.framework.runner import check, plan_check
    from lessons.framework.workspace import workspace_root

    path = path.expanduser().resolve()
    try:
        check_writable(path)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    workspace = workspace_root()
    plan = plan_check(lesson, workspace)
    console = _console()
    span = lesson.id if len(plan.lessons) == 1 else f"{plan.lessons[0].id}-{lesson.id}"
    console.print(f"Grading lessons {span} in {workspace}")
    report = build_report(lesson, plan, check(plan), workspace)
    try:
        write_report(report, path)
    except ReportError as exc:
        console.print(f"[red]{exc}[/red]")
        return 1
    table = Table(title=f"report: {path}", title_justify="left")
    for column in ("#", "lesson", "status", "tests passed", "time"):
        table.add_column(column)
    colours = {"passed": "green", "failed": "red", "not_started": "yellow"}
    for entry in report["lessons"]:
        passed = sum(1 for t in entry["tests"] if t["outcome"] == "passed")
        table.add_row(
            entry["id"],
            entry["title"],
            f"[{colours[entry['status']]}]{entry['status']}[/]",
            f"{passed}/{len(entry['tests'])}",
            f"{entry['time']:.1f}s",
        )
    console.print(table)
    if report["error"]:
        console.print(f"[red]{report['error']}[/red]")
    return 0 if report["passed"] else 1


def _cmd_watch(args: argparse.Namespace) -> int:
    from lessons.framework.exercises import for_lesson
    from lessons.framework.watch import watch
    from lessons.framework.workspace import exercise_file, workspace_root

    lesson = _lesson(args.lesson)
    if args.hint_after < 1:
        raise UsageError("--hint-after must be 1 or more")
    exercises = for_lesson(lesson)
    if not exercises:
        print(f"Lesson {lesson.id} has no exercise to watch.")
        return 0
    workspace = workspace_root()
    missing = [e.name for e in exercises if not exercise_file(e, lesson, workspace).is_file()]
    if missing:
        raise UsageError(
            f"lesson {lesson.id}'s exercise ({', '.join(missing)}) is not in {workspace}; "
            f"run: minilit lesson start {lesson.id}"
        )
    try:
        watch(lesson, workspace, _console(), hint_after=args.hint_after)
    except KeyboardInterrupt:
        print("\nStopped watching.")
    return 0


def _cmd_hint(args: argparse.Namespace) -> int:
    from lessons.framework.exercises import for_lesson
    from lessons.framework.render import hint_panel
    from lessons.framework.workspace import Progress, split_hints

    lesson = _lesson(args.lesson)
    exercises = for_lesson(lesson)
    if not exercises:
        print(f"Lesson {lesson.id} has no exercise, so no hints.")
        return 0
    progress = Progress()
    console = _console()
    for exercise in exercises:
        hints = split_hints(exercise.files(lesson)["hints"].read_text(encoding="utf-8"))
        if args.reset:
            progress.set_hints_shown(exercise.name, 0)
            console.print(f"{exercise.name}: hints reset")
            continue
        shown = progress.hints_shown(exercise.name)
        if shown >= len(hints):
            console.print(f"{exercise.name}: no more hints ({len(hints)} shown). Showing the last.")
            shown = len(hints) - 1
        console.print(hint_panel(exercise.name, shown + 1, len(hints), hints[shown]))
        progress.set_hints_shown(exercise.name, shown + 1)
    return 0


# --- maintainer commands -------------------------------------------------------------------


def _on(targets: tuple[str, ...]) -> str:
    return " on " + ", ".join(targets) if targets else ""


def _cmd_claims(args: argparse.Namespace) -> int:
    from lessons.framework.claims import claims_by_id

    console = _console()
    for lesson in _lessons(args.lessons):
        console.print(f"[bold]Lesson {lesson.id}: {lesson.title}[/bold]")
        for claim_id, (tag, tests) in claims_by_id(lesson).items():
            names = ", ".join(f"{t.file.name}::{t.function}{_on(t.against)}" for t in tests)
            about = f"about {' '.join(tag.about)}" if tag.about else "[red]about whom?[/red]"
            console.print(
                f"  [cyan]{claim_id}[/cyan] ({about}) {tag.text}\n"
                f"      [dim]{names or '[red]NO TEST[/red]'}[/dim]"
            )
    return 0


def verify_lessons(lessons: list[Lesson]) -> list[Problem]:
    """Every static check of ``lessons`` (no server needed)."""
    from lessons.framework.catalog import lessons_root
    from lessons.framework.citations import check_citations
    from lessons.framework.claims import check_claims
    from lessons.framework.excerpts import check_excerpts, check_markers
    from lessons.framework.exercises import check_exercises
    from lessons.framework.render import INDEX_BLOCK_RE, sync_index
    from lessons.framework.transcript import ScenarioError, load_scenario

    repo = _repo()
    problems = check_markers(repo)
    index = lessons_root() / "README.md"
    text = index.read_text(encoding="utf-8") if index.is_file() else ""
    if not INDEX_BLOCK_RE.search(text):
        problems.append(
            Problem("lessons/README.md", "missing or has no <!-- lessons:index --> block")
        )
    elif sync_index(text, all_lessons()) != text:
        problems.append(Problem("lessons/README.md", "index is stale; run `minilit lesson sync`"))
    for lesson in lessons:
        problems += check_claims(lesson)
        problems += check_citations(lesson, repo)
        problems += check_excerpts(lesson, repo)
        problems += check_exercises(lesson)
        for needed in (lesson.app, lesson.scenario, lesson.golden):
            if not needed.is_file():
                problems.append(Problem(lesson.name, f"{needed.relative_to(lesson.path)} missing"))
        if lesson.scenario.is_file():
            try:
                load_scenario(lesson.scenario)
            except ScenarioError as exc:
                problems.append(Problem(lesson.name, str(exc)))
    return problems


def check_index() -> list[Problem]:
    """lessons/README.md has the course table, and it is up to date."""
    from lessons.framework.catalog import lessons_root
    from lessons.framework.render import INDEX_BLOCK_RE, sync_index

    index = lessons_root() / "README.md"
    text = index.read_text(encoding="utf-8") if index.is_file() else ""
    if not INDEX_BLOCK_RE.search(text):
        return [Problem("lessons/README.md", "missing, or no <!-- lessons:index --> block")]
    if sync_index(text, all_lessons()) != text:
        return [Problem("lessons/README.md", "the index is stale; run `minilit lesson sync`")]
    return []


def _cmd_verify(args: argparse.Namespace) -> int:
    lessons = _lessons(args.lessons)
    problems = check_index() + verify_lessons(lessons)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{len(lessons)} lesson(s): claims, citations, excerpts and exercises check out")
    return 0


def _cmd_trace(args: argparse.Namespace) -> int:
    from lessons.framework.transcript import lesson_transcript

    sys.stdout.write(lesson_transcript(_lesson(args.lesson)))
    return 0


def _cmd_golden(args: argparse.Namespace) -> int:
    from lessons.framework.transcript import golden_diff, update_golden

    status = 0
    for lesson in _lessons(args.lessons):
        if args.update:
            update_golden(lesson)
            continue
        diff = golden_diff(lesson)
        if diff:
            sys.stdout.write(diff)
            status = 1
        else:
            print(f"{lesson.name}: matches its golden transcript")
    return status


def _cmd_sync(args: argparse.Namespace) -> int:
    from lessons.framework.catalog import lessons_root
    from lessons.framework.excerpts import ExcerptError, sync_text
    from lessons.framework.render import sync_index

    index = lessons_root() / "README.md"
    if index.is_file():
        text = index.read_text(encoding="utf-8")
        new = sync_index(text, all_lessons())
        if new != text:
            index.write_text(new, encoding="utf-8")
            print("lessons/README.md: index updated")
    for lesson in _lessons(args.lessons):
        text = lesson.readme.read_text(encoding="utf-8")
        try:
            new = sync_text(text, _repo())
        except ExcerptError as exc:
            print(f"{lesson.name}: {exc}", file=sys.stderr)
            return 1
        if new != text:
            lesson.readme.write_text(new, encoding="utf-8")
            print(f"{lesson.name}: excerpts updated")
    return 0


def _cmd_dev_check(args: argparse.Namespace) -> int:
    from lessons.framework.runner import dev_check

    results = dev_check(_lessons(args.lessons), jobs=args.jobs)
    return 0 if all(r.ok for r in results) else 1


# --- wiring ----------------------------------------------------------------------------------


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="lesson_command", required=True, parser_class=type(parser))

    def lesson_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("lesson", help="lesson number (5, 05) or folder name")

    def lessons_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("lessons", nargs="*", help="lesson numbers (default: all)")

    sub.add_parser("list", help="every lesson and your progress")
    lesson_arg(sub.add_parser("show", help="read a lesson in the terminal"))
    run = sub.add_parser("run", help="run the lesson's app with the inspector")
    lesson_arg(run)
    run.add_argument("--browser-only", action="store_true", help="no inspector, just the app")
    start = sub.add_parser("start", help="create the exercise workspace")
    lesson_arg(start)
    start.add_argument("--force", action="store_true", help="overwrite your files")
    check = sub.add_parser("check", help="test your code (cumulative)")
    lesson_arg(check)
    check.add_argument(
        "--report",
        metavar="FILE",
        help="grade lessons 01..N into FILE: JUnit XML if it ends in .xml, else JSON "
        "(lessons/framework/report.schema.json); exit 0 only if every lesson passed",
    )
    watch = sub.add_parser("watch", help="re-check your exercise on every save")
    lesson_arg(watch)
    watch.add_argument(
        "--hint-after",
        type=int,
        default=3,
        metavar="N",
        help="show the next hint after N failed checks in a row (default 3)",
    )
    lesson_arg(sub.add_parser("trace", help="run the lesson's scenario, print its transcript"))
    hint = sub.add_parser("hint", help="the next hint")
    lesson_arg(hint)
    hint.add_argument("--reset", action="store_true", help="start the hints over")
    lessons_arg(sub.add_parser("claims", help="claims and the tests that prove them"))
    lessons_arg(sub.add_parser("verify", help="static checks of lessons"))
    golden = sub.add_parser("golden", help="compare or rewrite golden transcripts")
    lessons_arg(golden)
    golden.add_argument("--update", action="store_true", help="rewrite the goldens")
    lessons_arg(sub.add_parser("sync", help="rewrite README excerpts from the source"))
    dev = sub.add_parser("dev-check", help="starters fail, solutions pass")
    lessons_arg(dev)
    dev.add_argument("-j", "--jobs", type=int, default=4, help="parallel pytest processes")


_SIMPLE: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _cmd_list,
    "show": _cmd_show,
    "start": _cmd_start,
    "check": _cmd_check,
    "watch": _cmd_watch,
    "trace": _cmd_trace,
    "hint": _cmd_hint,
    "claims": _cmd_claims,
    "verify": _cmd_verify,
    "golden": _cmd_golden,
    "sync": _cmd_sync,
    "dev-check": _cmd_dev_check,
}


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    """Set up ``minilit lesson``'s subcommands (called by minilit.cli)."""
    _add_arguments(parser)


def run(name: str, args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    """Run ``minilit lesson ...`` (called by minilit.cli)."""
    if args.lesson_command == "run":
        return _cmd_run(args, flags)
    return _SIMPLE[args.lesson_command](args)
