"""Mutation testing of the core the lessons teach, one module at a time, in bounded time.

Usage::

    python scripts/mutation.py                   # every module below, 300 s each at most
    python scripts/mutation.py queue ids         # some of them
    python scripts/mutation.py --list            # the modules and their tests
    python scripts/mutation.py app_session --budget 600 --children 2 --keep /tmp/mm

For each module, mutmut (3.x, ``pip install -e ".[dev]"``) makes small changes to the
module's functions (a flipped condition, a changed constant, a dropped argument...) and
runs the tests listed for it against each change; a change no test notices "survives".
The base settings are ``[tool.mutmut]`` in pyproject.toml; this script adds, per module,
which file to mutate (``only_mutate``) and which tests to run
(``pytest_add_cli_args_test_selection``, plus a ``-k`` that leaves out the few tests
that take seconds for what a faster one checks too).

Nothing happens in the checkout: the tracked files (with their uncommitted changes) and
the untracked ones under minilit/ and tests/ are copied to a scratch folder, where mutmut
writes its ``mutants/`` tree. Each module's run is bounded by ``--budget`` seconds of wall
time and runs under ``nice``: a run that hits the budget reports the mutants it checked
and how many it did not. At the end a table gives the score per module,
(killed + timed out) / checked, and every survivor is printed as a diff, to be killed by
a new test or listed, with the reason it changes nothing, in docs/mutation-survivors.md.
Not part of CI: a full run takes a quarter of an hour on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Target:
    """One module (or package) to mutate and the tests that should catch its bugs."""

    files: tuple[str, ...]
    tests: tuple[str, ...]
    deselect: str = ""
    """A pytest ``-k`` expression of slow tests to leave out (their fast twins stay)."""


# The slow tests left out: each checks at length (300 reruns, a real session expiry,
# a 0.6 s busy loop) what a faster test in the same selection checks too.
_SLOW = "not test_300_reruns and not expired_session and not pure_python_loop"

TARGETS: dict[str, Target] = {
    "queue": Target(
        ("minilit/runtime/forward_msg_queue.py",),
        ("tests/runtime/test_forward_msg_queue.py", "tests/server/test_session_flow.py"),
        _SLOW,
    ),
    "app_session": Target(
        ("minilit/runtime/app_session.py",),
        (
            "tests/runtime/test_rerun_pacing.py",
            "tests/server/test_superseded_runs.py",
            "tests/server/test_session_flow.py",
            "tests/scriptrunner/test_thread_bound.py",
            "tests/scriptrunner/test_run_endings.py",
            "tests/runtime/test_reconnect.py",
            "tests/widgets/test_triggers.py",
        ),
        _SLOW,
    ),
    "script_runner": Target(
        ("minilit/scriptrunner/script_runner.py",),
        (
            "tests/scriptrunner",
            "tests/runtime/test_rerun_pacing.py",
            "tests/server/test_session_flow.py",
            "tests/server/test_superseded_runs.py",
            "tests/widgets/test_premature_stop.py",
        ),
        _SLOW,
    ),
    "script_requests": Target(
        ("minilit/scriptrunner/script_requests.py",),
        (
            "tests/scriptrunner/test_script_requests.py",
            "tests/scriptrunner/test_thread_bound.py",
            "tests/widgets/test_triggers.py",
        ),
        _SLOW,
    ),
    "state": Target(
        (
            "minilit/runtime/state/session_state.py",
            "minilit/runtime/state/session_state_proxy.py",
            "minilit/runtime/state/widget_states.py",
            "minilit/runtime/state/common.py",
        ),
        (
            "tests/widgets/test_session_state_unit.py",
            "tests/widgets/test_session_state.py",
            "tests/widgets/test_triggers.py",
            "tests/widgets/test_ids.py",
            "tests/widgets/test_values.py",
            "tests/widgets/test_forms.py",
            "tests/widgets/test_premature_stop.py",
            "tests/widgets/test_presence.py",
        ),
        _SLOW,
    ),
    "ids": Target(
        ("minilit/elements/widgets/ids.py",),
        ("tests/widgets/test_ids.py", "tests/widgets/test_golden.py"),
    ),
    "websocket": Target(
        ("minilit/server/websocket.py",),
        (
            "tests/server/test_taking_turns.py",
            "tests/server/test_refusals_traced.py",
            "tests/server/test_hardening.py",
            "tests/server/test_frame_limit.py",
            "tests/server/test_backpressure.py",
            "tests/server/test_session_flow.py",
        ),
        _SLOW,
    ),
    "security": Target(
        ("minilit/server/security.py",),
        (
            "tests/security/test_origin_rules.py",
            "tests/security/test_allowed_hosts.py",
            "tests/server/test_hardening.py",
        ),
    ),
    "tree": Target(
        ("minilit/testing/tree.py",),
        ("tests/testing/test_client_tree_rules.py", "tests/testing/test_client_tree_golden.py"),
    ),
}

_COUNTS = ("killed", "timeout", "survived", "no_tests", "suspicious", "segfault", "skipped")


def copy_tree(dest: Path) -> None:
    """The checkout as it is (tracked files, and new files under minilit/ and tests/)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in listed:
        name = raw.decode()
        if not name:
            continue
        top = name.split("/", 1)[0]
        src = ROOT / name
        tracked_top = top in {"minilit", "tests", "inspector", "lessons", "pyproject.toml"}
        if not tracked_top or not src.is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / name)


