"""The lesson framework's checkers, each shown to catch what it is for.

Real files in temporary folders; the checkers are run exactly as `minilit lesson verify`
runs them.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from lessons.framework.catalog import LessonError, find_lesson, load_lesson, parse_front_matter
from lessons.framework.citations import check_citations, resolve
from lessons.framework.claims import check_claims, readme_claims
from lessons.framework.excerpts import ExcerptError, check_excerpts, source_excerpts, sync_text
from lessons.framework.exercises import Exercise, OverlayError, install, load_function
from lessons.framework.transcript import Normaliser
from lessons.framework.workspace import Progress, split_hints, start

REPO = Path(__file__).resolve().parents[2]

FRONT = """---
id: "09"
title: A lesson for the tests
streamlit_version_modelled: "1.39"
requires: ["08"]
exercises: []
---
"""


def _lesson(root: Path, body: str, files: dict[str, str] | None = None) -> Path:
    folder = root / "lessons" / "09-demo"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(FRONT + body, encoding="utf-8")
    for name, text in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_front_matter_is_parsed() -> None:
    meta, body = parse_front_matter(FRONT + "# Title\n")
    assert meta["id"] == "09" and meta["requires"] == ["08"] and meta["exercises"] == []
    assert body == "# Title\n"
    with pytest.raises(LessonError):
        parse_front_matter("# no front matter\n")


def test_lessons_are_found_by_number_or_name() -> None:
    assert find_lesson("1").name == find_lesson("01").name == find_lesson("01-the-server").name
    assert find_lesson("the-server").id == "01"
    with pytest.raises(LessonError):
        find_lesson("99")


def test_claim_checker_catches_every_kind_of_mismatch(tmp_path: Path) -> None:
    body = """
<!-- claim L09.C1 minilit -->
Proved. The second sentence is not part of it.
<!-- claim L09.C2 minilit -->
Never proved.
<!-- claim L08.C3 minilit -->
Tagged in the wrong lesson.
<!-- claim L09.C1 minilit -->
Tagged twice.
"""
    tests = {
        "test_l09_claims.py": """
            from lessons.framework.claims import claim

            @claim("L09.C1")
            def test_one(app): ...

            @claim("L09.C9")
            def test_unknown(server): ...

            @claim("L09.C1")
            def test_without_a_server(tmp_path): ...
        """
    }
    lesson = load_lesson(_lesson(tmp_path, body, tests))
    assert readme_claims(lesson.readme.read_text())[0].text == "Proved."
    problems = "\n".join(str(p) for p in check_claims(lesson))
    assert "claim L09.C2 has no @claim test" in problems
    assert "claim L08.C3 is tagged in lesson 09" in problems
    assert "claim L09.C1 is tagged twice" in problems
    assert "test_unknown names claim L09.C9, which README.md lacks" in problems
    assert "test_without_a_server proves L09.C1 without a real server" in problems
    assert "test_one" not in problems


def test_a_claim_about_streamlit_needs_a_real_streamlit_test(tmp_path: Path) -> None:
    body = """
<!-- claim L09.C1 streamlit -->
Proved on minilit and Streamlit 1.67.
<!-- claim L09.C2 streamlit -->
Proved on minilit only.
<!-- claim L09.C3 streamlit 1.56 -->
Proved on 1.67 but not on 1.56.
<!-- claim L09.C4 -->
Says nothing about whom it is about.
<!-- claim L09.C5 minilit -->
About minilit alone.
<!-- claim L09.C6 streamlit -->
Proved on Streamlit but never on minilit.
"""
    tests = {
        "test_l09_claims.py": """
            from lessons.framework.claims import claim
            from lessons.framework.targets import against

            @claim("L09.C1")
            @against("minilit", "1.67")
            def test_one(target): ...

            @claim("L09.C2")
            def test_two(app): ...

            @claim("L09.C3")
            @against("minilit", "1.67")
            def test_three(target): ...

            @claim("L09.C4", "L09.C5")
            def test_four_and_five(server): ...

            @claim("L09.C6")
            @against("1.67")
            def test_six(target): ...
        """
    }
    lesson = load_lesson(_lesson(tmp_path, body, tests))
    tags = readme_claims(lesson.readme.read_text())
    assert [t.kind for t in tags] == [
        "streamlit",
        "streamlit",
        "streamlit",
        "",
        "minilit",
        "streamlit",
    ]
    assert tags[2].versions() == ("1.67", "1.56")
    problems = [str(p) for p in check_claims(lesson)]
    assert len(problems) == 4, problems
    assert (
        "claim L09.C2 is about Streamlit but no test proves it on real Streamlit 1.67"
        in (problems[0])
    )
    assert (
        "claim L09.C3 is about Streamlit but no test proves it on real Streamlit 1.56"
        in (problems[1])
    )
    assert "claim L09.C4 does not say whom it is about" in problems[2]
    assert (
        "claim L09.C6 is about Streamlit but no test proves it on real Streamlit 1.67"
        in (problems[3])
    )


def test_citation_checker_catches_renames(tmp_path: Path) -> None:
    body = """
`minilit.cursor.RunningCursor` and `minilit.cursor.RunningCursor.get_locked_cursor()` exist,
`minilit.cursor.NoSuchThing` does not. `minilit/cursor.py` exists, `minilit/nope.py` not.
Note [Delta paths] is defined; Note [No such note] is not.

