"""Where a claim about Streamlit is proven: minilit, and real Streamlit 1.67 (and 1.56).

Not in Streamlit. A lesson's claims come in two kinds (lessons.framework.claims): claims
about minilit alone, proven against minilit, and claims about Streamlit, proven by *the
same test* run once per target: minilit, real Streamlit 1.67, and real Streamlit 1.56
where the lesson speaks of the Tornado era (1.56 is the last release whose default
server is Tornado). A test says where it runs with ``@against``::

    @claim("L05.C12")
    @against("minilit", "1.67", "1.56")
    def test_except_exception_lets_the_stop_through(target: Target) -> None:
        with target.connect("except_app.py") as app: ...

pytest then runs it three times (``[minilit]``, ``[streamlit-1.67]``, ``[streamlit-1.56]``).
A ``Target`` gives a URL (``url``) or a headless tab (``connect``) for a lesson script,
started on first use and shared by the test module. Everything a test does to a target
goes over the wire (websocket, HTTP, a browser): real Streamlit runs in its own
virtualenv and process, so nothing of its insides is reachable, and a test that proves a
claim about Streamlit must not look inside minilit either.

The lesson scripts say ``import minilit as st``. On real Streamlit a one-line module
named ``minilit`` on PYTHONPATH stands for ``streamlit`` (``SHIM``), so the script that
runs is the very file the lesson shows.

Real Streamlit's virtualenvs are made by ``python scripts/real_streamlit.py``
(tests/realstreamlit.py starts the servers). Without them, a real-Streamlit run of a test
is skipped on a developer's machine and fails in CI. ``minilit lesson check`` (a
student's grading) runs only the minilit side: the Streamlit side checks the course, not
the student.

Receives: lesson scripts. Hands to: lessons/conftest.py (fixtures ``target``, ``app``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.testing.client import DEFAULT_TIMEOUT

MINILIT = "minilit"
STREAMLIT_VERSIONS = ("1.67", "1.56")
KINDS = (MINILIT, *STREAMLIT_VERSIONS)

REAL_RUN_TIMEOUT = 20.0
"""Seconds ``run()`` waits on a real Streamlit tab (``Target.connect``): a first run
there imports pandas and pyarrow, and on a busy machine one took longer than the
client's default 5 s (lesson 14, in a CI run)."""

ONLY_MINILIT_ENV = "MINILIT_LESSON_ONLY_MINILIT"
"""Set (to anything) to run only the minilit side of ``@against`` tests."""

SHIM = "import sys\n\nimport streamlit\n\nsys.modules[__name__] = streamlit\n"
"""``minilit.py`` on real Streamlit's PYTHONPATH: ``import minilit as st`` gets Streamlit."""

F = TypeVar("F", bound=Callable[..., object])


def against(*kinds: str) -> Callable[[F], F]:
    """Run the decorated test once per target in ``kinds`` ("minilit", "1.67", "1.56")."""
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown target {kind!r}; one of {', '.join(KINDS)}")

    def mark(fn: F) -> F:
        fn.__minilit_against__ = kinds  # type: ignore[attr-defined]
        return fn

    return mark


def kinds_of(fn: object) -> tuple[str, ...]:
    """The targets ``@against`` gave ``fn`` (none: not a two-sided test)."""
    kinds: tuple[str, ...] = getattr(fn, "__minilit_against__", ())
    if os.environ.get(ONLY_MINILIT_ENV):
        kinds = tuple(k for k in kinds if k == MINILIT)
    return kinds


def test_id(kind: str) -> str:
    return kind if kind == MINILIT else f"streamlit-{kind}"


class Target:
    """One place a test runs: minilit (in-process servers) or a real Streamlit version.

    Args:
        kind: "minilit", "1.67" or "1.56".
        base: The lesson folder (scripts are relative to it).
        pool: Started servers of the test module, by (kind, script, options).
        start_minilit: Starts a minilit server (ServerPool.start).
        default_script: The module's APP (``app.py`` unless it says otherwise).
    """

    def __init__(
        self,
        kind: str,
        base: Path,
        pool: TargetPool,
        start_minilit: Callable[[str | Path, Mapping[str, Any]], ServerThread],
        default_script: str = "app.py",
    ) -> None:
        self.kind = kind
        self._base = base
        self._pool = pool
        self._start_minilit = start_minilit
        self._default = default_script

    @property
    def is_minilit(self) -> bool:
        return self.kind == MINILIT

    @property
    def name(self) -> str:
        """How a message names it: "minilit" or "Streamlit 1.67"."""
        return MINILIT if self.is_minilit else f"Streamlit {self.kind}"

    def url(
        self,
        script: str | None = None,
        options: Mapping[str, Any] | None = None,
        *,
        fresh: bool = False,
    ) -> str:
        """The http URL of a server running ``script`` (shared unless ``fresh``).

        ``options`` are configuration options both servers know (``server.*`` flags);
        a test passes minilit-only options to ``start_server`` instead.
        """
        path = (self._base / (script or self._default)).resolve()
        key = (self.kind, str(path), tuple(sorted((options or {}).items())))
        if not fresh and key in self._pool.urls:
            return self._pool.urls[key]
        if self.is_minilit:
            url = self._start_minilit(path, dict(options or {})).url
        else:
            url = self._pool.start_real(self.kind, path, options or {})
        if not fresh:
            self._pool.urls[key] = url
        return url

    def log(self, url: str) -> str:
        """What the real Streamlit server at ``url`` printed so far (its log)."""
        return self._pool.logs[url]()

    def connect(
        self, script: str | None = None, options: Mapping[str, Any] | None = None
    ) -> AppClient:
        """A fresh headless tab on a server running ``script``."""
        timeout = DEFAULT_TIMEOUT if self.is_minilit else REAL_RUN_TIMEOUT
        url = self.url(script, options)
        return AppClient.connect(url, wait_healthy=10.0, default_timeout=timeout)


class TargetPool:
    """Servers started for one test module's ``Target``s; ``close`` stops the real ones."""

    def __init__(self) -> None:
        self.urls: dict[tuple[str, str, tuple[tuple[str, Any], ...]], str] = {}
        self.logs: dict[str, Callable[[], str]] = {}
        """What each real server printed so far, by URL."""
        self._stack = contextlib.ExitStack()
        self._shim_dir: Path | None = None

    def _shim(self) -> Path:
        if self._shim_dir is None:
            folder = Path(self._stack.enter_context(tempfile.TemporaryDirectory()))
            (folder / "minilit.py").write_text(SHIM, encoding="utf-8")
            self._shim_dir = folder
        return self._shim_dir

    def start_real(self, version: str, script: Path, options: Mapping[str, Any]) -> str:
        # tests/ is the maintainers' side of the repository; only these runs need it.
        from tests.realstreamlit import real_streamlit

        flags = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in options.items()}
        server = self._stack.enter_context(
            real_streamlit(
                script, version=version, options=flags, env={"PYTHONPATH": str(self._shim())}
            )
        )
        self.logs[server.url] = server.log
        return server.url

    def close(self) -> None:
        self._stack.close()
