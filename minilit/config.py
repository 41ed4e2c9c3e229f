"""Configuration options: every knob minilit has, and where its value came from.

Mirrors: streamlit/config.py (the option registry, ``get_config_files``, the
``STREAMLIT_*`` environment variables) and the flag handling of
streamlit/web/bootstrap.py (``load_config_options``). Simplified: a flat table
of options instead of decorated sections, no config file watching.

Note [Config precedence]
~~~~~~~~~~~~~~~~~~~~~~~~
Lowest to highest (the last layer that sets an option wins)::

    1. the default in OPTIONS below
    2. ~/.streamlit/config.toml                       (Streamlit's global file)
    3. ./.streamlit/config.toml                       (the current directory)
    4. <script's folder>/.streamlit/config.toml       (when it is another folder)
    5. ./.minilit/config.toml                         (minilit's own file)
    6. STREAMLIT_* environment variables              STREAMLIT_SERVER_PORT=8601
    7. MINILIT_* environment variables                MINILIT_SERVER_PORT=8601
    8. command-line flags                             --server.port 8601

Layers 2-4 and 6 are Streamlit's, read as Streamlit 1.67 reads them, so a reader's
app folder works unchanged. Where minilit and Streamlit both have a layer, minilit's
own name wins (5 over 2-4, 7 over 6): a ``.minilit/`` file or ``MINILIT_`` variable
is there on purpose. The ``.streamlit/config.toml`` files often set options minilit
does not have (``[theme]``, ``client.toolbarMode``); as Streamlit does for an
unknown option, minilit skips them (listed by ``minilit config``) instead of
failing; minilit's own file and variables must name real options. Environment
names follow Streamlit's rule (``to_snake_case``): acronyms stay whole,
``server.enableCORS`` -> ``STREAMLIT_SERVER_ENABLE_CORS`` /
``MINILIT_SERVER_ENABLE_CORS``.

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
        """``server.enableCORS`` -> ``MINILIT_SERVER_ENABLE_CORS``."""
        return "MINILIT_" + _env_suffix(self.key)

    @property
    def streamlit_env_var(self) -> str:
        """``server.enableCORS`` -> ``STREAMLIT_SERVER_ENABLE_CORS``, Streamlit's name."""
        return "STREAMLIT_" + _env_suffix(self.key)


def _env_suffix(key: str) -> str:
    """Streamlit's ``to_snake_case`` of the dotted key: a run of capitals stays one word.

    ``maxMessageSize`` -> ``MAX_MESSAGE_SIZE``, ``enableCORS`` -> ``ENABLE_CORS``,
    ``enableXsrfProtection`` -> ``ENABLE_XSRF_PROTECTION``.
    """
    name = key.replace(".", "_")
    words = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).upper()


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
            "How many disconnected sessions are kept at most (the oldest is dropped first). "
            "minilit's option: Streamlit keeps at most 128, a constant.",
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
        # --- The security surface (uploads, media, components, TLS, headers) ---
        _opt(
            "server.enableXsrfProtection",
            True,
            "Double-submit XSRF check on the upload route: the page gets the _streamlit_xsrf "
            "cookie and every PUT/DELETE must send it back in X-Xsrftoken (else 403).",
        ),
        _opt(
            "server.maxUploadSize",
            200,
            "Largest file st.file_uploader accepts, in MiB (2^20 bytes); bigger uploads get 413.",
        ),
        _opt(
            "server.sslCertFile",
            "",
            "PEM certificate for HTTPS/WSS; needs server.sslKeyFile too. For a trusted network "
            "only: in production terminate TLS at a proxy.",
        ),
        _opt("server.sslKeyFile", "", "PEM private key for server.sslCertFile."),
        _opt(
            "server.frameAncestors",
            "'self'",
            "The frame-ancestors source list of the page's Content-Security-Policy: which "
            "pages may embed the app in a frame ('none', 'self', or origins). Not in Streamlit.",
        ),
        _opt(
            "server.componentSandbox",
            "minilit",
            "The sandbox of custom-component iframes: 'minilit' (Streamlit's list without "
            "allow-same-origin) or 'streamlit' (1.67's exact list, same-origin included).",
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
    ignored: list[tuple[str, str]] = field(default_factory=list)
    """(option, file) for options of a ``.streamlit/config.toml`` minilit does not have."""

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


def config_files(
    cwd: Path, home: Path | None = None, main_script_path: str | None = None
) -> list[tuple[Path, bool]]:
    """The config files read, lowest precedence first, each with "is Streamlit's file".

    Layers 2-5 of Note [Config precedence]; a file that does not exist is skipped.
    """
    streamlit_files = [(home or Path.home()) / ".streamlit" / "config.toml"]
    streamlit_files.append(cwd / ".streamlit" / "config.toml")
    if main_script_path:
        script_level = Path(os.path.abspath(os.path.dirname(main_script_path)))
        candidate = script_level / ".streamlit" / "config.toml"
        if candidate not in streamlit_files:
            streamlit_files.append(candidate)
    return [(path, True) for path in streamlit_files] + [(cwd / ".minilit" / "config.toml", False)]


def _read_toml(cfg: Config, path: Path, lenient: bool) -> None:
    """Apply one config file; ``lenient``: skip options minilit does not have."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror}") from None
    for section, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: '{section}' must be a [section]")
        for name, value in table.items():
            key = f"{section}.{name}"
            if lenient and key not in OPTIONS:
                cfg.ignored.append((key, str(path)))
                continue
            try:
                cfg.set(key, value, str(path))
            except ConfigError as exc:
                raise ConfigError(f"{path}: {exc}") from None


def load_config(
    flags: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    home: Path | None = None,
    main_script_path: str | None = None,
) -> Config:
    """Resolve every option through the layers of Note [Config precedence].

    ``home`` stands for the user's home directory (``~``) and ``main_script_path``
    names the script whose folder may hold a ``.streamlit/config.toml``.

    Raises:
        ConfigError: an unknown option (except in a ``.streamlit`` file, where it is
            skipped) or a value of the wrong type, anywhere.
    """
    cfg = Config()
    for path, is_streamlits in config_files(cwd or Path.cwd(), home, main_script_path):
        if path.is_file():
            _read_toml(cfg, path, lenient=is_streamlits)
    environ = os.environ if env is None else env
    for option in OPTIONS.values():
        for name in (option.streamlit_env_var, option.env_var):  # MINILIT_ wins
            if name in environ:
                cfg.set(option.key, environ[name], f"${name}")
    for key, value in (flags or {}).items():
        cfg.set(key, value, "command line")
    if cfg.get("server.baseUrlPath"):
        raise ConfigError("server.baseUrlPath is not supported by minilit")
    return cfg
