"""The ``minilit`` command: run, hello, version (and more subcommands).

Mirrors: streamlit/web/cli.py (``streamlit run``, ``hello``, ``version``) and
streamlit/web/bootstrap.py (run: print the URLs, serve until Ctrl-C).
Simplified: argparse instead of click; config flags are parsed by hand in
Streamlit's ``--section.option value`` style.

Usage::

    minilit run APP.py [--server.port 8601] [-- script args...]
    minilit hello                     # the bundled demo
    minilit version

Bad input gets one line on stderr and exit status 2 (usage), or 1 (a port
that was set explicitly is in use), never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from minilit.config import OPTIONS, ConfigError, load_config
from minilit.version import __version__

DEMO_SCRIPT = Path(__file__).resolve().parent / "hello" / "demo.py"

Command = Callable[[argparse.Namespace, dict[str, str], list[str]], int]
_COMMANDS: dict[str, Command] = {}
"""Subcommand handlers; other packages add theirs with ``register_command``."""


_RUN_ARGUMENT_HOOKS: list[Callable[[argparse.ArgumentParser], None]] = []
"""Add flags to ``run`` and ``hello`` (e.g. --inspect, --record)."""


def register_run_arguments(hook: Callable[[argparse.ArgumentParser], None]) -> None:
    _RUN_ARGUMENT_HOOKS.append(hook)


_EXTRA_PARSERS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None] | None]] = {}
"""Help text and argument setup of each registered subcommand."""


class UsageError(Exception):
    """Wrong command-line input; printed as one line, exit status 2."""


def register_command(
    name: str,
    help_text: str,
    handler: Command,
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
) -> None:
    """Add a subcommand (used by the trace, inspector and lesson packages)."""
    _COMMANDS[name] = handler
    _EXTRA_PARSERS[name] = (help_text, add_arguments)


def split_config_flags(argv: Sequence[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """Separate ``--section.option value`` flags and ``-- script args`` from the rest.

    Returns (remaining argv, config flags, script args).
    Raises:
        UsageError: an unknown option, or an option without a value.
    """
    rest: list[str] = []
    flags: dict[str, str] = {}
    script_args: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if item == "--":
            script_args = items[i + 1 :]
            break
        if item.startswith("--") and "." in item.split("=", 1)[0]:
            name, eq, value = item[2:].partition("=")
            if name not in OPTIONS:
                raise UsageError(f"unknown option '--{name}' (see `minilit config` for the list)")
            if not eq:
                if i + 1 >= len(items):
                    raise UsageError(f"option '--{name}' needs a value")
                i += 1
                value = items[i]
            flags[name] = value
        else:
            rest.append(item)
        i += 1
    return rest, flags, script_args


def _serve(
    args: argparse.Namespace,
    script: Path,
    flags: dict[str, str],
    script_args: list[str],
    is_hello: bool = False,
) -> int:
    """Start the server for ``script`` and serve until interrupted (bootstrap.run)."""
    from minilit.server.server import PortInUseError, RetriesExceededError, Server

    if not script.is_file():
        raise UsageError(f"file not found: {script}")
    if script.suffix != ".py":
        raise UsageError(f"not a Python script: {script}")
    config = load_config(flags)
    sys.argv = [str(script), *script_args]
    server = Server(str(script), config)
    for hook in _SERVER_HOOKS:
        hook(server, args)

    async def main() -> None:
        await server.start()
        _print_urls(server, is_hello)
        if not config.get("server.headless"):
            webbrowser.open(f"http://localhost:{server.port}")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        print("  Stopping...")
        await server.stop()

    try:
        asyncio.run(main())
    except PortInUseError as exc:
        print(f"minilit: {exc.strerror}", file=sys.stderr)
        return 1
    except RetriesExceededError as exc:
        print(f"minilit: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


_SERVER_HOOKS: list[Callable[[Any, argparse.Namespace], None]] = []
"""Called with (Server, parsed args) before it starts (e.g. the trace channel)."""


def register_server_hook(hook: Callable[[Any, argparse.Namespace], None]) -> None:
    """Let another package adjust the Server that ``minilit run`` starts."""
    _SERVER_HOOKS.append(hook)


def _print_urls(server: Any, is_hello: bool) -> None:
    if server.port_notice:
        print(f"  {server.port_notice}")
    name = "the minilit demo" if is_hello else "your minilit app"
    print(f"\n  You can now view {name} in your browser.\n")
    print(f"  Local URL: http://localhost:{server.port}\n", flush=True)
    if getattr(server, "trace", None) is not None:  # the trace channel (trace/endpoint.py)
        print(server.trace.banner(), flush=True)


def _cmd_run(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    return _serve(args, Path(args.script), flags, script_args)


def _cmd_hello(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    return _serve(args, DEMO_SCRIPT, flags, script_args, is_hello=True)


def _cmd_version(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    print(f"minilit, version {__version__}")
    return 0


def _cmd_config(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    config = load_config(flags)
    for key, option in OPTIONS.items():
        print(f"{key} = {config.get(key)!r}   [{config.source(key)}]")
        print(f"    {option.description}  (env: {option.env_var})")
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="minilit", description="Streamlit's backend in miniature.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="run a script: minilit run APP.py [-- args]")
    run.add_argument("script", help="path to the app script")
    hello = sub.add_parser("hello", help="run the bundled demo app")
    for hook in _RUN_ARGUMENT_HOOKS:
        hook(run)
        hook(hello)
    sub.add_parser("version", help="print minilit's version")
    sub.add_parser("config", help="show every option, its value and where it came from")
    for name, (help_text, add_arguments) in _EXTRA_PARSERS.items():
        extra = sub.add_parser(name, help=help_text)
        if add_arguments is not None:
            add_arguments(extra)
    return parser


_COMMANDS.update(
    {"run": _cmd_run, "hello": _cmd_hello, "version": _cmd_version, "config": _cmd_config}
)


def _load_plugins() -> None:
    """Import the packages that register extra subcommands, if they are present."""
    import importlib

    for module in ("minilit.trace.cli", "minilit.lessons.cli"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``minilit`` console script."""
    _load_plugins()
    try:
        rest, flags, script_args = split_config_flags(sys.argv[1:] if argv is None else argv)
        args = build_parser().parse_args(rest)
        return _COMMANDS[args.command](args, flags, script_args)
    except (UsageError, ConfigError) as exc:
        print(f"minilit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
