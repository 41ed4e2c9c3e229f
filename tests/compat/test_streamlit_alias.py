"""``import streamlit`` inside a minilit app gives minilit, with real Streamlit installed.

Each test runs in a subprocess whose ``sys.path`` holds the real Streamlit 1.67 package
(the site-packages of the environment ``scripts/real_streamlit.py`` made), so ``import
streamlit`` would find the real thing if the alias (minilit/runtime/streamlit_alias.py)
did not answer first. The subprocess starts a real minilit server and drives it over the
websocket with the headless client.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from tests.realstreamlit import require_real_streamlit

REPO = Path(__file__).resolve().parents[2]

APP = """\
import streamlit as st
from streamlit import text
import streamlit.runtime
from streamlit.runtime import exists
import streamlit.components.v1 as components
from streamlit.errors import StreamlitAPIException
st.title("Hi")
text(f"{st.__name__} {streamlit.runtime.exists()} {exists()} {components.__name__}")
st.write(st.title is __import__("minilit").title)
try:
    import streamlit.web.cli
except ModuleNotFoundError as exc:
    st.text(f"refused: {exc.name}")
if st.checkbox("components"):
    components.html("<b>hi</b>")
"""

DRIVER = """\
import json, sys
from minilit.testing import AppClient
from minilit.trace.bus import BUS
from minilit.trace import events
real_first = sys.argv[2] == "import-real-first"
if real_first:
    import streamlit  # the real package, imported before minilit's server starts
    real_version = streamlit.__version__
else:
    real_version = ""
sub = BUS.subscribe()
with AppClient.from_file(sys.argv[1]) as app:
    app.run()
    texts = [t.value for t in app.text]
    markdown = [m.value for m in app.markdown]
    title = app.title[0].value
    app.checkbox[0].check().run()
    exc = app.exception[0].proto
    alias_events = [e.fields for e in sub.drain() if e.name == events.STREAMLIT_ALIAS]
print(json.dumps({
    "real_version": real_version, "title": title, "texts": texts, "markdown": markdown,
    "exception": [exc.type, exc.message], "alias_events": alias_events,
}))
"""


_SITE_OF_STREAMLIT = (
    "import streamlit, os; print(os.path.dirname(os.path.dirname(streamlit.__file__)))"
)
_FIND_STREAMLIT = "import importlib.util as u; print(u.find_spec('streamlit').origin)"


def _run(tmp_path: Path, mode: str) -> dict[str, Any]:
    python = require_real_streamlit("1.67")
    site = subprocess.run(
        [str(python), "-c", _SITE_OF_STREAMLIT],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    app = tmp_path / "app.py"
    app.write_text(APP)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    # minilit first (so its own dependencies win), then the real Streamlit package.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), site])}
    check = subprocess.run(
        [sys.executable, "-c", _FIND_STREAMLIT],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.strip().startswith(site), "real Streamlit must be importable in the child"
    result = subprocess.run(
        [sys.executable, str(driver), str(app), mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def _check_page(data: dict[str, Any], site_hint: str = "site-packages") -> None:
    assert data["title"] == "Hi"
    assert data["texts"] == [
        "streamlit True True streamlit.components.v1",
        "refused: streamlit.web",  # the parent package is refused first
    ]
    assert data["markdown"] == ["`True`"]  # st.title is minilit.title
    kind, message = data["exception"]
    assert kind == "NotInMinilit"
    assert "streamlit.components.v1.html" in message and "docs/api-coverage.md" in message
    modules = {e["module"]: e for e in data["alias_events"]}
    assert {"streamlit", "streamlit.runtime", "streamlit.components.v1"} <= set(modules)
    assert site_hint in modules["streamlit"]["shadowed"]


def test_import_streamlit_gives_minilit_when_real_streamlit_is_installed(tmp_path: Path) -> None:
    _check_page(_run(tmp_path, "plain"))


def test_real_streamlit_already_imported_is_not_what_the_script_gets(tmp_path: Path) -> None:
    data = _run(tmp_path, "import-real-first")
    assert data["real_version"] == "1.67.0"
    _check_page(data)


def test_outside_a_runtime_exists_is_false_and_uninstall_gives_the_module_back() -> None:
    code = textwrap.dedent(
        """
        import sys
        from minilit.runtime import streamlit_alias
        streamlit_alias.install()
        import streamlit
        assert not hasattr(streamlit, "runtime")  # not minilit.runtime, the subpackage
        assert streamlit.components.v1.__name__ == "streamlit.components.v1"  # no import
        import streamlit.runtime
        assert streamlit.title.__self__ is not None
        assert streamlit.runtime.exists() is False   # no Runtime started in this process
        streamlit_alias.uninstall()
        assert "streamlit" not in sys.modules
        try:
            import streamlit
        except ModuleNotFoundError:
            print("gone")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "gone"
