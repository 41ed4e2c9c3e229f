"""``st.secrets``: the app's secrets, read from ``.streamlit/secrets.toml``.

Mirrors: streamlit/runtime/secrets.py (``Secrets``, ``AttrDict``, the "No secrets found"
and "has no key" messages) and the lookup of ``config.get_config_files("secrets.toml")``.

Lookup, as in Streamlit 1.67: these files are read in order, and a later file's top-level
keys replace an earlier file's (a shallow merge)::

    1. ~/.streamlit/secrets.toml                  (global)
    2. <current directory>/.streamlit/secrets.toml (project)
    3. <script's folder>/.streamlit/secrets.toml   (script; when it is another folder)

Missing files are skipped; if none exists, reading a secret raises
``StreamlitSecretNotFoundError`` naming every path tried (``st.secrets.key`` raises
``AttributeError`` instead, as Streamlit's does). A file that is not valid TOML raises
the same error with the parser's message. Top-level string and number values are also
put in ``os.environ``, as Streamlit does. Secrets are read-only: assignment raises
``TypeError``.

Simplified: no ``secrets.files`` option, no Kubernetes-style secret directories, no
programmatic secrets; instead of a file watcher, the files are read again when one of
them changed (its modification time or size), checked on each access.

Receives: paths from the current script run (``ScriptRunContext.main_script_path``).
Hands to: the script, as ``st.secrets`` (exported by minilit/__init__.py).
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from pathlib import Path
from typing import Any, NoReturn

from minilit.errors import MinilitAPIException

SECRETS_FILE = "secrets.toml"
CONFIG_FOLDER = ".streamlit"

_MISSING_ENTRY_HINT = (
    "Did you forget to add it to secrets.toml? minilit reads "
    "~/.streamlit/secrets.toml, ./.streamlit/secrets.toml and the script folder's "
    ".streamlit/secrets.toml, later files winning."
)


class StreamlitSecretNotFoundError(MinilitAPIException, FileNotFoundError):
    """No secrets file was found, or one could not be parsed (Streamlit's name)."""


def _missing_attr(name: str) -> str:
    return f'st.secrets has no attribute "{name}". {_MISSING_ENTRY_HINT}'


def _missing_key(key: str) -> str:
    return f'st.secrets has no key "{key}". {_MISSING_ENTRY_HINT}'


def secrets_paths(main_script_path: str | None = None, *, home: Path | None = None) -> list[Path]:
    """The files ``st.secrets`` reads, first to last (later ones win)."""
    paths = [
        (home or Path.home()) / CONFIG_FOLDER / SECRETS_FILE,
        Path.cwd() / CONFIG_FOLDER / SECRETS_FILE,
    ]
    if main_script_path:
        script_level = Path(os.path.abspath(os.path.dirname(main_script_path)))
        candidate = script_level / CONFIG_FOLDER / SECRETS_FILE
        if candidate not in paths:
            paths.append(candidate)
    return paths


class AttrDict(Mapping[str, Any]):
    """A read-only table of secrets (a ``[section]``): ``s.db.user`` or ``s["db"]["user"]``."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_value", value)

    @staticmethod
    def _wrap(value: Any) -> Any:
        return AttrDict(value) if isinstance(value, Mapping) else value

    def __len__(self) -> int:
        return len(self._value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._value)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._wrap(self._value[key])
        except KeyError:
            raise KeyError(_missing_key(key)) from None

    def __getattr__(self, name: str) -> Any:
        try:
            return self._wrap(self._value[name])
        except KeyError:
            raise AttributeError(_missing_attr(name)) from None

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def __repr__(self) -> str:
        return repr(self._value)

    def to_dict(self) -> dict[str, Any]:
        """A plain, nested ``dict`` copy."""
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self.items()}


def _stamp(paths: list[Path]) -> tuple[tuple[int, int] | None, ...]:
    """What changes when a secrets file is created, edited or removed."""
    stamps: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            stamps.append(None)
        else:
            stamps.append((st.st_mtime_ns, st.st_size))
    return tuple(stamps)


class Secrets(Mapping[str, Any]):
    """``st.secrets``: every secrets file merged, read on first use and when one changes.

    Example (with ``.streamlit/secrets.toml`` holding ``api_key = "x"`` and a
    ``[db]`` table with ``user = "ada"``)::

        st.secrets.api_key, st.secrets["api_key"]     # "x", "x"
        st.secrets.db.user, st.secrets["db"]["user"]  # "ada", "ada"
    """

    def __init__(self, home: Path | None = None) -> None:
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_cache", None)
        object.__setattr__(self, "_home", home)

    def _paths(self) -> list[Path]:
        from minilit.scriptrunner.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        return secrets_paths(ctx.main_script_path if ctx else None, home=self._home)

    def _parse(self) -> Mapping[str, Any]:
        """The merged secrets (read again if a file changed).

        Raises:
            StreamlitSecretNotFoundError: no file exists, or one is not valid TOML.
        """
        paths = self._paths()
        stamp = (tuple(paths), _stamp(paths))
        with self._lock:
            cache: tuple[Any, Mapping[str, Any]] | None = self._cache
            if cache is not None and cache[0] == stamp:
                return cache[1]
            merged: dict[str, Any] = {}
            found = False
            for path in paths:
                try:
                    text = path.read_text(encoding="utf-8")
                except (FileNotFoundError, NotADirectoryError):
                    continue
                found = True
                try:
                    merged.update(tomllib.loads(text))
                except tomllib.TOMLDecodeError as exc:
                    raise StreamlitSecretNotFoundError(
                        f"Error parsing secrets file at {path}: {exc}"
                    ) from None
            if not found:
                raise StreamlitSecretNotFoundError(
                    "No secrets found. Valid paths for a secrets.toml file are: "
                    + ", ".join(str(p) for p in paths)
                )
            for key, value in merged.items():
                # As Streamlit: top-level scalars also become environment variables.
                if type(value) in (str, int, float):
                    os.environ[key] = str(value)
            object.__setattr__(self, "_cache", (stamp, merged))
            return merged

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        try:
            return AttrDict._wrap(self._parse()[name])
        except (KeyError, FileNotFoundError):
            # Attribute access must raise AttributeError (hasattr, getattr with default).
            raise AttributeError(_missing_attr(name)) from None

    def __getitem__(self, key: str) -> Any:
        try:
            return AttrDict._wrap(self._parse()[key])
        except KeyError:
            raise KeyError(_missing_key(key)) from None

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def __len__(self) -> int:
        return len(self._parse())

    def __iter__(self) -> Iterator[str]:
        return iter(self._parse())

    def __contains__(self, key: object) -> bool:
        return key in self._parse()

    def keys(self) -> KeysView[str]:
        return self._parse().keys()

    def values(self) -> ValuesView[Any]:
        return self._parse().values()

    def items(self) -> ItemsView[str, Any]:
        return self._parse().items()

    def to_dict(self) -> dict[str, Any]:
        """A plain, nested ``dict`` copy of every secret."""
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self.items()}

    def __repr__(self) -> str:
        # Streamlit shows only the class name outside a running app; minilit always does,
        # so a stray print of st.secrets does not put every secret in a log.
        return "Secrets"


secrets = Secrets()
"""The process-wide ``st.secrets`` (Streamlit's ``secrets_singleton``)."""
