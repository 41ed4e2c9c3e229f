"""A call minilit lacks names itself in the page; docs/api-coverage.md is current.

The coverage table is made from the stored list of Streamlit 1.67's public names
(minilit/streamlit_names.py, read from the real package by ``scripts/api_coverage.py
--refresh``) and minilit's own module, so this test needs no real Streamlit.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import minilit
from minilit.missing import NotInMinilit
from minilit.streamlit_names import STREAMLIT_NAMES
from minilit.testing import AppClient

REPO = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_coverage", REPO / "scripts/api_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["api_coverage"] = module
    spec.loader.exec_module(module)
    return module


def test_the_committed_table_is_what_the_script_writes() -> None:
    committed = (REPO / "docs" / "api-coverage.md").read_text(encoding="utf-8")
    assert committed == _script().render(), "stale: run python scripts/api_coverage.py"


def test_the_table_follows_minilit(monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    assert "| `st.tabs` | yes |" in script.render()
    monkeypatch.delattr(minilit, "tabs")
    monkeypatch.setattr(minilit, "__all__", [n for n in minilit.__all__ if n != "tabs"])
    assert "| `st.tabs` | no |" in script.render()
    monkeypatch.setattr(minilit, "tabs", lambda *a: None, raising=False)
    monkeypatch.setattr(minilit, "__all__", [*minilit.__all__, "tabs"])
    assert "| `st.tabs` | yes |" in script.render()


def test_a_submodule_is_not_an_api_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing minilit.components puts ``components`` on the package: not an st.* call."""
    import minilit.components  # noqa: F401

    assert "| `st.components` | no |" in _script().render()


def test_every_row_is_a_streamlit_name_and_says_what_minilit_has() -> None:
    rows = [line for line in _script().render().splitlines() if line.startswith("| `st.")]
    assert len(rows) == len(STREAMLIT_NAMES) > 100
    for row in rows:
        name = row.split("`")[1].removeprefix("st.")
        assert row.endswith("| yes |") == (name in minilit.__all__), row
    assert "| `st.text` | yes |" in rows and "| `st.navigation` | no |" in rows


def test_a_missing_name_is_an_attribute_error_that_names_it() -> None:
    assert not hasattr(minilit, "navigation")
    assert getattr(minilit, "navigation", None) is None
    with pytest.raises(NotInMinilit) as info:
        minilit.navigation  # noqa: B018
    assert "`st.navigation` is part of Streamlit 1.67" in str(info.value)
    assert "docs/api-coverage.md" in str(info.value)
    with pytest.raises(NotInMinilit, match=r"neither in Streamlit 1\.67 nor in minilit"):
        minilit.titel  # noqa: B018
    with pytest.raises(AttributeError) as dunder:
        minilit.__wrapped__  # noqa: B018
    assert type(dunder.value) is AttributeError


def test_a_missing_call_is_an_exception_element_in_the_page() -> None:
    source = 'import minilit as st\nst.text("before")\nst.navigation([])\n'
    with AppClient.from_string(source) as app:
        app.run()
        assert app.text[0].value == "before"
        assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
        exc = app.exception[0].proto
        assert exc.type == "NotInMinilit"
        assert exc.message.startswith("`st.navigation` is part of Streamlit 1.67")
        assert "docs/api-coverage.md" in exc.message
        assert exc.message_is_markdown
        # The traceback is the script's line, none of minilit's internals.
        assert exc.stack_trace and all("minilit/" not in line for line in exc.stack_trace)
