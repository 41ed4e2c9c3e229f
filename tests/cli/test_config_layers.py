"""Streamlit's config layers: .streamlit/config.toml and STREAMLIT_* as Streamlit reads them.

Note [Config precedence] in minilit/config.py is the rule under test; ``minilit run
--help`` lists every option with its environment variables, as ``streamlit run --help``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from minilit.config import OPTIONS, ConfigError, load_config


def _toml(folder: Path, text: str, name: str = ".streamlit") -> Path:
    (folder / name).mkdir(parents=True, exist_ok=True)
    path = folder / name / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_layer_in_order(tmp_path: Path) -> None:
    home, cwd, scripts = tmp_path / "home", tmp_path / "cwd", tmp_path / "scripts"
    for d in (home, cwd, scripts):
        d.mkdir()
    # Each layer sets the options from its own number up, so each option shows which
    # layer is the highest that set it.
    options = [
        "server.maxMessageSize",  # 2: global
        "server.maxWidgetStateSize",  # 3: project
        "server.disconnectedSessionTTL",  # 4: script folder
        "server.maxDisconnectedSessions",  # 5: .minilit
        "server.websocketPingInterval",  # 6: STREAMLIT_*
        "server.maxOutboundBufferSize",  # 7: MINILIT_*
        "server.port",  # 8: flags
    ]

    def table(layer: int) -> str:
        names = options[layer - 2 :]
        return "[server]\n" + "".join(f"{n.split('.')[1]} = {layer}\n" for n in names)

    global_file = _toml(home, table(2))
    project_file = _toml(cwd, table(3))
    script_file = _toml(scripts, table(4))
    minilit_file = _toml(cwd, table(5), ".minilit")
    env = {OPTIONS[n].streamlit_env_var: "6" for n in options[4:]}
    env |= {OPTIONS[n].env_var: "7" for n in options[5:]}
    cfg = load_config(
        {"server.port": "8"},
        env=env,
        cwd=cwd,
        home=home,
        main_script_path=str(scripts / "app.py"),
    )
    got = [cfg.get(n) for n in options]
    assert got == [2, 3, 4, 5, 6, 7, 8]
    assert [cfg.source(n) for n in options] == [
        str(global_file),
        str(project_file),
        str(script_file),
        str(minilit_file),
        "$STREAMLIT_SERVER_WEBSOCKET_PING_INTERVAL",
        "$MINILIT_SERVER_MAX_OUTBOUND_BUFFER_SIZE",
        "command line",
    ]


def test_streamlit_file_may_name_options_minilit_lacks(tmp_path: Path) -> None:
    path = _toml(
        tmp_path,
        '[theme]\nprimaryColor = "#f00"\n[client]\ntoolbarMode = "minimal"\n'
        "[server]\nheadless = true\n",
    )
    cfg = load_config({}, env={}, cwd=tmp_path, home=tmp_path / "nohome")
    assert cfg.get("server.headless") is True
    assert cfg.ignored == [("theme.primaryColor", str(path)), ("client.toolbarMode", str(path))]
    # minilit's own file must name real options; a wrong value is an error in either.
    _toml(tmp_path, "[theme]\nprimaryColor = 1\n", ".minilit")
    with pytest.raises(ConfigError, match=r"unknown option 'theme\.primaryColor'"):
        load_config({}, env={}, cwd=tmp_path, home=tmp_path / "nohome")
    (tmp_path / ".minilit" / "config.toml").unlink()
    _toml(tmp_path, '[server]\nport = "eighty"\n')
    with pytest.raises(ConfigError, match=r"config\.toml: option 'server\.port' expects int"):
        load_config({}, env={}, cwd=tmp_path, home=tmp_path / "nohome")


def test_environment_names_keep_acronyms_whole() -> None:
    cors = OPTIONS["server.enableCORS"]
    assert cors.env_var == "MINILIT_SERVER_ENABLE_CORS"
    assert cors.streamlit_env_var == "STREAMLIT_SERVER_ENABLE_CORS"
    assert OPTIONS["server.maxMessageSize"].env_var == "MINILIT_SERVER_MAX_MESSAGE_SIZE"
    assert OPTIONS["server.baseUrlPath"].env_var == "MINILIT_SERVER_BASE_URL_PATH"
    assert OPTIONS["server.disconnectedSessionTTL"].env_var == (
        "MINILIT_SERVER_DISCONNECTED_SESSION_TTL"
    )
    cfg = load_config({}, env={"STREAMLIT_SERVER_ENABLE_CORS": "false"}, cwd=Path("/nonexistent"))
    assert cfg.get("server.enableCORS") is False
    assert cfg.source("server.enableCORS") == "$STREAMLIT_SERVER_ENABLE_CORS"


def test_streamlit_env_names_match_real_streamlit(tmp_path: Path) -> None:
    """Every option minilit shares with Streamlit 1.67 has Streamlit's variable name."""
    from tests.realstreamlit import require_real_streamlit

    python = require_real_streamlit("1.67")
    out = subprocess.run(
        [
            str(python),
            "-c",
            "from streamlit import config\n"
            "for k, o in config.get_config_options().items(): print(k, o.env_var)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    real = dict(line.split() for line in out.splitlines() if line.count(" ") == 1)
    shared = [key for key in OPTIONS if key in real]
    assert len(shared) >= 15
    for key in shared:
        assert OPTIONS[key].streamlit_env_var == real[key], key


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINILIT_", "STREAMLIT_"))}
    env["HOME"] = str(cwd)
    return subprocess.run(
        [sys.executable, "-m", "minilit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_run_help_lists_every_option_with_its_environment_variables(tmp_path: Path) -> None:
    result = _cli("run", "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # argparse wraps lines; join them to read each option's entry whole.
    text = " ".join(result.stdout.split())
    for key, option in OPTIONS.items():
        assert f"--{key} " in text, key
        assert f"[env var: {option.env_var}, {option.streamlit_env_var}]" in text, key
    assert ".streamlit/config.toml" in text


def test_minilit_config_shows_streamlit_files_and_skipped_options(tmp_path: Path) -> None:
    _toml(tmp_path, '[server]\nmaxUploadSize = 5\nmaxMessageSize = 7\n[theme]\nbase = "dark"\n')
    result = _cli("config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"server.maxMessageSize = 7   [{tmp_path / '.streamlit' / 'config.toml'}]" in (
        result.stdout
    )
    assert "skipped theme.base from" in result.stdout
    assert "(env: MINILIT_SERVER_ENABLE_CORS, STREAMLIT_SERVER_ENABLE_CORS)" in result.stdout