def write_config(work: Path, target: Target) -> None:
    """pyproject's [tool.mutmut], with this module's files and tests added."""
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    header = "[tool.mutmut]\n"
    if header not in text:
        raise SystemExit("pyproject.toml has no [tool.mutmut] section")
    tests = [t for t in target.tests if (work / t).exists()]
    extra = [f"only_mutate = {json.dumps(list(target.files))}\n"]
    extra.append(f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n")
    text = text.replace(header, header + "".join(extra), 1)
    if target.deselect:
        # The -k goes with the other pytest arguments of every run (stats, clean, mutants).
        text = re.sub(
            r"^(pytest_add_cli_args = \[)",
            lambda m: f"{m.group(1)}{json.dumps('-k')}, {json.dumps(target.deselect)}, ",
            text,
            count=1,
            flags=re.M,
        )
    pyproject.write_text(text, encoding="utf-8")


def mutmut(
    work: Path, *args: str, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["nice", "-n", "10", sys.executable, "-m", "mutmut", *args],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_target(
    name: str, target: Target, work: Path, budget: float, children: int
) -> dict[str, int]:
    """Mutate one module in ``work`` for at most ``budget`` seconds; return the counts."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    copy_tree(work)
    write_config(work, target)
    started = time.monotonic()
    proc = subprocess.Popen(
        [
            "nice",
            "-n",
            "10",
            sys.executable,
            "-m",
            "mutmut",
            "run",
            "--max-children",
            str(children),
        ],
        cwd=work,
        stdout=open(work / "mutmut-run.log", "w"),  # noqa: SIM115 (closed with the process)
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        proc.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 2)  # SIGINT: mutmut keeps the results it has
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
    elapsed = time.monotonic() - started
    results = mutmut(work, "results", "--all", "true", timeout=120).stdout
    counts = {key: 0 for key in (*_COUNTS, "not checked")}
    survivors = []
    for line in results.splitlines():
        mutant, sep, status = line.strip().rpartition(": ")
        if not sep:
            continue
        status = status.replace(" ", "_")
        counts[status if status in counts else "not checked"] += 1
        if status == "survived":
            survivors.append(mutant)
    counts["seconds"] = round(elapsed)
    print(f"\n## {name} ({', '.join(target.files)}) in {elapsed:.0f} s")
    if proc.returncode not in (0, None) and not any(counts[k] for k in _COUNTS):
        print((work / "mutmut-run.log").read_text(encoding="utf-8", errors="replace")[-3000:])
    for mutant, diff in survivor_diffs(work, survivors):
        changed = [
            line
            for line in diff.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        print(f"survived: {mutant}")
        for line in changed:
            print(f"    {line.strip()}")
    return counts


_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
out = {}
for name in json.load(sys.stdin):
    out[name] = get_diff_for_mutant(name, path=find_mutant(name).path)
print(json.dumps(out))
"""


def survivor_diffs(work: Path, survivors: list[str]) -> list[tuple[str, str]]:
    """Each survivor's diff, from one process (``mutmut show`` per mutant if that fails)."""
    if not survivors:
        return []
    proc = subprocess.run(
        [sys.executable, "-c", _DIFFS],
        cwd=work,
        input=json.dumps(survivors),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode == 0:
        diffs: dict[str, str] = json.loads(proc.stdout)
        return [(name, diffs[name]) for name in survivors]
    # (mutmut's internals moved: fall back on its command, one process per mutant)
    return [(name, mutmut(work, "show", name, timeout=60).stdout) for name in survivors]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"some of: {', '.join(TARGETS)}")
    parser.add_argument("--budget", type=float, default=300, help="seconds per module")
    parser.add_argument("--children", type=int, default=1, help="mutants run at once")
    parser.add_argument("--keep", type=Path, help="work here and keep it (default: a temp dir)")
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    args = parser.parse_args()
    if args.list:
        for name, target in TARGETS.items():
            print(f"{name}: {' '.join(target.files)}\n    tests: {' '.join(target.tests)}")
        return
    unknown = [m for m in args.modules if m not in TARGETS]
    if unknown:
        parser.error(f"unknown module(s) {unknown}; choose from {list(TARGETS)}")
    names = args.modules or list(TARGETS)
    base = args.keep or Path(tempfile.mkdtemp(prefix="minilit-mutation-"))
    table = []
    try:
        for name in names:
            counts = run_target(name, TARGETS[name], base / name, args.budget, args.children)
            table.append((name, counts))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print()
    print("| module | killed | timeout | survived | no tests | not checked | score | s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, c in table:
        checked = c["killed"] + c["timeout"] + c["survived"] + c["no_tests"] + c["suspicious"]
        score = 100 * (c["killed"] + c["timeout"]) / checked if checked else 0.0
        print(
            f"| {name} | {c['killed']} | {c['timeout']} | {c['survived']} | {c['no_tests']} "
            f"| {c['not checked']} | {score:.1f}% | {c['seconds']} |"
        )


if __name__ == "__main__":
    main()
