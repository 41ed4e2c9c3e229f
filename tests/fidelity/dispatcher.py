"""The one script the real Streamlit server of the fidelity suite runs (not a test).

Each session names its app in the query string (``?app=buttons``, which the headless
client sends as ``ClientState.query_string``); this script runs ``apps/<name>.py`` as if it
were the main script: Streamlit's own magic applied, a fresh ``__main__``-like namespace,
the app's path as ``__file__``. Reading ``st.query_params`` sends nothing to the browser, so
the page is the app's alone. One server for every app keeps the suite fast (starting
Streamlit takes seconds; a session takes milliseconds).
"""

from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner.magic import add_magic

_name = st.query_params.get("app", "")
_path = Path(__file__).parent / "apps" / f"{_name}.py"
if not _name.isidentifier() or not _path.is_file():
    raise SystemExit(f"no fidelity app {_name!r}")
_source = _path.read_text(encoding="utf-8")
_code = compile(add_magic(_source, str(_path)), str(_path), "exec", dont_inherit=True)
exec(_code, {"__name__": "__main__", "__file__": str(_path)})
