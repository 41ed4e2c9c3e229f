"""Each lesson's golden transcript matches a fresh run of its scenario on a real server.

On a mismatch the diff is printed; if the change is intended, regenerate with
`minilit lesson golden N --update` and review the diff like code.
"""

from __future__ import annotations

import pytest

from lessons.framework.catalog import Lesson, all_lessons
from lessons.framework.transcript import golden_diff, lesson_transcript


@pytest.mark.parametrize("lesson", all_lessons(), ids=lambda lesson: lesson.name)
def test_golden_transcript(lesson: Lesson) -> None:
    diff = golden_diff(lesson)
    assert diff == "", f"\n{diff}"


@pytest.mark.parametrize("lesson", all_lessons()[:2], ids=lambda lesson: lesson.name)
def test_transcripts_are_stable_from_run_to_run(lesson: Lesson) -> None:
    assert lesson_transcript(lesson) == lesson_transcript(lesson)
