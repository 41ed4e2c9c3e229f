"""What the fidelity run found, kept for the summary that conftest.py prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class AppResult:
    """One app: its pages after each step, on both servers."""

    name: str
    snapshots: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    """(step, real page, minilit page) after the first run and each step."""
    strict_identical: bool = True
    """Identical without stripping the "everywhere" fields either."""
    stripped_real: Counter[str] = field(default_factory=Counter)
    """How many times each "everywhere" field was removed from the real server's pages."""
    stripped_minilit: Counter[str] = field(default_factory=Counter)
    """The same for minilit's pages (an entry is stale once minilit sends its field)."""

    def add(self, step: str, real: list[str], mini: list[str], *, strict_same: bool) -> None:
        self.snapshots.append((step, real, mini))
        self.strict_identical &= strict_same

    @property
    def identical(self) -> bool:
        return all(real == mini for _, real, mini in self.snapshots)

    def pages_identical(self) -> int:
        return sum(real == mini for _, real, mini in self.snapshots)

    def first_difference(self) -> tuple[str, list[str], list[str]]:
        return next(s for s in self.snapshots if s[1] != s[2])


RESULTS: dict[str, AppResult] = {}
"""App name -> result, filled by test_fidelity.py in the order the apps ran."""


def figure() -> list[str]:
    """The summary lines: N of M apps identical, pages, and what was stripped."""
    if not RESULTS:
        return []
    apps = list(RESULTS.values())
    same = [a for a in apps if a.identical]
    strict = [a for a in apps if a.strict_identical]
    pages = sum(len(a.snapshots) for a in apps)
    same_pages = sum(a.pages_identical() for a in apps)
    stripped: Counter[str] = Counter()
    for a in apps:
        stripped.update(a.stripped_real)
    lines = [
        f"fidelity: {len(same)} of {len(apps)} apps identical to Streamlit 1.67 "
        f"({same_pages} of {pages} pages), with the 'everywhere' fields of "
        f"docs/known-differences.md set aside; {len(strict)} of {len(apps)} with nothing "
        "set aside but ids",
    ]
    for what, count in sorted(stripped.items()):
        lines.append(f"  set aside: {what} ({count} times on Streamlit's pages)")
    differing = [a.name for a in apps if not a.identical]
    if differing:
        lines.append("  differing: " + ", ".join(differing))
    return lines
