"""The trace channel: ``/_minilit/trace``, where the inspector attaches.

Not in Streamlit. Modelled on ``textual console`` (reference/
inspector-anchors.md B5): the app streams structured events over a loopback
socket to a separate process. The protocol is documented in
inspector.channel.protocol; this module is the server side of it.

It is off unless asked for (``server.enableTrace``, which ``minilit run
--inspect`` and ``minilit inspect`` set), and guarded three ways:

1. **Loopback only.** The server refuses to start with tracing on unless it
   is bound to a loopback address (Note [Trace binding]), and every request
   from a non-loopback peer is refused as well.
2. **A token.** A random one per server start (``secrets.token_hex``: no
   leading "-" that a command line would take for an option),
   or ``server.traceToken``. Compared in constant time.
3. **No browsers.** A request carrying an ``Origin`` header comes from a web
   page; it is refused, so no site you visit can reach the channel
   (cross-site websocket hijacking, DNS rebinding).

A refusal is an HTTP 403 before the websocket upgrade, whose body and
``X-Minilit-Trace-Refused`` header state the reason, and a
``security.trace.rejected`` event for the inspector's security panel.

Receives: events from minilit.trace.bus (one bounded subscriber per attached
inspector) and commands from the inspector. Hands to: the inspector (JSON
text frames, or binary event batches for a client that asks, Note [Binary
batches] in protocol.py) and inspector.channel.stepper (pause, step, hold...).

Note [Trace binding]
    Streamlit binds all interfaces by default, and so does minilit. A trace
    channel on all interfaces would offer anyone on the network the frames
    of every session and a way to pause scripts. So ``install_trace``
    refuses any ``server.address`` that is not loopback, and ``--inspect``
    sets ``server.address`` to 127.0.0.1 unless you set it yourself.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import logging
import secrets
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import tornado.httputil
import tornado.websocket

from inspector.channel.filters import FilterError
from inspector.channel.protocol import (
    ENCODINGS,
    PROTOCOL_VERSION,
    dumps,
    entries_batch,
    events_message,
    parse_command,
)
from inspector.channel.recording import source_line
from inspector.channel.stepper import STEPPER, StepperError
from minilit.config import ConfigError
from minilit.trace import events as ev
from minilit.trace.bus import BUS, Subscriber
from minilit.version import __version__

if TYPE_CHECKING:
    from minilit.server.server import Server

_LOGGER = logging.getLogger(__name__)

TRACE_PATH = "/_minilit/trace"
SUBSCRIBER_MAXSIZE = 100_000
"""Undelivered events kept per inspector before new ones are dropped (and counted)."""
BATCH = 250
"""Events per ``events`` message: between two, the pump looks again whether
the server got busy (a binary batch of 250 takes the IOLoop well under 1 ms)."""
POLL_INTERVAL = 0.02
"""Seconds between looks at the subscriber while events wait (Note [Idle-time sending])."""
MAX_DELAY = 0.25
"""Longest an event waits while a run is in flight: a long-running script
still streams to the inspector, four times a second."""
MAX_DELAY_NS = int(MAX_DELAY * 1e9)
SETTLE_YIELDS = 3
"""Event-loop turns the pump gives away before it starts (Note [Idle-time sending])."""
REFUSED_HEADER = "X-Minilit-Trace-Refused"


class TraceConfigError(ConfigError):
    """Tracing cannot start with this configuration (the message says how to fix it).

    A ConfigError, so ``minilit run`` prints it as one line (exit status 2).
    """


def is_loopback(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8, ``::1`` and IPv4-mapped loopback."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


class Observed(Protocol):
    """What the channel reads of the server it serves: a minilit Server, or the
    decoding proxy (inspector/proxy/server.py), whose script is in another
    process (``main_script_path`` is then ``""``)."""

    port: int
    main_script_path: str


PROXY_NO_STEP = (
    "stepping by script line is unavailable on a proxy: the script runs inside the real "
    "Streamlit server, which cannot be paused from outside; hold frames instead"
)
LINE_STEP_COMMANDS = frozenset({"pause", "step", "finish", "continue", "break", "source"})
"""Commands that reach into the script (refused on a proxy, with PROXY_NO_STEP)."""


class TraceChannel:
    """One server's trace endpoint: its token, its attached inspectors.

    Made by ``install_trace`` (or by the decoding proxy, with ``proxy_target``
    set: its hello says so, and only frame holding works there); the route's
    handler calls ``refusal``, ``attach`` and ``detach``.
    """

    def __init__(self, server: Observed, token: str, proxy_target: str = "") -> None:
        self.server = server
        self.token = token
        self.proxy_target = proxy_target
        self.clients: set[TraceSocketHandler] = set()

    @property
    def url(self) -> str:
        """The websocket URL an inspector connects to (without the token)."""
        return f"ws://127.0.0.1:{self.server.port}{TRACE_PATH}"

    def banner(self) -> str:
        """What ``minilit run --inspect`` prints after the app URL."""
        return (
            f"  Trace URL: {self.url}\n"
            f"  Attach the inspector with:\n"
            f"    minilit inspect --attach http://127.0.0.1:{self.server.port} "
            f"--token {self.token}\n"
        )

    def refusal(self, request: tornado.httputil.HTTPServerRequest) -> str:
        """Why this request may not attach ("" if it may)."""
        peer = request.remote_ip or ""
        if not is_loopback(peer):
            return f"the trace channel accepts loopback connections only (peer {peer})"
        if request.headers.get("Origin"):
            return "the trace channel does not accept requests from web pages (Origin header)"
        given = ""
        tokens = request.query_arguments.get("token")
        if tokens:
            given = tokens[-1].decode("utf-8", "replace")
        auth = request.headers.get("Authorization", "")
        if not given and auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given:
            return "missing token (pass ?token=... or an Authorization: Bearer header)"
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return "wrong token"
        encoding = encoding_of(request)
        if encoding not in ENCODINGS:
            return f"unknown encoding {encoding!r} (expected one of {', '.join(ENCODINGS)})"
        return ""

    def attach(self, client: TraceSocketHandler) -> None:
        if not _CHANNELS_WITH_CLIENTS:
            STEPPER.on_change = _broadcast_gate
            STEPPER.attach()
        self.clients.add(client)
        _CHANNELS_WITH_CLIENTS.add(self)

    def detach(self, client: TraceSocketHandler) -> None:
        self.clients.discard(client)
        if not self.clients:
            _CHANNELS_WITH_CLIENTS.discard(self)
        if not _CHANNELS_WITH_CLIENTS:
            STEPPER.detach()  # no inspector left: nothing may stay paused or held

    def hello(self, encoding: str = "json") -> dict[str, Any]:
        return {
            "type": "hello",
            "protocol": PROTOCOL_VERSION,
            "minilit": __version__,
            "script_path": self.server.main_script_path,
            "app_url": f"http://127.0.0.1:{self.server.port}",
            "encoding": encoding,
            "gate": STEPPER.state(),
            **({"proxy": self.proxy_target, "no_step": PROXY_NO_STEP} if self.proxy_target else {}),
        }


def encoding_of(request: tornado.httputil.HTTPServerRequest) -> str:
    """The ``encoding`` a trace client asked for (``json`` if none)."""
    values = request.query_arguments.get("encoding")
    return values[-1].decode("utf-8", "replace") if values else "json"


_CHANNELS_WITH_CLIENTS: set[TraceChannel] = set()


def _broadcast_gate() -> None:
    """Stepper on_change: tell every inspector (hops to each IOLoop; any thread)."""
    for channel in list(_CHANNELS_WITH_CLIENTS):
        for client in list(channel.clients):
            client.gate_changed()


class TraceSocketHandler(tornado.websocket.WebSocketHandler):
    """One attached inspector: streams events, takes commands."""

    def initialize(self, channel: TraceChannel) -> None:
        self.channel = channel
        self._subscriber: Subscriber | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._armed = False
        """A look at the subscriber is scheduled, or about to be (read by any thread)."""
        self._binary = False
        self._gate_pending = False
        self._pumping = False
        self._pump_task: asyncio.Future[None] | None = None

    async def get(self, *args: Any, **kwargs: Any) -> None:
        """Refuse before the upgrade when the request may not attach."""
        reason = self.channel.refusal(self.request)
        if reason:
            _LOGGER.warning("Trace channel refused %s: %s", self.request.remote_ip, reason)
            BUS.publish(ev.TRACE_REJECTED, reason=reason, peer=self.request.remote_ip or "")
            self.set_status(403)
            self.set_header(REFUSED_HEADER, reason)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish(f"minilit trace channel: {reason}\n")
            return
        await super().get(*args, **kwargs)

    def check_origin(self, origin: str) -> bool:
        return False  # unreachable: requests with an Origin are refused in get()

    def open(self, *args: Any, **kwargs: Any) -> None:
        self._loop = asyncio.get_running_loop()
        encoding = encoding_of(self.request)
        self._binary = encoding == "marshal"
        self.channel.attach(self)
        BUS.publish(ev.TRACE_ACCEPTED, peer=self.request.remote_ip or "")
        self.write_message(dumps(self.channel.hello(encoding)))
        if self.channel.server.main_script_path:  # none behind a proxy
            self._send_source(self.channel.server.main_script_path)
        self._subscriber = BUS.subscribe(SUBSCRIBER_MAXSIZE, wake=self._wake)

    def on_close(self) -> None:
        if self._subscriber is not None:
            BUS.unsubscribe(self._subscriber)
            self._subscriber = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.channel.detach(self)

    # --- events out ------------------------------------------------------------

    def _wake(self) -> None:
        """Subscriber wake (the publishing thread, bus lock held; must not block).

        Called when an event lands in an empty buffer. The first event after
        a quiet spell arms the timer; one that finds the buffer just emptied
        by a running pump costs one attribute check (the pump looks again
        before it sleeps, ``_disarm``).
        """
        if not self._armed:
            self._armed = True
            loop = self._loop
            if loop is not None:
                with contextlib.suppress(RuntimeError):  # the server's loop has closed
                    loop.call_soon_threadsafe(self._schedule_tick)

    def _schedule_tick(self) -> None:
        """Look at the subscriber in POLL_INTERVAL (IOLoop thread)."""
        if self._timer is None and self._subscriber is not None and self._loop is not None:
            self._timer = self._loop.call_later(POLL_INTERVAL, self._tick)

    def _disarm(self) -> None:
        """Nothing left to look at: sleep until an event wakes us (IOLoop thread)."""
        self._armed = False
        sub = self._subscriber
        # An event appended before ``_armed`` was cleared did not wake us: look
        # again. (The first one appended after the look finds the buffer
        # empty, so it wakes us, and _wake sees False.)
        if sub is not None and len(sub):
            self._armed = True
            self._schedule_tick()

    def _tick(self) -> None:
        """POLL_INTERVAL after an event arrived: send waiting events if the server is idle.

        Note [Idle-time sending]: encoding and writing events costs the
        IOLoop thread, the one that also sends the browser its frames. So
        the trace channel works when the server has nothing else to do: no
        script run in flight (``BUS.runs_in_flight``, Note [Runs in flight]
        in minilit/trace/bus.py) and no frame waiting to be flushed. While
        a run is in flight its events wait, at most MAX_DELAY (then they go
        anyway, so a long-running script still streams). A script paused by
        the stepper is not busy: it waits for the inspector, which must see
        why. The pump gives the loop a few turns before it starts
        (SETTLE_YIELDS), so that the last frames of a run that just
        finished (handed over from the script thread, then flushed) go out
        first, and it looks again between batches. With people clicking,
        reruns are tens of milliseconds apart, and the trace travels in the
        gaps (bench/bench_trace.py --pace).

        Nothing polls an idle server: the first event after a quiet spell
        wakes the channel (``_wake``, one ``call_soon_threadsafe``), which
        then looks every POLL_INTERVAL while events wait, and sleeps again
        once they are sent. (A 50 Hz timer that always runs costs the
        server's process about 17 ms of CPU a second on a busy two-core
        machine: time its neighbours, the browser among them, would pay.)
        """
        self._timer = None
        sub = self._subscriber
        if sub is None or self._pumping:
            return  # closed; or the running pump disarms or re-arms when done
        if not len(sub):
            self._disarm()
            return
        if self._busy() and not self._overdue(sub):
            self._schedule_tick()
            return
        self._pumping = True
        self._pump_task = asyncio.ensure_future(self._pump())

    @staticmethod
    def _busy() -> bool:
        """A script run is in flight and not paused by the stepper."""
        if not BUS.runs_in_flight:
            return False
        return not STEPPER.has_paused()

    @staticmethod
    def _overdue(sub: Subscriber) -> bool:
        oldest = sub.oldest_t_ns()
        return bool(oldest) and time.monotonic_ns() - oldest >= MAX_DELAY_NS

    async def _pump(self) -> None:
        """Send what the subscriber holds, BATCH events per message, waiting for
        each write (backpressure: while we wait, new events collect in the
        bounded subscriber). Stops when the server got busy again, unless
        events are overdue: then everything waiting goes in one go, so that a
        busy server is interrupted once per MAX_DELAY rather than on every
        tick (Note [Idle-time sending])."""
        try:
            for _ in range(SETTLE_YIELDS):
                await asyncio.sleep(0)
            backlog = 0  # events still to send although the server is busy
            while (sub := self._subscriber) is not None:
                if backlog <= 0 and self._busy():
                    if not self._overdue(sub):
                        break  # a run started meanwhile: the next idle tick goes on
                    backlog = len(sub)
                if self._binary:
                    # Rows and blocks, no TraceEvent built (Note [Hot hops] in bus.py).
                    entries = sub.drain_entries(BATCH)
                    if not entries:
                        break
                    backlog -= sum(len(e[1]) if len(e) == 2 else 1 for e in entries)
                    await self.write_message(entries_batch(entries, sub.dropped), binary=True)
                else:
                    batch = sub.drain(BATCH)
                    if not batch:
                        break
                    backlog -= len(batch)
                    await self.write_message(events_message(batch, sub.dropped))
        except tornado.websocket.WebSocketClosedError:
            pass
        finally:
            self._pumping = False
            self._disarm()

    def gate_changed(self) -> None:
        """Stepper state changed (any thread): send one ``gate`` message soon."""
        if not self._gate_pending and self._loop is not None:
            self._gate_pending = True
            self._loop.call_soon_threadsafe(self._send_gate)

    def _send_gate(self) -> None:
        self._gate_pending = False
        self._write({"type": "gate", **STEPPER.state()})

    def _write(self, message: dict[str, Any]) -> None:
        with contextlib.suppress(tornado.websocket.WebSocketClosedError):
            self.write_message(dumps(message))

    def _send_source(self, path: str) -> None:
        allowed = {self.channel.server.main_script_path}
        if path not in allowed:
            raise StepperError(f"only the app's script is served, not {path!r}")
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise StepperError(f"cannot read {path}: {exc.strerror}") from None
        self._write(source_line(path, text))

    # --- commands in -----------------------------------------------------------

    def on_message(self, message: str | bytes) -> None:
        if isinstance(message, bytes):
            self._write({"type": "reply", "ok": False, "error": "commands are JSON text"})
            return
        cmd_id: Any = None
        try:
            cmd = parse_command(message)
            cmd_id = cmd.get("id")
            self._run_command(cmd)
        except (ValueError, StepperError) as exc:  # FilterError is a ValueError
            self._write({"type": "reply", "id": cmd_id, "ok": False, "error": str(exc)})
            return
        self._write({"type": "reply", "id": cmd_id, "ok": True})

    def _run_command(self, cmd: dict[str, Any]) -> None:
        name = cmd["cmd"]
        session_id = str(cmd.get("session_id", ""))
        if self.channel.proxy_target and name in LINE_STEP_COMMANDS:
            raise StepperError(PROXY_NO_STEP)
        if name == "pause":
            STEPPER.pause()
        elif name == "step":
            STEPPER.step(session_id)
        elif name == "finish":
            STEPPER.finish(session_id)
        elif name == "continue":
            STEPPER.resume()
        elif name == "break":
            if cmd.get("clear"):
                STEPPER.clear_breakpoints()
            elif "add" in cmd:
                STEPPER.add_breakpoint(str(cmd["add"]))
            elif "remove" in cmd:
                STEPPER.remove_breakpoint(str(cmd["remove"]))
            else:
                raise FilterError("break needs add, remove or clear")
        elif name == "hold":
            STEPPER.set_hold(bool(cmd.get("on", True)), str(cmd.get("match", "")))
        elif name == "release":
            STEPPER.release(int(cmd.get("count", 1)), all_frames=bool(cmd.get("all")))
        elif name == "drop":
            STEPPER.drop(int(cmd.get("count", 1)), all_frames=bool(cmd.get("all")))
        elif name == "source":
            self._send_source(str(cmd.get("path", self.channel.server.main_script_path)))


def install_trace(server: Server) -> TraceChannel:
    """Add ``/_minilit/trace`` to ``server`` (call before it starts).

    Raises:
        TraceConfigError: when the server would listen on a non-loopback
            address (Note [Trace binding]).
    """
    address = str(server.config.get("server.address"))
    if not is_loopback(address):
        shown = address or "all interfaces"
        raise TraceConfigError(
            f"the trace channel is loopback-only, but server.address is {shown!r}; "
            "use --server.address 127.0.0.1 (or turn tracing off)"
        )
    token = str(server.config.get("server.traceToken")) or secrets.token_hex(20)
    channel = TraceChannel(server, token)
    server.extra_routes.append((TRACE_PATH, TraceSocketHandler, {"channel": channel}))
    server.config.set("server.enableTrace", True, "install_trace")
    _CHANNELS[server] = channel
    return channel


_CHANNELS: weakref.WeakKeyDictionary[Server, TraceChannel] = weakref.WeakKeyDictionary()
"""The channel installed on each server (the core Server does not know of it)."""


def channel_of(server: Server) -> TraceChannel | None:
    """The trace channel ``install_trace`` added to ``server``, if any."""
    return _CHANNELS.get(server)
