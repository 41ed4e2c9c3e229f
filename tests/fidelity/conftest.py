"""Prints the fidelity figure at the end of a run that included the oracle."""

from __future__ import annotations

import pytest

from tests.fidelity.results import figure


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in figure():
        terminalreporter.write_line(line)
