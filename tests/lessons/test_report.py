"""`minilit lesson check N --report FILE`: the grade a teacher's CI reads.

Real `minilit lesson check 1 --report` runs on a real failing exercise (the starter) and a
real passing one (the reference solution); each JSON report is validated against
lessons/framework/report.schema.json with the `jsonschema` package, and the JUnit XML is
read back with ElementTree.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lessons.framework.catalog import find_lesson
from lessons.framework.exercises import by_name
from lessons.framework.report import SCHEMA_ID, SCHEMA_PATH, build_report, junit_xml
from lessons.framework.runner import PytestRun, plan_check

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def minilit(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINILIT_")}
    env.update(MINILIT_WORKSPACE=str(workspace), COLUMNS="200", TERM="dumb")
    return subprocess.run(
        [sys.executable, "-m", "minilit", "lesson", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def validate(report: dict[str, Any]) -> None:
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_the_schema_is_valid_and_rejects_what_it_should() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    lesson = find_lesson("1")
    plan = plan_check(lesson, REPO / "no-such-workspace")
    run = PytestRun(
        0,
        "",
        results=[
            {
                "nodeid": "lessons/01-the-server/test_l01_claims.py::test_x",
                "outcome": "passed",
                "duration": 0.5,
                "message": "",
                "claims": ["L01.C1"],
            }
        ],
    )
    report = build_report(lesson, plan, run, REPO / "no-such-workspace")
    validate(report)
    assert report["schema"] == SCHEMA_ID
    (entry,) = report["lessons"]
    assert entry["status"] == "not_started" and report["passed"] is False
    assert entry["exercises"][0] == {
        "name": "port_search",
        "file": "01-the-server/port_search.py",
        "sha256": None,
        "started": False,
    }
    assert entry["tests"][0]["kind"] == "claim" and entry["tests"][0]["claims"] == ["L01.C1"]
    for path, bad in [
        (("lessons", 0, "tests", 0, "outcome"), "maybe"),
        (("lessons", 0, "exercises", 0, "sha256"), "not-a-hash"),
        (("summary", "time"), -1),
        (("schema",), "minilit-lesson-report/0"),
    ]:
        broken = copy.deepcopy(report)
        target: Any = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = bad
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)
    xml = ET.fromstring(junit_xml(report))
    case = next(xml.iter("testcase"))
    assert case.get("name") == "exercise port_search started"
    assert case.find("failure") is not None


@pytest.mark.slow
def test_a_failing_exercise_is_reported_failed_with_its_hash(tmp_path: Path) -> None:
    assert minilit(tmp_path, "start", "1").returncode == 0
    mine = tmp_path / find_lesson("1").name / "port_search.py"
    result = minilit(tmp_path, "check", "1", "--report", str(tmp_path / "grade.json"))
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr
    report = json.loads((tmp_path / "grade.json").read_text())
    validate(report)
    (lesson,) = report["lessons"]
    assert lesson["status"] == "failed" and report["passed"] is False
    assert report["error"] is None
    (exercise,) = lesson["exercises"]
    assert exercise["sha256"] == hashlib.sha256(mine.read_bytes()).hexdigest()
    exercise_tests = [t for t in lesson["tests"] if t["kind"] == "exercise"]
    failed = [t for t in exercise_tests if t["outcome"] == "failed"]
    assert failed and all(t["message"] for t in failed)
    claims = [t for t in lesson["tests"] if t["kind"] == "claim"]
    assert claims and all(t["claims"] for t in claims)
    assert report["summary"]["failed"] == sum(
        1 for t in lesson["tests"] if t["outcome"] == "failed"
    )
    assert "failed" in result.stdout  # the summary table


@pytest.mark.slow
def test_a_passing_exercise_is_reported_passed_as_json_and_junit(tmp_path: Path) -> None:
    lesson = find_lesson("1")
    assert minilit(tmp_path, "start", "1").returncode == 0
    mine = tmp_path / lesson.name / "port_search.py"
    shutil.copyfile(by_name("port_search").files(lesson)["solution"], mine)
    digest = hashlib.sha256(mine.read_bytes()).hexdigest()

    result = minilit(tmp_path, "check", "1", "--report", str(tmp_path / "grade.xml"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    xml = ET.parse(tmp_path / "grade.xml").getroot()
    assert xml.tag == "testsuites" and xml.get("failures") == "0"
    (suite,) = xml.findall("testsuite")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties == {"status": "passed", "port_search.sha256": digest}
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests", "0")) > 0
    assert all(c.find("failure") is None and c.find("error") is None for c in cases)
    assert sum(float(c.get("time", "0")) for c in cases) > 0

    assert minilit(tmp_path, "check", "1", "--report", str(tmp_path / "g.json")).returncode == 0
    report = json.loads((tmp_path / "g.json").read_text())
    validate(report)
    (entry,) = report["lessons"]
    assert entry["status"] == "passed" and report["passed"] is True
    assert entry["exercises"][0]["sha256"] == digest
    assert {t["name"] for t in entry["tests"]} == {c.get("name") for c in cases}
    assert report["summary"]["passed"] == report["summary"]["tests"] == len(cases)


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("missing/grade.json", "does not exist"),
        (".", "it is a folder"),
        ("a-file/grade.json", "is not a folder"),
        ("locked/grade.json", "is not writable"),
    ],
)
def test_a_report_that_cannot_be_written_is_refused_before_the_run(
    tmp_path: Path, where: str, says: str
) -> None:
    (tmp_path / "a-file").write_text("")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK) and where.startswith("locked"):
        pytest.skip("running as a user who can write anywhere")
    try:
        result = minilit(tmp_path, "check", "1", "--report", str(tmp_path / where))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert "cannot write the report" in result.stderr
    assert result.stdout == ""  # no test ran
