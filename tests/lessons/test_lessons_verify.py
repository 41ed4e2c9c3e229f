"""Every lesson's claims, citations, excerpts and exercise files check out (no server).

The static half of `minilit lesson verify`; the goldens and the exercises' dev-check are
in test_goldens.py and test_devcheck.py.
"""

from __future__ import annotations

import pytest

from lessons.framework.catalog import Lesson, all_lessons
from lessons.framework.cli import check_index, verify_lessons

LESSONS = all_lessons()


def test_the_first_eight_lessons_exist() -> None:
    assert [lesson.id for lesson in LESSONS][:8] == [f"{n:02d}" for n in range(1, 9)]
    assert all(lesson.exercise_names for lesson in LESSONS[:8])


def test_the_course_index_is_up_to_date() -> None:
    assert [str(p) for p in check_index()] == []


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.name)
def test_lesson_verifies(lesson: Lesson) -> None:
    problems = [str(p) for p in verify_lessons([lesson])]
    assert problems == []
