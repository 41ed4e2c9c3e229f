"""Tracing overhead: rerun round trips with tracing off and on. Prints a table.

Not a test: run ``python bench/bench_trace.py`` and compare with the budget in
the README (Tests and speed): with tracing on, rerun latency grows by <= 10%.

Like bench/bench_spine.py, the server runs in its own process (``python -m
minilit run --inspect``, one per app) and this process is the browser (a plain
websocket client on loopback, one session per app). Observers come and go while
the server stays, block by block:

    off           nobody attached: the bus has no subscriber, so every hop is
                  the one check it makes when tracing is off (``minilit run``
                  without --inspect runs the same code)
    off, twin     the same again, in its own blocks: the noise control. Its
                  "x off" is what two identical configurations differ by on
                  this machine in this many blocks; read the others against it
    on, consumer  a headless trace consumer attached, in a process of its own
                  (reads every event of /_minilit/trace and hands it through
                  ``inspector.sources.deliver``, the inspector's decode path:
                  binary batches decoded and described; the inspector without
                  its model and UI; at the lower CPU priority every observer
                  takes, inspector.launch.yield_cpu)
    on, inspector the real Textual inspector, headless, attached

A round runs one block of each configuration, in a shuffled order; a block
is a few warm-up reruns and then ``--n`` timed ones (a third as many, at least
30, for apps other than the counter, whose reruns are longer). With the default
10 rounds the error of a median is itself coarse: raise ``--rounds`` to
compare two figures closer than it. "x off" is the median,
over the rounds, of a block's median divided by the median of the round's
"off" block, and ``±`` its standard error by bootstrap over the rounds. One
server process for everything matters: fresh processes differ from each
other by as much as the budget (memory layout, which core they land on), and
a figure that compares two of them measures that. Yet one fresh server is
one draw of those: on a busy two-core machine two runs of this bench moved
the 200-text ratio from 1.04x to 1.23x while each printed an error of about
0.05. ``--servers K`` shares the rounds out among K server processes, one
after the other (each round's ratios are still taken inside one server), and
the ``±`` then draws servers, then rounds within them, so that it includes
how much fresh servers differ.

``--against CHECKOUT`` runs a second server per app from another checkout
(a git worktree of another commit, say) and interleaves its blocks with this
one's, each build's "x off" against its own "off" blocks. Between two runs of
this bench the ratios move by more than their errors on a busy two-core
machine; within one run the two builds share whatever the machine is doing,
so an A/B like this is what can tell a change of a few percent. Each build's
observers come from its own checkout (its bench/bench_trace.py and its
inspector), so the two may speak different trace protocols.

By default reruns go back to back (the worst case: the trace of one rerun is
serialized while the next one runs); ``--pace 0.05`` leaves 50 ms between
reruns, as an interactive user always does, so that work falls in the gaps.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import websockets
from benchlib import child_env, cpu_seconds, median_and_error, minilit_server, pct

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg

APPS = Path(__file__).resolve().parent / "apps"
RERUN = BackMsg(rerun_script={}).SerializeToString()
CONFIGS = ("off", "off, twin", "on, consumer", "on, inspector")


@contextmanager
def observer(
    port: int, token: str, config: str, encoding: str, tree: Path | None = None
) -> Iterator[None]:
    """The trace client of ``config`` attached for the duration (none for "off"); from
    the checkout ``tree`` if given (the one its server runs, whose protocol it speaks)."""
    if not config.startswith("on"):
        yield
        return
    mode = "inspector" if config == "on, inspector" else "protocol"
    if mode == "protocol" and encoding == "json":
        mode = "json"
    script = Path(__file__) if tree is None else tree / "bench" / "bench_trace.py"
    proc = subprocess.Popen(
        [sys.executable, str(script), "--sink", str(port), token, mode],
        stdout=subprocess.PIPE,
        env=child_env(tree),
        cwd=tree,
    )
    try:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != b"attached":
            raise RuntimeError("the trace client did not attach")
        settle(proc.pid)
        yield
    finally:
        proc.terminate()
        proc.wait(10)
        # The server sees the close and unsubscribes (on its next loop turn); the
        # next block's warm-up reruns would absorb a late one.
        time.sleep(0.3)


def settle(pid: int, timeout: float = 15.0) -> None:
    """Wait until a just-started observer is idle (the inspector takes a second or
    two to build its screens): its start-up is not what a rerun costs.

    Raises:
        RuntimeError: it was still busy after ``timeout`` seconds (its start-up
            would fall into the timed block).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(0.25)
        if cpu_seconds(pid) - before < 0.01:
            return
    raise RuntimeError(f"the observer (pid {pid}) did not go idle within {timeout} s")


