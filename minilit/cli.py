"""The ``minilit`` command: the command table (run, hello, version, config, and the tools').

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
import importlib
import signal
import sys
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from minilit.config import OPTIONS, ConfigError, load_config
from minilit.version import __version__

DEMO_SCRIPT = Path(__file__).resolve().parent / "hello" / "demo.py"


class UsageError(Exception):
    """Wrong command-line input; printed as one line, exit status 2."""


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
    from minilit.server.server import (
        PortInUseError,
        RetriesExceededError,
        Server,
        TLSConfigError,
    )

    if not script.is_file():
        raise UsageError(f"file not found: {script}")
    if script.suffix != ".py":
        raise UsageError(f"not a Python script: {script}")
    config = load_config(flags, main_script_path=str(script))
    sys.argv = [str(script), *script_args]
    server = Server(str(script), config)
    notes: list[Callable[[], str]] = []
    if args.inspect or args.record or config.get("server.enableTrace"):
        # A tool, imported only when asked for: the core never imports the tools.
        from inspector.cli import observe_server

        notes = observe_server(server, inspect=bool(args.inspect), record=args.record)

    async def main() -> None:
        await server.start()
        _print_urls(server, is_hello, notes)
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
    except TLSConfigError as exc:
        print(f"minilit: {exc}", file=sys.stderr)
        return 1
    return 0


def _print_urls(server: Any, is_hello: bool, notes: Sequence[Callable[[], str]]) -> None:
    if server.port_notice:
        print(f"  {server.port_notice}")
    name = "the minilit demo" if is_hello else "your minilit app"
    print(f"\n  You can now view {name} in your browser.\n")
    scheme = "https" if server.uses_tls else "http"
    print(f"  Local URL: {scheme}://localhost:{server.port}\n", flush=True)
    for note in notes:  # e.g. the trace channel's URL and token, known once listening
        print(note(), flush=True)


def _cmd_run(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    return _serve(args, Path(args.script), flags, script_args)


def _cmd_hello(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    return _serve(args, DEMO_SCRIPT, flags, script_args, is_hello=True)


def _cmd_version(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    print(f"minilit, version {__version__}")
    return 0


def _cmd_config(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    config = load_config(flags, main_script_path=args.script)
    for key, option in OPTIONS.items():
        print(f"{key} = {config.get(key)!r}   [{config.source(key)}]")
        print(f"    {option.description}  (env: {option.env_var}, {option.streamlit_env_var})")
    for key, where in config.ignored:
        print(f"skipped {key} from {where}: not a minilit option")
    return 0


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "script", nargs="?", help="also read the .streamlit/config.toml in this script's folder"
    )


_METAVARS = {bool: "BOOLEAN", int: "INTEGER", list: "LIST", str: "TEXT"}


def _option_arguments(parser: argparse.ArgumentParser) -> None:
    """Every config option as ``--section.name VALUE``, with its environment variables.

    As ``streamlit run --help`` lists them. ``split_config_flags`` takes these flags out of
    the command line before argparse sees it; they are here for ``--help``.
    """
    group = parser.add_argument_group(
        "config options",
        "Lowest to highest: ~/.streamlit/config.toml, ./.streamlit/config.toml, the "
        "script folder's .streamlit/config.toml, ./.minilit/config.toml, STREAMLIT_* "
        "variables, MINILIT_* variables, these flags.",
    )
    for key, option in OPTIONS.items():
        default = option.default
        shown = ",".join(default) if isinstance(default, list) else default
        text = (
            f"{option.description} [env var: {option.env_var}, {option.streamlit_env_var}]"
            f" (default: {shown!r})"
        )
        group.add_argument(
            f"--{key}",
            dest=key,
            metavar=_METAVARS.get(type(default), "TEXT"),
            help=text.replace("%", "%%"),
        )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _observe_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``run`` and ``hello`` that start the inspector's trace channel."""
    parser.add_argument(
        "--inspect",
        action="store_true",
        help="serve the trace channel /_minilit/trace for the inspector (loopback only)",
    )
    parser.add_argument(
        "--record", metavar="FILE", help="write every trace event to FILE (JSON Lines)"
    )


def _run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.usage = (
        "%(prog)s [--inspect] [--record FILE] [--section.option VALUE ...] SCRIPT [-- ARGS]"
    )
    parser.add_argument("script", help="path to the app script")
    _observe_arguments(parser)
    _option_arguments(parser)


def _hello_arguments(parser: argparse.ArgumentParser) -> None:
    parser.usage = "%(prog)s [--inspect] [--record FILE] [--section.option VALUE ...]"
    _observe_arguments(parser)
    _option_arguments(parser)


Handler = Callable[[argparse.Namespace, dict[str, str], list[str]], int]


@dataclass(frozen=True)
class Command:
    """One row of the command table.

    A core command has its ``handler`` here. A tool command names its
    ``module`` instead, which is imported only when that command is given
    and defines ``add_arguments(name, parser)`` and ``run(name, args, flags,
    script_args)``; so ``minilit run`` never loads the inspector or the course.
    """

    help: str
    handler: Handler | None = None
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
    module: str = ""


COMMANDS: dict[str, Command] = {
    # The core: what mirrors ``streamlit run|hello|version|config``.
    "run": Command("run a script: minilit run APP.py [-- args]", _cmd_run, _run_arguments),
    "hello": Command("run the bundled demo app", _cmd_hello, _hello_arguments),
    "version": Command("print minilit's version", _cmd_version),
    "config": Command(
        "show every option, its value and where it came from", _cmd_config, _config_arguments
    ),
    # The tools (inspector/ and lessons/), imported when their command runs.
    "inspect": Command(
        "watch and step through every rerun, delta and frame (Textual inspector)",
        module="inspector.cli",
    ),
    "trace": Command(
        "run an app headless and print every rerun, delta and frame (text or --json)",
        module="inspector.cli",
    ),
    "proxy": Command(
        "watch an app on real Streamlit: a decoding proxy in front of a running server",
        module="inspector.cli",
    ),
    "diff": Command(
        "compare two recordings frame by frame and field by field (e.g. Streamlit vs minilit)",
        module="inspector.cli",
    ),
    "lesson": Command(
        "the lessons: list, show, run, start, check, hint", module="lessons.framework.cli"
    ),
}
"""Every ``minilit`` command: the one place that names the tool commands."""


def _tool(name: str) -> Any:
    """Import the module of a tool command (the only imports of tools the core makes)."""
    return importlib.import_module(COMMANDS[name].module)


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``chosen``'s arguments are set up (so only its tool is imported)."""
    parser = _Parser(prog="minilit", description="Streamlit's backend in miniature.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, command in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=command.help)
        if name != chosen:
            continue
        if command.module:
            _tool(name).add_arguments(name, sub_parser)
        elif command.add_arguments is not None:
            command.add_arguments(sub_parser)
    return parser


def _chosen(argv: Sequence[str]) -> str | None:
    """The command named on the command line, if its first word names one."""
    for item in argv:
        if not item.startswith("-"):
            return item if item in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``minilit`` console script."""
    try:
        rest, flags, script_args = split_config_flags(sys.argv[1:] if argv is None else argv)
        args = build_parser(_chosen(rest)).parse_args(rest)
        command = COMMANDS[args.command]
        if command.handler is not None:
            return command.handler(args, flags, script_args)
        return int(_tool(args.command).run(args.command, args, flags, script_args))
    except (UsageError, ConfigError) as exc:
        print(f"minilit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
