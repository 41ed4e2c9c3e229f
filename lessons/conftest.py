"""pytest glue for the lessons: real-server fixtures, claim markers, exercise overlays.

The fixtures are documented in lessons/framework/harness.py. When ``minilit lesson check``
(or ``dev-check``) runs pytest, MINILIT_LESSON_OVERLAYS names the student's (or a
starter's, or a solution's) files, and they are plugged into minilit here, before any
test starts a server (lessons/framework/exercises.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lessons.framework.exercises import OverlayError, install_overlays_from_env
from lessons.framework.harness import ServerPool, TraceCapture
from lessons.framework.runner import REPORT_ENV
from lessons.framework.targets import MINILIT, Target, TargetPool, kinds_of, test_id
from minilit.server.background import ServerThread
from minilit.testing import AppClient

_INSTALLED: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "claim(*ids): the test proves these README claims")
    try:
        installed = install_overlays_from_env()
    except OverlayError as exc:
        raise pytest.UsageError(f"cannot plug your code in: {exc}") from None
    for exercise, path, places in installed:
        _INSTALLED.append(f"{exercise.name} from {path} -> {', '.join(places)}")


def pytest_sessionstart(session: pytest.Session) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _INSTALLED and reporter is not None:
        reporter.write_line("minilit lessons: your code is plugged in:")
        for line in _INSTALLED:
            reporter.write_line(f"  {line}")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``@against("minilit", "1.67")``: one run of the test per target (targets.py)."""
    kinds = kinds_of(metafunc.function)
    if kinds and "target_kind" in metafunc.fixturenames:
        metafunc.parametrize("target_kind", kinds, ids=[test_id(k) for k in kinds])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        ids = getattr(getattr(item, "function", None), "__minilit_claims__", ())
        if ids:
            item.add_marker(pytest.mark.claim(*ids))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    path = os.environ.get(REPORT_ENV)
    if not path or (report.when != "call" and report.outcome == "passed"):
        return
    message = report.longreprtext.strip().splitlines()[-1:] if report.failed else []
    line = {
        "nodeid": report.nodeid,
        "when": report.when,
        "outcome": report.outcome,
        "message": message[0] if message else "",
    }
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def _lesson_dir(module: Any) -> Path:
    here = Path(module.__file__).resolve().parent
    return here.parent if here.name == "exercise" else here


@pytest.fixture(scope="module")
def start_server(request: pytest.FixtureRequest) -> Iterator[ServerPool]:
    pool = ServerPool(_lesson_dir(request.module))
    yield pool
    pool.stop_all()


@pytest.fixture(scope="module")
def server(start_server: ServerPool, request: pytest.FixtureRequest) -> ServerThread:
    script = getattr(request.module, "APP", "app.py")
    options = getattr(request.module, "SERVER_OPTIONS", {})
    return start_server.start(script, options)


@pytest.fixture(scope="module")
def target_pool() -> Iterator[TargetPool]:
    pool = TargetPool()
    yield pool
    pool.close()


@pytest.fixture
def target_kind() -> str:
    """minilit, unless ``@against`` parametrizes the test (pytest_generate_tests)."""
    return MINILIT


@pytest.fixture
def target(
    target_kind: str,
    target_pool: TargetPool,
    start_server: ServerPool,
    request: pytest.FixtureRequest,
) -> Target:
    """Where this run of the test goes: minilit or a real Streamlit (targets.py)."""
    default = getattr(request.module, "APP", "app.py")
    if target_kind == MINILIT:
        # The module's shared server (with the module's SERVER_OPTIONS, minilit's own)
        # serves the module's app; a real Streamlit runs it with its defaults.
        target_pool.urls.setdefault(
            (MINILIT, str((start_server.base / default).resolve()), ()),
            request.getfixturevalue("server").url,
        )
    return Target(target_kind, start_server.base, target_pool, start_server.start, default)


@pytest.fixture
def app(target: Target, request: pytest.FixtureRequest) -> Iterator[AppClient]:
    if target.is_minilit:
        client = AppClient.connect(request.getfixturevalue("server").url, wait_healthy=5.0)
    else:
        client = target.connect()
    yield client
    client.close()


CHROMIUM = Path(os.environ.get("MINILIT_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright (as tests/browser/ does).

    Module-scoped: while Playwright's sync API is active it keeps an event loop
    running on this thread, and asyncio tests collected after it would fail.

    Missing Chromium skips on a developer machine and fails in CI (CI=true).
    """
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser tab (its own context: no cache, no cookies)."""
    # A fixed locale and time zone: the browser sends both with every rerun (context_info).
    context = browser.new_context(locale="en-US", timezone_id="UTC")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    # Playwright's expect() keeps its own timeout (5 s), apart from the tab's. Real
    # Streamlit's first run of a component app has taken longer than that on a
    # busy machine, so the claims wait as long as the tab does.
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    yield tab
    context.close()


@pytest.fixture
def trace() -> Iterator[TraceCapture]:
    capture = TraceCapture()
    yield capture
    capture.close()
