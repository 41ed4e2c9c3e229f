"""The fidelity oracle: each app on real Streamlit 1.67 and on minilit, page by page.

For every app in ``cases.CASES`` the same headless client (``minilit.testing.AppClient``)
drives a real Streamlit 1.67 server and a minilit server through the same user steps, and
after the first run and after every step the two pages (the element tree the browser
would show) are compared as text (``oracle.page_lines``: ids aside, unknown fields kept).

One real server serves every app (``dispatcher.py`` picks the app from the query string),
so the suite starts Streamlit once. The figure (N of M apps identical) is printed at the
end of the run (conftest.py). An app whose pages differ fails, unless
docs/known-differences.md lists it with its reason; a listed app whose pages no longer
differ fails too, so the list stays true.
"""

from __future__ import annotations

import datetime
import difflib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from minilit.elements.widgets.ids import compute_element_id
from minilit.testing import AppClient
from tests.fidelity.cases import CASES
from tests.fidelity.oracle import KnownDifferences, page_lines
from tests.fidelity.results import RESULTS, AppResult
from tests.realstreamlit import RealServer, real_streamlit

HERE = Path(__file__).resolve().parent
APPS = HERE / "apps"
DISPATCHER = HERE / "dispatcher.py"
KNOWN = KnownDifferences.load()
NOTHING = KnownDifferences()


@pytest.fixture(scope="module")
def real_server() -> Iterator[RealServer]:
    with real_streamlit(DISPATCHER) as server:
        yield server


def _do(app: AppClient, step: str) -> str:
    """Run one step on ``app``; "" or the error it raised, as one line."""
    try:
        # Steps are this suite's own expressions (cases.py); dates and times need datetime.
        eval(step, {"datetime": datetime}, {"app": app})
    except Exception as exc:  # a step that fails on one server is a difference to show
        return f"step failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return ""


@pytest.mark.parametrize("name", sorted(CASES))
def test_app(name: str, real_server: RealServer) -> None:
    real = AppClient.connect(real_server.url, default_timeout=30)
    real.query_string = f"app={name}"
    mini = AppClient.from_file(APPS / f"{name}.py", default_timeout=10)
    # minilit runs the app directly; the same query string keeps st.query_params equal.
    mini.query_string = real.query_string
    result = AppResult(name)
    try:
        for step in ["app.run()", *CASES[name]]:
            errors = [_do(real, step), _do(mini, step)]
            pages = []
            strict = []
            counters = (result.stripped_real, result.stripped_minilit)
            for client, error, counts in zip((real, mini), errors, counters, strict=True):
                tail = [error] if error else []
                pages.append(page_lines(client.tree, KNOWN, counts) + tail)
                strict.append(page_lines(client.tree, NOTHING, Counter()) + tail)
            result.add(step, pages[0], pages[1], strict_same=strict[0] == strict[1])
    finally:
        real.close()
        mini.close()
    RESULTS[name] = result
    listed = name in KNOWN.per_app
    if result.identical and listed:
        pytest.fail(
            f"{name} now renders as on Streamlit 1.67: remove it from docs/known-differences.md"
        )
    if not result.identical and not listed:
        step, real_page, mini_page = result.first_difference()
        diff = "\n".join(
            difflib.unified_diff(
                real_page, mini_page, "streamlit 1.67", "minilit", lineterm="", n=1
            )
        )
        pytest.fail(
            f"{name}: the page differs after {step!r} and docs/known-differences.md does not "
            f"list it:\n{diff}"
        )


def _keyed_container_ids(client: AppClient) -> tuple[list[str], list[str]]:
    """(the block ids ``client``'s server sent, the ids the rule gives with its page hash)."""
    client.run()
    messages = client.last_run.messages
    page_hash = next(m.new_session.page_script_hash for m in messages if m.HasField("new_session"))
    sent = [m.delta.add_block.id for m in messages if m.delta.HasField("add_block")]
    rule = [
        compute_element_id(
            "container", key, False, page_script_hash=page_hash, form_id=None, root_container=None
        )
        for key in ("box", "7")
    ]
    # A keyed expander's id also counts its type and place (no form, the main area).
    rule.append(
        compute_element_id(
            "expander",
            "more",
            False,
            page_script_hash=page_hash,
            form_id="",
            root_container=0,
            type="default",
        )
    )
    return sent, rule


def test_keyed_containers_and_expanders_have_1_67s_block_ids(real_server: RealServer) -> None:
    """Block ids are set aside by the page comparison; a keyed container's is checked here.

    Each server hashes its own main script's page hash into the id, so the rule
    (``compute_element_id`` without form or root container) is checked against the ids
    1.67 sent with 1.67's page hash, and against minilit's with minilit's.
    """
    real = AppClient.connect(real_server.url, default_timeout=30)
    real.query_string = "app=keyed_container"
    mini = AppClient.from_file(APPS / "keyed_container.py", default_timeout=10)
    try:
        real_sent, real_rule = _keyed_container_ids(real)
        mini_sent, mini_rule = _keyed_container_ids(mini)
    finally:
        real.close()
        mini.close()
    assert real_sent == real_rule
    assert mini_sent == mini_rule


def test_everywhere_entries_are_true() -> None:
    """Each field set aside everywhere is still sent by Streamlit and still not by minilit.

    Runs after the apps (pytest keeps the file's order); needs every app's result.
    """
    if set(RESULTS) != set(CASES):
        pytest.skip("needs every app of the oracle in this run")
    real: Counter[str] = Counter()
    mini: Counter[str] = Counter()
    for result in RESULTS.values():
        real.update(result.stripped_real)
        mini.update(result.stripped_minilit)
    problems = []
    for where, number in KNOWN.everywhere:
        key = f"{where} field {number}"
        if mini[key]:
            problems.append(f"{key}: minilit sends it now ({mini[key]} times)")
        if not real[key]:
            problems.append(f"{key}: no app's page on Streamlit 1.67 has it")
    assert not problems, "docs/known-differences.md 'Everywhere' is stale:\n" + "\n".join(problems)
