"""Config precedence: default < .minilit/config.toml < MINILIT_* env < --flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from minilit.config import ConfigError, load_config


def test_precedence(tmp_path: Path) -> None:
    (tmp_path / ".minilit").mkdir()
    (tmp_path / ".minilit" / "config.toml").write_text(
        "[server]\nport = 8601\nheadless = true\n[client]\nshowErrorDetails = 'type'\n"
    )
    env = {"MINILIT_SERVER_PORT": "8701", "MINILIT_CLIENT_SHOW_ERROR_DETAILS": "none"}
    cfg = load_config({"server.port": "8801"}, env=env, cwd=tmp_path)
    assert cfg.get("server.port") == 8801
    assert cfg.source("server.port") == "command line"
    assert cfg.get("client.showErrorDetails") == "none"
    assert cfg.source("client.showErrorDetails") == "$MINILIT_CLIENT_SHOW_ERROR_DETAILS"
    assert cfg.get("server.headless") is True
    assert cfg.source("server.headless").endswith("config.toml")
    assert cfg.get("server.address") == ""
    assert not cfg.is_manually_set("server.address")


def test_unknown_option_and_bad_value(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown option 'server\.nope'"):
        load_config({"server.nope": "1"}, env={}, cwd=tmp_path)
    with pytest.raises(ConfigError, match="expects int"):
        load_config({"server.port": "eighty"}, env={}, cwd=tmp_path)
    (tmp_path / ".minilit").mkdir()
    (tmp_path / ".minilit" / "config.toml").write_text("[server\n")
    with pytest.raises(ConfigError, match=r"config\.toml"):
        load_config({}, env={}, cwd=tmp_path)


def test_lists_from_strings(tmp_path: Path) -> None:
    cfg = load_config({"server.corsAllowedOrigins": "http://a:1, http://b:2"}, env={}, cwd=tmp_path)
    assert cfg.get("server.corsAllowedOrigins") == ["http://a:1", "http://b:2"]
