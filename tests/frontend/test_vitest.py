"""The frontend's unit tests (Vitest): element tree, widget state manager,
markdown safety, back-off and formatting. Run through ``npm test``, which
regenerates the protobuf code first.
"""

from __future__ import annotations

import re

from tests.frontend.npm import ensure_node_modules, run_npm


def test_vitest_suite_passes() -> None:
    ensure_node_modules()
    result = run_npm("test")
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"vitest failed:\n{output}"
    # Guard against a run that found no tests at all.
    match = re.search(r"Tests\s+(\d+) passed", output)
    assert match is not None, output
    assert int(match.group(1)) >= 30, output