async def one_rerun(ws: websockets.ClientConnection) -> float:
    start = time.perf_counter()
    await ws.send(RERUN)
    while True:
        msg = ForwardMsg.FromString(await ws.recv(decode=False))
        if msg.WhichOneof("type") == "script_finished":
            elapsed = (time.perf_counter() - start) * 1000
            await ws.recv(decode=False)  # the trailing not-running status
            return elapsed


async def block(ws: websockets.ClientConnection, n: int, pace: float = 0.0) -> list[float]:
    """``n`` reruns, ``pace`` seconds of idle before each; their times."""
    times = []
    for _ in range(n):
        if pace:
            await asyncio.sleep(pace)
        times.append(await one_rerun(ws))
    return times


# ----- the trace client process -------------------------------------------------------


def sink(port: int, token: str, mode: str) -> None:
    """Attach to the trace channel and consume everything until killed.

    ``mode``: ``inspector``, ``protocol`` (binary batches, as the inspector
    reads them) or ``json`` (JSON text, as other tools read them).
    """
    if mode == "inspector":
        from inspector.app import InspectorApp
        from inspector.launch import yield_cpu
        from inspector.sources import LiveSource

        yield_cpu()  # as ``minilit inspect`` does (run_inspector)

        app = InspectorApp(LiveSource(f"http://127.0.0.1:{port}", token))
        # Say "attached" once the hello arrived. (Patched on the instance, not by
        # subclassing: Textual looks for CSS_PATH beside the subclass's file.)
        on_hello = app.on_hello

        def attached(hello: dict[str, object]) -> None:
            on_hello(hello)
            print("attached", flush=True)

        setattr(app, "on_hello", attached)  # noqa: B010 - an instance attribute on purpose
        app.run(headless=True)
        return

    from inspector.launch import yield_cpu
    from inspector.sources import connect, deliver

    yield_cpu()  # as ``minilit trace --attach`` and ``minilit inspect`` do

    class NullSink:
        """Takes every message as the inspector's app would, and keeps nothing."""

        def on_hello(self, hello: object) -> None: ...
        def on_events(self, events: object, dropped: int) -> None: ...
        def on_gate(self, gate: object) -> None: ...
        def on_source(self, path: str, text: str) -> None: ...
        def on_reply(self, reply: object) -> None: ...
        def on_closed(self, reason: str) -> None: ...

    async def consume() -> None:
        encoding = "json" if mode == "json" else "marshal"
        conn = await connect(f"http://127.0.0.1:{port}", token, encoding=encoding)
        print("attached", flush=True)
        sink = NullSink()
        while True:
            message = await conn.read_message()
            if message is None:
                return
            await deliver(sink, message)  # the inspector's one decode path

    asyncio.run(consume())


def ratio_and_error(
    blocks: list[list[float]], base: list[list[float]], groups: list[int]
) -> tuple[float, float]:
    """The median over rounds of median(block) / median(the round's off block), and its
    standard error, the rounds grouped by the server process they ran on."""
    pairs = zip(blocks, base, strict=True)
    ratios = [statistics.median(b) / statistics.median(o) for b, o in pairs]
    return median_and_error(ratios, groups)


Results = dict[tuple[str, str], tuple[list[list[float]], list[float]]]
"""Per (build, configuration): each round's block of rerun times, and each block's
server CPU in ms per rerun."""


@dataclass(frozen=True)
class Plan:
    """What every block of one app's rounds shares."""

    app: Path
    n: int
    """Timed reruns per block."""
    pace: float
    """Seconds of idle before each rerun (0: back to back)."""
    encoding: str
    """How the headless consumer asks for events."""
    builds: dict[str, Path | None]
    """Build name -> checkout (``None`` for this one)."""


async def bench_app(plan: Plan, rounds: int, servers: int = 1) -> tuple[Results, list[int]]:
    """Run the rounds for one app against one server per build: a round is one
    block of each configuration on each build, all shuffled together, so that
    two builds meet the same machine.

    With ``servers`` above 1 the rounds are shared out among that many server
    processes per build, started one after the other. Returns the results and,
    for each round, which of them it ran on.
    """
    results: Results = {(b, c): ([], []) for b in plan.builds for c in CONFIGS}
    groups: list[int] = []
    rng = random.Random(0)
    for group in range(servers):
        share = rounds // servers + (1 if group < rounds % servers else 0)
        if not share:
            continue
        await run_rounds(plan, share, rng, results)
        groups += [group] * share
    return results, groups


