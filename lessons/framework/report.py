"""Grade reports: ``minilit lesson check N --report FILE`` as JSON or JUnit XML.

Not in Streamlit. The teacher's side of ``check``: after the cumulative run of lessons
01..N (lessons.framework.runner), the outcome of every test is written to FILE, per
lesson and per test, with the time it took and the SHA-256 of each of the student's
exercise files, so a CI job can grade a class and tell which version of a file earned
the grade. ``FILE`` ending in ``.xml`` gets JUnit XML (what GitHub Classroom and most CI
systems display); anything else gets JSON described by ``report.schema.json`` beside this
module (``SCHEMA_PATH``), version ``SCHEMA_ID``.

Grading is stricter than a student's ``check``: a lesson whose exercise is not in the
workspace is ``not_started`` (its exercise tests ran against minilit's own code, so
their passing earns nothing), and the report ``passed`` only when every lesson did.

In JSON, each lesson has ``status`` (``passed``, ``failed``, ``not_started``), its
``exercises`` (``name``, ``file`` relative to the workspace, ``sha256`` or null,
``started``) and its ``tests`` (``id``, ``name``, ``kind`` claim/exercise, ``claims``,
``outcome`` passed/failed/error/skipped, ``time`` in seconds, ``message``). In JUnit XML
each lesson is a ``<testsuite>``, its status and file hashes are ``<properties>``, and an
exercise not started is one failing ``<testcase>`` named ``exercise NAME started``.

Receives: a CheckPlan and the PytestRun it produced (lessons.framework.runner). Hands
to: a file (the teacher's CI), and a summary for the CLI.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from lessons.framework.catalog import Lesson
from lessons.framework.exercises import for_lesson
from lessons.framework.runner import CheckPlan, PytestRun
from lessons.framework.workspace import exercise_file

SCHEMA_ID = "minilit-lesson-report/1"
SCHEMA_PATH = Path(__file__).with_name("report.schema.json")


class ReportError(Exception):
    """The report cannot be written where asked (the message is one line)."""


def check_writable(path: Path) -> None:
    """Fail before a long test run if ``path`` cannot be written.

    Raises:
        ReportError: ``path`` is a folder, its folder is missing, or is not writable.
    """
    if path.is_dir():
        raise ReportError(f"cannot write the report to {path}: it is a folder")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise ReportError(f"cannot write the report to {path}: {parent} is not a folder")
    if not parent.is_dir():
        raise ReportError(f"cannot write the report to {path}: folder {parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise ReportError(f"cannot write the report to {path}: the file is not writable")
    if not os.access(parent, os.W_OK):
        raise ReportError(f"cannot write the report to {path}: folder {parent} is not writable")


def sha256(path: Path) -> str | None:
    """The file's SHA-256 in hex, or None when it is missing."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _lesson_of(nodeid: str, lessons: list[Lesson]) -> Lesson | None:
    folder = nodeid.split("::", 1)[0].split("/")
    for lesson in lessons:
        if lesson.name in folder:
            return lesson
    return None


def _test_entry(result: dict[str, Any]) -> dict[str, Any]:
    nodeid = str(result["nodeid"])
    return {
        "id": nodeid,
        "name": nodeid.rsplit("::", 1)[-1],
        "kind": "exercise" if "/exercise/" in nodeid else "claim",
        "claims": list(result.get("claims", [])),
        "outcome": str(result["outcome"]),
        "time": round(float(result["duration"]), 3),
        "message": str(result.get("message", "")),
    }


