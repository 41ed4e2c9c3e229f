"""The maintainer check (rustlings' `dev check`): every exercise's starter fails its tests,
and all reference solutions plugged in together pass every lesson's tests.

Runs pytest subprocesses (lessons.framework.runner.dev_check), as `minilit lesson
dev-check` does.
"""

from __future__ import annotations

import pytest

from lessons.framework.catalog import all_lessons
from lessons.framework.exercises import EXERCISES
from lessons.framework.runner import dev_check


@pytest.mark.slow
@pytest.mark.timeout(900)  # every lesson's tests, several times over, in subprocesses
def test_every_starter_fails_and_every_solution_passes() -> None:
    lines: list[str] = []
    # Two at a time on a two-core machine: the solutions run drives Chromium, which
    # times out when four pytest processes compete with it.
    results = dev_check(all_lessons(), jobs=2, log=lines.append)
    names = {r.name for r in results}
    assert names == {f"starter:{e.name}" for e in EXERCISES} | {"solutions"}
    failures = [r for r in results if not r.ok]
    assert failures == [], "\n".join(f"{r.name}: {r.detail}" for r in failures)