async def run_rounds(plan: Plan, rounds: int, rng: random.Random, results: Results) -> None:
    """``rounds`` rounds on fresh servers (one per build), added to ``results``."""
    builds = plan.builds
    with contextlib.ExitStack() as stack:
        servers = {}
        for build, tree in builds.items():
            port, pid, token = stack.enter_context(minilit_server(plan.app, tree=tree))
            url = f"ws://127.0.0.1:{port}/_stcore/stream"
            ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None)  # type: ignore[list-item]
            servers[build] = (port, pid, token, ws)
            await block(ws, 20)  # warm-up
        try:
            for _ in range(rounds):
                order = [(b, c) for b in builds for c in CONFIGS]
                rng.shuffle(order)
                for build, config in order:
                    port, pid, token, ws = servers[build]
                    with observer(port, token, config, plan.encoding, builds[build]):
                        await block(ws, 5)  # warm-up
                        before = cpu_seconds(pid)
                        times = await block(ws, plan.n, plan.pace)
                        cpu = (cpu_seconds(pid) - before) * 1000 / plan.n
                    results[(build, config)][0].append(times)
                    results[(build, config)][1].append(cpu)
        finally:
            for *_, ws in servers.values():
                await ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="timed reruns per block")
    parser.add_argument("--rounds", type=int, default=10, help="rounds (a block of each config)")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.0,
        help="seconds of idle between reruns (0: back to back, the worst case; a person "
        "clicking leaves far more)",
    )
    parser.add_argument(
        "--consumer-encoding",
        choices=("marshal", "json"),
        default="marshal",
        help="how the headless consumer asks for events (the inspector always uses marshal)",
    )
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="share the rounds out among this many server processes per app, one after "
        "the other, so that the error includes how much fresh servers differ",
    )
    parser.add_argument(
        "--apps", default="counter.py,many_texts.py", help="comma-separated apps in bench/apps"
    )
    parser.add_argument(
        "--against",
        type=Path,
        metavar="CHECKOUT",
        help="also run every block on a server from another checkout of minilit (e.g. a "
        "git worktree of another commit), interleaved with this one's: an A/B in one run",
    )
    parser.add_argument(
        "--sink", nargs=3, metavar=("PORT", "TOKEN", "MODE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.sink:
        sink(int(args.sink[0]), args.sink[1], args.sink[2])
        return

    if not 1 <= args.servers <= args.rounds:
        parser.error(f"--servers must be between 1 and --rounds ({args.rounds})")
    builds: dict[str, Path | None] = {"this": None}
    if args.against:
        if not (args.against / "minilit" / "__init__.py").is_file():
            parser.error(f"--against: {args.against} is not a checkout of minilit")
        builds["against"] = args.against.resolve()
    load_before = os.getloadavg()
    build_column = f"{'build':<8} " if args.against else ""
    print(
        f"{'app':<14} {build_column}{'tracing':<14} {'median ms':>10} {'p90 ms':>8}"
        f" {'x off':>13} {'server CPU ms/rerun':>20}"
    )
    for app in [a for a in args.apps.split(",") if a]:
        n = args.n if app == "counter.py" else max(30, args.n // 3)
        plan = Plan(APPS / app, n, args.pace, args.consumer_encoding, builds)
        results, groups = asyncio.run(bench_app(plan, args.rounds, args.servers))
        for build in builds:
            base = results[(build, "off")][0]  # each build against its own "off"
            for config in CONFIGS:
                blocks, cpu = results[(build, config)]
                pooled = [t for b in blocks for t in b]
                ratio = ""
                if config != "off":
                    value, error = ratio_and_error(blocks, base, groups)
                    ratio = f"{value:.3f}x ±{error:.3f}"
                label = f"{build:<8} " if args.against else ""
                print(
                    f"{app:<14} {label}{config:<14} {statistics.median(pooled):>10.3f} "
                    f"{pct(pooled, 0.9):>8.3f} {ratio:>13} {statistics.median(cpu):>20.2f}",
                    flush=True,
                )
    load_after = os.getloadavg()
    servers_text = (
        "one server per app"
        if args.servers == 1
        else f"{args.servers} servers per app one after the other"
    )
    print(
        f"{args.rounds} rounds of shuffled blocks, {servers_text}, pace {args.pace} s, "
        f"consumer encoding {args.consumer_encoding}; server CPU from /proc (user+system)"
    )
    print(
        "load average (1, 5, 15 min): before "
        + " ".join(f"{x:.2f}" for x in load_before)
        + ", after "
        + " ".join(f"{x:.2f}" for x in load_after)
    )
    print("budget: 'on, consumer' and 'on, inspector' at most 1.10x 'off' (median)")


if __name__ == "__main__":
    main()
