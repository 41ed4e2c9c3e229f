"""``minilit inspect --proxy TARGET_URL``: the decoding proxy as a child, and the inspector.

Not in Streamlit. As ``minilit inspect APP.py`` starts ``minilit run APP.py
--inspect`` in a child process (inspector/launch.py), this starts ``minilit
proxy TARGET_URL --inspect`` on a free loopback port (or ``--server.port``),
waits for its trace URL, and attaches the inspector to it. The proxy lives in
its own process so that the terminal UI never slows the frames it relays;
its output (one line per problem) lands in the inspector's Log pane.

Receives: the ``minilit inspect --proxy`` command line (inspector/cli.py).
Hands to: inspector/launch.py's ``run_inspector`` with a live source.
"""

from __future__ import annotations

import sys
from pathlib import Path

from inspector.launch import LaunchError, ServerProcess, run_inspector
from inspector.proxy.target import TargetError, parse_target
from inspector.sources import LiveSource
from minilit.cli import UsageError
from minilit.testing.ports import free_port


class ProxyProcess(ServerProcess):
    """``minilit proxy TARGET_URL --inspect`` as a child process."""

    def __init__(self, target_url: str, flags: dict[str, str] | None = None) -> None:
        super().__init__(Path(target_url), flags)
        self.target_url = target_url
        self.flags.setdefault("server.port", str(free_port()))

    def command(self) -> list[str]:
        args = [sys.executable, "-m", "minilit", "proxy", self.target_url, "--inspect"]
        args += ["--server.traceToken", self.token]
        for key, value in self.flags.items():
            args += [f"--{key}", value]
        return args


def inspect_proxy(
    target_url: str, record: Path | None, flags: dict[str, str], open_browser: bool = True
) -> int:
    """Start the proxy in front of ``target_url``, attach the inspector, show."""
    try:
        base = parse_target(target_url).base
    except TargetError as exc:
        raise UsageError(str(exc)) from None
    proxy = ProxyProcess(target_url, flags)
    try:
        proxy.start()
    except LaunchError as exc:
        print(f"minilit inspect: {exc}", file=sys.stderr)
        return 1
    print(f"  App (through the proxy): {proxy.app_url}{base}", flush=True)
    source = LiveSource(proxy.app_url, proxy.token)
    return run_inspector(source, record, proxy, open_browser)
