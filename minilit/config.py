"""Configuration options: every knob minilit has, and where its value came from.

Mirrors: streamlit/config.py (the option registry) and the flag handling of
streamlit/web/bootstrap.py (``load_config_options``). Simplified: a flat table
of options instead of decorated sections, no config file watching, no
``~/.streamlit`` global file.

Precedence, lowest to highest (the last one that sets an option wins)::

    1. the default in OPTIONS below
    2. .minilit/config.toml in the current directory   ([server] port = 8601)
    3. environment variables                           MINILIT_SERVER_PORT=8601
    4. command-line flags                              --server.port 8601

Streamlit reads the same four layers (with ``STREAMLIT_`` variables and
``.streamlit/config.toml``), plus a global file in the home directory.

Receives: flags from minilit.cli. Hands to: server/, runtime/ and scriptrunner/
through ``Config.get``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """An option name or value is wrong. The message is one line for the user."""


@dataclass(frozen=True)
class ConfigOption:
    key: str
    """Dotted name, e.g. ``server.port``."""
    default: Any
    description: str

    @property
    def env_var(self) -> str:
        """``server.maxMessageSize`` -> ``MINILIT_SERVER_MAX_MESSAGE_SIZE``."""
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", self.key.replace(".", "_"))
        return "MINILIT_" + snake.upper()


def _opt(key: str, default: Any, description: str) -> ConfigOption:
    return ConfigOption(key, default, description)


OPTIONS: dict[str, ConfigOption] = {
    o.key: o
    for o in [
        _opt(
            "server.port",
            8501,
            "Port to listen on. If it is busy and was not set "
            "explicitly, the next free port (up to 100 tries) is used.",
        ),
        _opt("server.address", "", "Address to bind. Empty means all interfaces, as in Streamlit."),
        _opt("server.headless", False, "Do not open a browser on start."),
        _opt("server.baseUrlPath", "", "Prefix for every route (not implemented: must be empty)."),
        _opt(
            "server.enableCORS",
            True,
            "Check the Origin of websocket handshakes (protection "
            "on). False accepts any origin, as in Streamlit.",
        ),
        _opt(
            "server.corsAllowedOrigins",
            [],
            "Extra origins (scheme://host:port) allowed to open "
            "the websocket besides the page's own origin.",
        ),
        _opt(
            "server.allowedHosts",
            [],
            "Host names accepted on the websocket (DNS-rebinding guard), as in Streamlit: "
            "ports ignored, case-insensitive, '*.example.com' for subdomains, '*' for any. "
            "Empty list: any host, except that a server bound to a loopback address accepts "
            "only loopback names (stricter than Streamlit).",
        ),
        _opt("server.maxMessageSize", 200, "Largest ForwardMsg sent, in MB (10^6 bytes)."),
        _opt(
            "server.maxWidgetStateSize",
            25,
            "Largest BackMsg frame accepted, in MB; bigger frames close the socket with 1009.",
        ),
        _opt(
            "server.maxOutboundBufferSize",
            16,
            "Most data, in MB, a session's socket may hold unsent behind the message on its "
            "way (the browser is not reading); a session over it when another message is due "
            "is disconnected. Streamlit 1.67 bounds its send queue to 500 messages instead.",
        ),
        _opt(
            "server.disconnectedSessionTTL",
            120,
            "Seconds a disconnected session is kept for a reconnect.",
        ),
        _opt(
            "server.maxDisconnectedSessions",
            128,
            "How many disconnected sessions are kept at most (the oldest is dropped first).",
        ),
        _opt(
            "server.websocketPingInterval",
            30,
            "Seconds between websocket pings; a socket silent for as long is dropped "
            "(Streamlit 1.67: 30 s / 30 s; 1.39 pinged every 1 s with a 30 s timeout, "
            "which Tornado 6.5+ no longer allows).",
        ),
        _opt(
            "server.enableTrace",
            False,
            "Serve the inspector's trace channel /_minilit/trace (loopback only, token "
            "required) from `minilit run`/`hello`; `--inspect` sets it. The core "
            "server does not read it: the command installs the channel.",
        ),
        _opt("server.traceToken", "", "Token the trace channel requires; random if empty."),
        _opt(
            "client.showErrorDetails",
            "full",
            "How much of an exception the browser sees: full, stacktrace, type or none.",
        ),
        _opt("runner.magicEnabled", True, "Write bare expressions of the script (magic)."),
        _opt(
            "server.fileWatcherType",
            "auto",
            "Watch the script's folder for changes: auto or watchdog (OS events), poll "
            "(stat every second), none.",
        ),
        _opt(
            "server.runOnSave",
            False,
            "Rerun every session when a watched file changes, instead of offering a Rerun.",
        ),
        _opt(
            "runner.fastReruns",
            True,
            "Start a new script thread at once on a rerun request "
            "instead of waiting for the old run to reach a checkpoint.",
        ),
        _opt(
            "runner.maxScriptThreads",
            3,
            "Most script threads one session may have alive, counting runs told to stop "
            "that have not reached a checkpoint yet; a rerun past it waits (not in Streamlit).",
        ),
        _opt("global.developmentMode", False, "Unused; kept for Streamlit compatibility."),
    ]
}


@dataclass
class Config:
    """Resolved option values plus where each came from.

    Example:
        >>> cfg = load_config({"server.port": "8601"}, env={}, cwd=Path("/nonexistent"))
        >>> cfg.get("server.port"), cfg.source("server.port")
        (8601, 'command line')
    """

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        if key not in OPTIONS:
            raise ConfigError(f"unknown option '{key}'")
        return self.values.get(key, OPTIONS[key].default)

    def source(self, key: str) -> str:
        return self.sources.get(key, "default")

    def is_manually_set(self, key: str) -> bool:
        return self.source(key) != "default"

    def set(self, key: str, value: Any, source: str) -> None:
        if key not in OPTIONS:
            raise ConfigError(f"unknown option '{key}'")
        self.values[key] = coerce(key, value)
        self.sources[key] = source


def coerce(key: str, value: Any) -> Any:
    """Convert ``value`` (often a string from a flag) to the option's type."""
    default = OPTIONS[key].default
    try:
        if isinstance(default, bool):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("true", "1", "yes", "on"):
                return True
            if text in ("false", "0", "no", "off"):
                return False
            raise ValueError(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, list):
            if isinstance(value, list):
                return [str(v) for v in value]
            return [v.strip() for v in str(value).split(",") if v.strip()]
        return str(value)
    except (TypeError, ValueError):
        kind = type(default).__name__
        raise ConfigError(f"option '{key}' expects {kind}, got {value!r}") from None


def load_config(
    flags: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Config:
    """Resolve every option through the four layers (see the module docstring).

    Raises:
        ConfigError: an unknown option or a value of the wrong type, anywhere.
    """
    cfg = Config()
    toml_path = (cwd or Path.cwd()) / ".minilit" / "config.toml"
    if toml_path.is_file():
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{toml_path}: {exc}") from None
        for section, table in data.items():
            if not isinstance(table, dict):
                raise ConfigError(f"{toml_path}: '{section}' must be a [section]")
            for name, value in table.items():
                cfg.set(f"{section}.{name}", value, str(toml_path))
    environ = os.environ if env is None else env
    for option in OPTIONS.values():
        if option.env_var in environ:
            cfg.set(option.key, environ[option.env_var], f"${option.env_var}")
    for key, value in (flags or {}).items():
        cfg.set(key, value, "command line")
    if cfg.get("server.baseUrlPath"):
        raise ConfigError("server.baseUrlPath is not supported by minilit")
    return cfg
