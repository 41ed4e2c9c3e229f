"""The ``inspect``, ``trace``, ``proxy`` and ``diff`` subcommands, and ``run --inspect/--record``.

Not in Streamlit. ``minilit.cli.COMMANDS`` names ``inspect``, ``trace``, ``proxy`` and
``diff`` and imports this module only when one of them (or ``run
--inspect/--record``) is given; this module defines ``add_arguments``, ``run``
and ``observe_server`` for it.

Usage::

    minilit run APP.py --inspect            # serve /_minilit/trace (prints the token)
    minilit run APP.py --record run.jsonl   # write every trace event to a recording
    minilit inspect [APP.py]                # start APP (default: the demo) + the inspector
    minilit inspect --attach URL --token T  # attach to a server run with --inspect
    minilit inspect RECORDING.jsonl         # open a recording offline
    minilit trace APP.py [--do "click Go"]... [--json] [--stable]
    minilit trace --attach URL --token T [--until N] [--json]
    minilit proxy TARGET_URL [--server.port P] [--server.address A] [--inspect] [--record F]
    minilit inspect --proxy TARGET_URL      # the proxy (a child process) + the inspector
    minilit diff OURS.jsonl THEIRS.jsonl    # two recordings, frame by frame, field by field

Receives: parsed command lines. Hands to: inspector/launch.py (the TUI),
inspector/transcript.py (text), inspector/channel/recording.py (recordings),
inspector/proxy (the decoding proxy), inspector/wirediff.py (diff).
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.channel.endpoint import install_trace, is_loopback
from minilit.cli import DEMO_SCRIPT, UsageError

if TYPE_CHECKING:
    from minilit.server.server import Server

TOKEN_ENV = "MINILIT_TRACE_TOKEN"


# ----- minilit run --inspect / --record ---------------------------------------------


def observe_server(server: Server, *, inspect: bool, record: str | None) -> list[Callable[[], str]]:
    """Make ``server`` observable before it starts: the trace channel for
    ``--inspect`` (or ``server.enableTrace``), a recorder for ``--record``.

    Returns what to print once the server listens (the trace URL and token).
    Raises:
        UsageError: ``--inspect`` with a non-loopback ``server.address``.
    """
    config = server.config
    notes: list[Callable[[], str]] = []
    if inspect:
        if config.is_manually_set("server.address"):
            address = str(config.get("server.address"))
            if not is_loopback(address):
                raise UsageError(
                    f"--inspect needs a loopback server.address, not {address or 'all'!r} "
                    "(the trace channel must not be reachable from the network)"
                )
        else:
            config.set("server.address", "127.0.0.1", "--inspect")
        config.set("server.enableTrace", True, "--inspect")
    if config.get("server.enableTrace"):
        channel = install_trace(server)
        notes.append(channel.banner)
    if record:
        from inspector.channel.recording import Recorder

        recorder = Recorder(Path(record))
        recorder.writer.write_source(server.main_script_path)
        atexit.register(recorder.stop)
        print(f"  Recording trace events to {record}", flush=True)
    return notes


# ----- minilit inspect ------------------------------------------------------------------


def _inspect_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        nargs="?",
        help="an app script (default: the demo) or a recording (.jsonl) to open offline",
    )
    parser.add_argument("--attach", metavar="URL", help="attach to a server run with --inspect")
    parser.add_argument("--token", help=f"the trace token for --attach (or ${TOKEN_ENV})")
    parser.add_argument(
        "--proxy",
        metavar="TARGET_URL",
        help="watch a running Streamlit server through the decoding proxy (minilit proxy)",
    )
    parser.add_argument("--record", metavar="FILE", help="record what the inspector sees")
    parser.add_argument(
        "--no-browser", action="store_true", help="do not open the app in a browser"
    )


def _cmd_inspect(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    from inspector import launch
    from inspector.channel.recording import RecordingError

    record = Path(args.record) if args.record else None
    if args.proxy:
        if args.target or args.attach:
            raise UsageError("give --proxy TARGET_URL alone (no script, recording or --attach)")
        from inspector.proxy.launch import inspect_proxy

        return inspect_proxy(args.proxy, record, flags, open_browser=not args.no_browser)
    if args.attach:
        if args.target:
            raise UsageError("give either --attach URL or a target, not both")
        token = args.token or os.environ.get(TOKEN_ENV, "")
        if not token:
            raise UsageError("--attach needs --token (printed by `minilit run --inspect`)")
        return launch.inspect_attach(args.attach, token, record)
    target = Path(args.target) if args.target else DEMO_SCRIPT
    if not target.is_file():
        raise UsageError(f"file not found: {target}")
    if target.suffix != ".py" and launch.looks_like_recording(target):
        try:
            return launch.inspect_recording(target, record)
        except RecordingError as exc:
            print(f"minilit inspect: {exc}", file=sys.stderr)
            return 1
    if target.suffix != ".py":
        raise UsageError(f"not a Python script or a recording: {target}")
    return launch.inspect_script(target, record, flags, open_browser=not args.no_browser)


# ----- minilit trace --------------------------------------------------------------------


def _trace_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("script", nargs="?", help="the app script (omit with --attach)")
    parser.add_argument("--attach", metavar="URL", help="print a running server's events instead")
    parser.add_argument("--token", help=f"the trace token for --attach (or ${TOKEN_ENV})")
    parser.add_argument(
        "--until", type=int, default=0, metavar="N", help="with --attach: stop after N runs"
    )
    parser.add_argument(
        "--do",
        action="append",
        default=[],
        metavar="ACTION",
        help="an interaction after the first run: run | click X | set X VALUE | stop | wait S",
    )
    parser.add_argument("--actions", metavar="FILE", help="interactions, one per line")
    parser.add_argument("--json", action="store_true", help="one JSON event per line")
    parser.add_argument(
        "--stable", action="store_true", help="hide times and random ids (for lesson text)"
    )
    parser.add_argument(
        "--all", action="store_true", help="also show heartbeats and decoded BackMsg events"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per run")


def _cmd_trace(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    from inspector import transcript

    if args.attach:
        token = args.token or os.environ.get(TOKEN_ENV, "")
        if not token:
            raise UsageError("--attach needs --token (printed by `minilit run --inspect`)")
        if args.script or args.do or args.actions:
            raise UsageError("--attach only watches: no script or interactions")
        return transcript.attach(
            args.attach,
            token,
            until_runs=args.until,
            as_json=args.json,
            stable=args.stable,
            show_all=args.all,
        )
    if not args.script:
        raise UsageError("give an app script, or --attach URL --token T")
    script = Path(args.script)
    if not script.is_file():
        raise UsageError(f"file not found: {script}")
    lines = list(args.do)
    if args.actions:
        try:
            lines += Path(args.actions).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UsageError(f"cannot read {args.actions}: {exc.strerror}") from None
    try:
        actions = transcript.parse_actions(lines)
    except transcript.ActionError as exc:
        raise UsageError(str(exc)) from None
    return transcript.main(
        script,
        actions,
        as_json=args.json,
        stable=args.stable,
        show_all=args.all,
        timeout=args.timeout,
    )


# ----- minilit proxy --------------------------------------------------------------------

PROXY_FLAGS = ("server.port", "server.address", "server.traceToken", "server.headless")
"""The config flags ``minilit proxy`` reads (from the command line only: a
config file's ``server.port`` is most likely the target's own)."""


def _proxy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", help="the running Streamlit server, e.g. http://127.0.0.1:8501")
    parser.add_argument(
        "--inspect",
        action="store_true",
        help="serve the trace channel /_minilit/trace for the inspector (loopback only)",
    )
    parser.add_argument(
        "--record", metavar="FILE", help="write every trace event to FILE (JSON Lines)"
    )


def _cmd_proxy(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    import asyncio
    import logging
    import signal

    from inspector.proxy.server import DEFAULT_ADDRESS, DEFAULT_PORT, PortInUseError, ProxyServer
    from inspector.proxy.target import TargetError, parse_target, probe

    if script_args:
        raise UsageError("minilit proxy takes no script arguments")
    unknown = sorted(set(flags) - set(PROXY_FLAGS))
    if unknown:
        raise UsageError(f"minilit proxy does not use --{unknown[0]} (it reads {PROXY_FLAGS})")
    try:
        target = parse_target(args.target)
    except TargetError as exc:
        raise UsageError(str(exc)) from None
    try:
        port = int(flags.get("server.port", DEFAULT_PORT))
    except ValueError:
        raise UsageError(f"--server.port must be a number, not {flags['server.port']!r}") from None
    proxy = ProxyServer(target, port, flags.get("server.address", DEFAULT_ADDRESS))
    # One line per problem, no traceback: the proxy's own warnings, nothing of Tornado's.
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    notes: list[Callable[[], str]] = []
    if args.inspect:
        channel = proxy.install_trace(flags.get("server.traceToken", ""))
        notes.append(channel.banner)
    if args.record:
        from inspector.channel.recording import Recorder

        recorder = Recorder(Path(args.record))
        atexit.register(recorder.stop)

    async def main() -> int:
        # The verdict first, so that it is the first line (requests may come
        # as soon as the port is open).
        try:
            await probe(target)
        except TargetError as exc:
            print(f"minilit proxy: {exc}; answering 502 until it does", file=sys.stderr)
        try:
            await proxy.start()
        except PortInUseError as exc:
            print(f"minilit proxy: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"\n  Proxying {target.url}\n", flush=True)
        print(f"  Local URL: {proxy.url}\n", flush=True)
        if args.record:
            print(f"  Recording trace events to {args.record}", flush=True)
        for note in notes:
            print(note(), flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await proxy.stop()
        return 0

    return asyncio.run(main())


# ----- minilit diff ----------------------------------------------------------------------


def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ours", help="a recording (minilit run APP --record, minilit proxy --record)"
    )
    parser.add_argument("theirs", help="the recording to compare it with")


def _cmd_diff(args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    """Print where two recordings' frames differ; 0 when none does, 1 otherwise (as diff)."""
    from inspector import wirediff
    from inspector.channel.recording import RecordingError, read_recording

    recordings = []
    for name in (args.ours, args.theirs):
        try:
            recordings.append(read_recording(Path(name)))
        except (OSError, RecordingError) as exc:
            raise UsageError(f"cannot read {name}: {exc}") from None
    ours, theirs = recordings
    comparison = wirediff.compare(ours.events, theirs.events)
    sys.stdout.write(wirediff.render(comparison, args.ours, args.theirs))
    return 0 if comparison.same else 1


# ----- the hooks minilit.cli calls ----------------------------------------------------


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    """Set up the arguments of ``minilit inspect``, ``trace``, ``proxy`` or ``diff``."""
    arguments = {
        "inspect": _inspect_arguments,
        "trace": _trace_arguments,
        "proxy": _proxy_arguments,
        "diff": _diff_arguments,
    }
    arguments[name](parser)


def run(name: str, args: argparse.Namespace, flags: dict[str, str], script_args: list[str]) -> int:
    """Run ``minilit inspect``, ``trace``, ``proxy`` or ``diff``."""
    commands = {
        "inspect": _cmd_inspect,
        "trace": _cmd_trace,
        "proxy": _cmd_proxy,
        "diff": _cmd_diff,
    }
    return commands[name](args, flags, script_args)