```python
minilit.not_checked_inside_code_fences
```
"""
    lesson = load_lesson(_lesson(tmp_path, body))
    problems = [p.what for p in check_citations(lesson, REPO)]
    assert len(problems) == 3, problems
    assert "minilit.cursor has no attribute 'NoSuchThing'" in problems[0]
    assert "`minilit/nope.py` does not exist" in problems[1]
    assert "Note [No such note] is not defined" in problems[2]
    assert resolve("minilit.cursor.LockedCursor.is_locked") is not None


def test_bare_names_in_read_the_code_are_members_of_what_precedes_them(tmp_path: Path) -> None:
    body = """
## Read the code

1. `minilit.cursor.RunningCursor`: `get_locked_cursor`, `no_such_method`.
2. `minilit/cursor.py`: `get_container_cursor`, and `LockedCursor.is_locked` too.
3. `no_context_here` is not checked.

## How it works

`not_in_the_section` is not checked either.
"""
    lesson = load_lesson(_lesson(tmp_path, body))
    problems = [p.what for p in check_citations(lesson, REPO)]
    assert problems == [
        "`no_such_method`: neither minilit.cursor.RunningCursor nor its parents have "
        "'no_such_method'"
    ]


def test_excerpts_are_checked_against_the_source_and_synced(tmp_path: Path) -> None:
    source = tmp_path / "minilit" / "mod.py"
    source.parent.mkdir()
    source.write_text(
        "def f():\n    # [lesson:part]\n    x = 1\n    return x\n    # [/lesson:part]\n"
    )
    assert source_excerpts(source) == {"part": "x = 1\nreturn x"}
    block = (
        "<!-- excerpt minilit/mod.py#part -->\n```python\nx = 1\nreturn x\n```\n<!-- /excerpt -->\n"
    )
    lesson = load_lesson(_lesson(tmp_path, block))
    assert check_excerpts(lesson, tmp_path) == []
    source.write_text(source.read_text().replace("x = 1", "x = 2"))
    assert "is stale" in check_excerpts(lesson, tmp_path)[0].what
    synced = sync_text(lesson.readme.read_text(), tmp_path)
    assert "x = 2\nreturn x" in synced and synced.startswith("---")
    source.write_text("# [lesson:open]\nx = 1\n")
    with pytest.raises(ExcerptError, match="never closed"):
        source_excerpts(source)


def test_an_overlay_replaces_a_function_everywhere_it_was_imported(tmp_path: Path) -> None:
    (tmp_path / "minilit_lessontest_a.py").write_text(
        "def double(x):\n    return 2 * x\n\nclass Box:\n    def size(self):\n        return 1\n"
    )
    (tmp_path / "minilit_lessontest_b.py").write_text(
        "from minilit_lessontest_a import double\n\ndef use(x):\n    return double(x)\n"
    )
    student = tmp_path / "student.py"
    student.write_text("def double(x):\n    return 3 * x\n\ndef size(self):\n    return 7\n")
    sys.path.insert(0, str(tmp_path))
    try:
        import minilit_lessontest_a as a
        import minilit_lessontest_b as b

        fn = Exercise("t_double", "09", "minilit_lessontest_a.double", "")
        places = install(fn, load_function(student, fn))
        assert places == ["minilit_lessontest_a.double", "minilit_lessontest_b.double"]
        assert (a.double(2), b.use(2)) == (6, 6)
        method = Exercise("t_size", "09", "minilit_lessontest_a.Box.size", "")
        install(method, load_function(student, method))
        assert a.Box().size() == 7
        (tmp_path / "wrong.py").write_text("def double(y, z):\n    return 0\n")
        with pytest.raises(OverlayError, match=r"must take exactly \(x\)"):
            load_function(tmp_path / "wrong.py", fn)
        (tmp_path / "broken.py").write_text("def double(x)\n")
        with pytest.raises(OverlayError, match="does not import"):
            load_function(tmp_path / "broken.py", fn)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("minilit_lessontest_a", None)
        sys.modules.pop("minilit_lessontest_b", None)


def test_normaliser_names_ids_in_order_and_hides_hashes() -> None:
    norm = Normaliser()
    sid = "6b1f0c3e-0000-4000-8000-000000000001"
    assert norm.name(sid, "S") == "S1"
    text = f"session {sid} widget $$ID-{'ab' * 16}-name hash {'cd' * 16} at 127.0.0.1:40123"
    assert norm.text(text) == "session S1 widget $$ID-W1-name hash <hash> at 127.0.0.1:PORT"


def test_workspace_start_keeps_the_students_files(tmp_path: Path) -> None:
    lesson = find_lesson("1")
    first = start(lesson, tmp_path)
    mine = tmp_path / lesson.name / "port_search.py"
    assert mine in first.created and mine.read_text().startswith('"""Exercise port_search')
    mine.write_text("# my work\n")
    again = start(lesson, tmp_path)
    assert mine in again.kept and mine.read_text() == "# my work\n"
    hints = split_hints((lesson.exercise_dir / "port_search_hints.md").read_text())
    assert len(hints) >= 3 and all(h.startswith("## Hint") for h in hints)
    progress = Progress(tmp_path)
    progress.mark_passed(lesson)
    assert Progress(tmp_path).passed(lesson)
