"""``st.secrets`` reads .streamlit/secrets.toml with Streamlit 1.67's lookup rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from minilit.runtime.secrets import Secrets, StreamlitSecretNotFoundError, secrets_paths
from minilit.testing import AppClient


def _write(folder: Path, text: str) -> None:
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    (folder / ".streamlit" / "secrets.toml").write_text(text, encoding="utf-8")


def test_lookup_order_global_project_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, project, scripts = tmp_path / "home", tmp_path / "project", tmp_path / "scripts"
    for d in (home, project, scripts):
        d.mkdir()
    monkeypatch.chdir(project)
    assert secrets_paths(str(scripts / "app.py"), home=home) == [
        home / ".streamlit/secrets.toml",
        project / ".streamlit/secrets.toml",
        scripts / ".streamlit/secrets.toml",
    ]
    # The script's folder is not listed twice when it is the current directory.
    assert len(secrets_paths(str(project / "app.py"), home=home)) == 2
    _write(home, 'a = "home"\nb = "home"\nc = "home"\n[db]\nuser = "h"\nport = 1\n')
    _write(project, 'b = "project"\nc = "project"\n[db]\nuser = "p"\n')
    monkeypatch.delenv("a", raising=False)
    s = Secrets(home=home)
    assert (s.a, s.b, s.c) == ("home", "project", "project")
    # A later file's table replaces the earlier one whole (a shallow merge, as Streamlit).
    assert s.db.to_dict() == {"user": "p"}
    assert os.environ["a"] == "home"  # noqa: SIM112 (top-level strings go to the environment)


def test_attribute_and_item_access_and_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, 'api_key = "x"\n[db]\nuser = "ada"\n[db.pool]\nsize = 3\n')
    s = Secrets(home=tmp_path / "nohome")
    assert s.api_key == s["api_key"] == "x"
    assert s.db.user == s["db"]["user"] == "ada"
    assert s.db.pool.size == s["db"]["pool"]["size"] == 3
    assert "db" in s and sorted(s.keys()) == ["api_key", "db"] and len(s) == 2
    assert s.to_dict() == {"api_key": "x", "db": {"user": "ada", "pool": {"size": 3}}}
    with pytest.raises(KeyError, match=r'st\.secrets has no key "nope"'):
        s["nope"]
    with pytest.raises(AttributeError, match=r'st\.secrets has no attribute "nope"'):
        s.nope  # noqa: B018
    with pytest.raises(TypeError, match="does not support"):
        s.api_key = "y"
    with pytest.raises(TypeError, match="does not support"):
        s["db"]["user"] = "bob"
    assert repr(s) == "Secrets"  # never prints the secrets
    # An edited file is read again.
    _write(tmp_path, 'api_key = "new"\n')
    assert s.api_key == "new"


def test_missing_or_broken_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    s = Secrets(home=tmp_path / "nohome")
    with pytest.raises(StreamlitSecretNotFoundError, match=r"No secrets found\. Valid paths"):
        s["api_key"]
    assert not hasattr(s, "api_key")  # attribute access answers AttributeError, as Streamlit
    _write(tmp_path, "api_key = \n")
    with pytest.raises(StreamlitSecretNotFoundError, match="Error parsing secrets file"):
        s["api_key"]


def test_in_a_running_app_from_the_script_folder(tmp_path: Path) -> None:
    _write(tmp_path, 'greeting = "hello"\n[db]\nuser = "ada"\n')
    script = tmp_path / "app.py"
    script.write_text(
        "import streamlit as st\n"
        "st.text(st.secrets.greeting + ' ' + st.secrets['db']['user'])\n"
        "st.text(st.secrets['missing'])\n"
    )
    with AppClient.from_file(script) as app:
        app.run()
        assert app.text[0].value == "hello ada"
        exc = app.exception[0].proto
        assert exc.type == "KeyError" and 'st.secrets has no key "missing"' in exc.message