def build_report(
    lesson: Lesson,
    plan: CheckPlan,
    run: PytestRun,
    workspace: Path,
    now: _dt.datetime | None = None,
) -> dict[str, Any]:
    """The JSON report (a dict that validates against ``report.schema.json``)."""
    error = run.usage_error
    entries: list[dict[str, Any]] = []
    for each in plan.lessons:
        exercises = []
        for exercise in for_lesson(each):
            path = exercise_file(exercise, each, workspace)
            digest = sha256(path)
            exercises.append(
                {
                    "name": exercise.name,
                    "file": path.relative_to(workspace).as_posix(),
                    "sha256": digest,
                    "started": digest is not None,
                }
            )
        tests = [
            _test_entry(r)
            for r in run.results
            if _lesson_of(str(r["nodeid"]), plan.lessons) == each
        ]
        if not all(e["started"] for e in exercises):
            status = "not_started"
        elif error or not tests or any(t["outcome"] in ("failed", "error") for t in tests):
            status = "failed"
        else:
            status = "passed"
        entries.append(
            {
                "id": each.id,
                "name": each.name,
                "title": each.title,
                "status": status,
                "time": round(sum(t["time"] for t in tests), 3),
                "exercises": exercises,
                "tests": tests,
            }
        )
    all_tests = [t for e in entries for t in e["tests"]]

    def count(outcome: str) -> int:
        return sum(1 for t in all_tests if t["outcome"] == outcome)

    summary = {
        "lessons": len(entries),
        "lessons_passed": sum(1 for e in entries if e["status"] == "passed"),
        "tests": len(all_tests),
        "passed": count("passed"),
        "failed": count("failed"),
        "errors": count("error"),
        "skipped": count("skipped"),
        "time": round(sum(t["time"] for t in all_tests), 3),
    }
    stamp = (now or _dt.datetime.now(_dt.UTC)).isoformat(timespec="seconds")
    return {
        "schema": SCHEMA_ID,
        "lesson": lesson.id,
        "created": stamp,
        "workspace": str(workspace),
        "passed": bool(entries) and all(e["status"] == "passed" for e in entries),
        "error": error or None,
        "summary": summary,
        "lessons": entries,
    }


def junit_xml(report: dict[str, Any]) -> str:
    """The report as JUnit XML: one ``<testsuite>`` per lesson."""
    summary = report["summary"]
    first, last = report["lessons"][0]["id"], report["lesson"]
    root = ET.Element(
        "testsuites",
        name=f"minilit lessons {first}-{last}" if first != last else f"minilit lesson {last}",
        tests="0",
        failures="0",
        errors=str(summary["errors"] + (1 if report["error"] else 0)),
        skipped=str(summary["skipped"]),
        time=f"{summary['time']:.3f}",
        timestamp=report["created"],
    )
    failures = summary["failed"]
    total = summary["tests"]
    if report["error"]:
        error_suite = ET.SubElement(root, "testsuite", name="minilit lesson check", tests="1")
        case = ET.SubElement(error_suite, "testcase", classname="minilit", name="run the tests")
        ET.SubElement(case, "error", message=report["error"]).text = report["error"]
        total += 1
    for lesson in report["lessons"]:
        unstarted = [e for e in lesson["exercises"] if not e["started"]]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"lesson {lesson['id']}: {lesson['title']}",
            tests=str(len(lesson["tests"]) + len(unstarted)),
            failures=str(
                sum(1 for t in lesson["tests"] if t["outcome"] == "failed") + len(unstarted)
            ),
            errors=str(sum(1 for t in lesson["tests"] if t["outcome"] == "error")),
            skipped=str(sum(1 for t in lesson["tests"] if t["outcome"] == "skipped")),
            time=f"{lesson['time']:.3f}",
        )
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="status", value=lesson["status"])
        for exercise in lesson["exercises"]:
            ET.SubElement(
                properties,
                "property",
                name=f"{exercise['name']}.sha256",
                value=exercise["sha256"] or "",
            )
        for exercise in unstarted:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"lessons.{lesson['name']}",
                name=f"exercise {exercise['name']} started",
                time="0",
            )
            message = f"{exercise['file']} is not in the workspace"
            ET.SubElement(case, "failure", message=message).text = message
        for test in lesson["tests"]:
            path = test["id"].split("::", 1)[0]
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path.removesuffix(".py").replace("/", "."),
                name=test["name"],
                time=f"{test['time']:.3f}",
                file=path,
            )
            if test["outcome"] in ("failed", "error", "skipped"):
                tag = "failure" if test["outcome"] == "failed" else test["outcome"]
                ET.SubElement(case, tag, message=test["message"]).text = test["message"]
        failures += len(unstarted)
        total += len(unstarted)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def write_report(report: dict[str, Any], path: Path) -> None:
    """JUnit XML when ``path`` ends in ``.xml``, else JSON.

    Raises:
        ReportError: the file cannot be written.
    """
    if path.suffix.lower() == ".xml":
        text = junit_xml(report)
    else:
        text = json.dumps(report, indent=2) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"cannot write the report to {path}: {exc.strerror or exc}") from None
