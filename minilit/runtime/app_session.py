"""AppSession: one browser tab's session, and the translator of its BackMsgs.

Mirrors: streamlit/runtime/app_session.py (AppSession). Simplified: the file
watcher belongs to the Runtime (minilit/watcher.py),
no pages. Uploads and media are process-wide managers (runtime/uploaded_file_manager.py,
runtime/media_file_manager.py) that the session asks for upload URLs and tells when it
ends, rather than Runtime-owned objects handed to each session.

Receives: BackMsgs from runtime/runtime.py (``handle_backmsg``, IOLoop
thread); ScriptRunner events from the script thread through the one hand-off
function ``_on_scriptrunner_event``.
Hands to: its ForwardMsgQueue, which runtime/runtime.py flushes to the socket.

Every method here runs on the IOLoop thread, except ``_on_scriptrunner_event``
(see Note [Threading] in scriptrunner/script_runner.py).

Note [Thread bound]
    With fast reruns a rerun tells the running thread to stop and starts a new
    one at once; the old thread lives on until its next checkpoint. A script in
    ``time.sleep(5)`` has none for five seconds, so before this bound one
    client sending 300 reruns made 300 threads. Now a session counts its
    *superseded* runners (told to stop, thread not yet ended: their SHUTDOWN
    event has not arrived) and never has more than ``runner.maxScriptThreads``
    threads alive, the current one included. A rerun that would exceed it
    *waits*: it is kept as ``_waiting_rerun``, later requests are coalesced
    into it (coalesce_rerun_data keeps a button click), and it starts as soon
    as a superseded thread ends. Waiting rather than refusing, because the
    newest widget values must still run; coalescing rather than queueing,
    because only the newest run matters and a queue would be one more
    unbounded thing. The price: a script that never reaches a checkpoint
    (``while True: pass``) pins its threads, and after ``maxScriptThreads - 1``
    reruns the session runs nothing more; before, each rerun added another
    spinning thread. The wait is traced as ``session.rerun.coalesced`` with a
    ``waiting_for_threads`` field. Streamlit has no such bound.

    The same waiting rerun also paces a session's threads in time. Starting a
    thread blocks the IOLoop for about a millisecond (``Thread.start`` waits
    for the new thread, which must win the GIL), so a client sending reruns
    as fast as it could made everyone else wait. Now a rerun that arrives
    before the current runner has begun its run is merged into that run
    (``coalesce_if_pending``: it has sent nothing yet), and one that arrives
    within ``_MIN_RERUN_INTERVAL`` (10 ms) of the current run's start waits
    for the rest of it (``session.rerun.coalesced`` with ``held_ms``). At
    most 100 new threads a second per session, whatever the client sends;
    bench/bench_flood.py measures the effect on other sessions.

Note [Superseded runs]
    What the browser hears when a rerun request replaces a run in progress is
    Streamlit 1.67's: nothing about the old run, only the next ``new_session``.
    No ``script_finished`` for the old run and no ``session_status_changed``
    either, because the session never stopped running; measured on 1.67 with
    lesson 05's loop_app.py: ``new_session, session_status_changed(running),
    tick 0..3, new_session, tick 0..199, script_finished(0),
    session_status_changed(not running)``. (1.67 gets there by ignoring every
    event of a runner that is no longer the session's; minilit does the same
    and keeps ``_reported_running``, what the browser was last told, so a
    status goes out only when it changes.) ``FINISHED_EARLY_FOR_RERUN`` is
    sent when the *same* runner goes on with a new run: st.rerun(), or any
    rerun with ``runner.fastReruns`` off; it is followed by not-running, then
    by the new run's ``new_session`` and running, as in 1.67.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minilit.config import Config
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.proto.NewSession_pb2 import Config as ClientConfig
from minilit.runtime.caching import clear_all_caches
from minilit.runtime.forward_msg_queue import ForwardMsgQueue
from minilit.runtime.fragment import FragmentStorage
from minilit.runtime.media_file_manager import MEDIA_FILES
from minilit.runtime.state.session_state import SessionState
from minilit.runtime.uploaded_file_manager import UPLOADED_FILES
from minilit.scriptrunner.script_requests import RerunData, coalesce_rerun_data
from minilit.scriptrunner.script_runner import (
    ScriptCache,
    ScriptRunner,
    ScriptRunnerEvent,
    page_script_hash,
)
from minilit.trace import events
from minilit.trace.bus import BUS
from minilit.version import __version__

_LOGGER = logging.getLogger(__name__)

_MIN_RERUN_INTERVAL = 0.01
"""Seconds: a rerun this soon after the current run's start waits for the rest
(Note [Thread bound]). Nobody clicks twice in 10 ms; a flooding client does."""


class AppSession:
    """One session: its state, its message queue and its current script run.

    Args:
        main_script_path: Absolute path of the script every run executes.
        config: The server's options.
        script_cache: Compiled code shared by all sessions.
        on_enqueued: Called after a message is queued (wakes the flush loop).
    """

    def __init__(
        self,
        main_script_path: str,
        config: Config,
        script_cache: ScriptCache,
        on_enqueued: Callable[[], None],
    ) -> None:
        self.id = str(uuid.uuid4())
        self._main_script_path = main_script_path
        self._config = config
        self._script_cache = script_cache
        self._on_enqueued = on_enqueued
        self._event_loop = asyncio.get_running_loop()
        self._browser_queue = ForwardMsgQueue(self.id)
        self.session_state = SessionState()
        """Values that survive reruns (st.session_state, widget values)."""
        self.fragment_storage = FragmentStorage()
        """This session's st.fragment closures (runtime/fragment.py)."""
        self._run_fragment_ids: list[str] = []
        """The fragments the current run reruns (empty: a full run)."""
        self._scriptrunner: ScriptRunner | None = None
        self._superseded: list[ScriptRunner] = []
        """Runners told to stop whose thread has not ended (Note [Thread bound])."""
        self._waiting_rerun: RerunData | None = None
        """A rerun waiting for a thread to end (Note [Thread bound])."""
        self._max_threads = max(1, int(config.get("runner.maxScriptThreads")))
        self._runner_started_at = 0.0
        self._rerun_timer_set = False
        self._run_id = ""
        """The run the browser was last told about (by new_session)."""
        self._run_finished = True
        self._reported_running = False
        """What the browser was last told by session_status_changed (Note [Superseded runs])."""
        self._run_on_save = bool(config.get("server.runOnSave"))
        self.last_finish_status: int | None = None
        """How the last run ended (a ForwardMsg.ScriptFinishedStatus), None if none ran."""
        self._handoff_lock = threading.Lock()
        self._handoff: list[tuple[ScriptRunner, ScriptRunnerEvent, dict[str, Any]]] = []
        """Events from script threads waiting for the IOLoop (see _on_scriptrunner_event)."""
        self._handoff_scheduled = False

    # --- BackMsgs: the spine of the session --------------------------------

    def handle_backmsg(self, msg: BackMsg) -> None:
        """Turn one BackMsg from the browser into an action."""
        kind = msg.WhichOneof("type")
        if kind == "rerun_script":
            self.request_rerun(msg.rerun_script)
        elif kind == "stop_script":
            self.request_script_stop()
        elif kind == "clear_cache":
            # As 1.67: every cache of the process (so for every session), then this
            # session's state.
            clear_all_caches(cause="clear_cache", session_id=self.id)
            self.session_state.clear()
        elif kind == "set_run_on_save":
            self._run_on_save = msg.set_run_on_save
            self._enqueue_forward_msg(self._session_status_msg(self._reported_running))
        elif kind == "app_heartbeat":
            self._enqueue_forward_msg(ForwardMsg(heartbeat_ack=True))
        elif kind == "file_urls_request":
            # Upload URLs for st.file_uploader (runtime/uploaded_file_manager.py).
            self._enqueue_forward_msg(
                UPLOADED_FILES.file_urls_response(self.id, msg.file_urls_request)
            )
        else:
            _LOGGER.warning("Ignoring a BackMsg with no known type (session %s)", self.id)

    # [lesson:request_rerun]
    def request_rerun(self, client_state: ClientState | None, cause: str = "rerun_script") -> None:
        """Start a run with the browser's widget values (fast reruns, see Note [Threading]).

        A run in progress is told to stop and a new ScriptRunner starts at
        once. If the old runner had not even begun the request it was given,
        that request is coalesced into this one so a button click survives.
        Two bounds make a rerun wait instead, with later requests merged into
        it: runner.maxScriptThreads threads still stopping, or a current run
        that began less than 10 ms ago (minilit's, not Streamlit's; Note
        [Thread bound]).
        """
        widget_states = client_state.widget_states if client_state is not None else None
        fragment_id = client_state.fragment_id if client_state is not None else ""
        if fragment_id and not self.fragment_storage.contains(fragment_id):
            # As 1.67: a full run has dropped it (or it never was); nothing to run.
            _LOGGER.info("Ignoring a rerun of fragment %s, which no longer exists", fragment_id)
            return
        rerun_data = RerunData(
            widget_states=widget_states,
            query_string=client_state.query_string if client_state is not None else "",
            cause=cause,
            fragment_id_queue=(fragment_id,) if fragment_id else (),
            is_auto_rerun=bool(client_state.is_auto_rerun) if client_state is not None else False,
        )
        BUS.publish(
            events.RERUN_REQUESTED,
            session_id=self.id,
            cause=cause,
            widget_count=len(widget_states.widgets) if widget_states else 0,
        )
        self._rerun(rerun_data)

    def _rerun(self, rerun_data: RerunData) -> None:
        """Replace the current run with one for ``rerun_data`` (or merge, or wait)."""
        runner = self._scriptrunner
        if runner is not None and runner.is_alive():
            if rerun_data.fragment_id_queue or not self._config.get("runner.fastReruns"):
                # A fragment rerun goes to the running runner, fast reruns or not (as
                # 1.67): it waits for the run to end (Note [Fragment reruns wait] in
                # scriptrunner/script_requests.py).
                accepted, coalesced = runner.request_rerun(rerun_data)
                if coalesced:
                    BUS.publish(events.RERUN_COALESCED, session_id=self.id)
                if accepted:
                    return
                self._supersede(runner)  # it is stopping: still a live thread
            elif runner.coalesce_if_pending(rerun_data):
                # Its run has not begun (and sent nothing): no need for a new thread.
                BUS.publish(events.RERUN_COALESCED, session_id=self.id)
                return
            elif self._too_soon(rerun_data):
                return
            else:
                pending = runner.request_stop()
                if pending is not None:
                    rerun_data = coalesce_rerun_data(pending, rerun_data)
                    BUS.publish(events.RERUN_COALESCED, session_id=self.id)
                self._supersede(runner)
                self._abandon_current_run()
        self._start_or_wait(rerun_data)

    # [/lesson:request_rerun]

    def on_source_file_changed(self) -> None:
        """A watched file changed: rerun (run-on-save) or offer a rerun to the browser.

        The rerun keeps the widget values the session already has (like
        st.rerun()) rather than replaying the last ClientState, whose button
        clicks were already handled.
        """
        if self._run_on_save:
            self.request_rerun(None, cause="run_on_save")
        else:
            msg = ForwardMsg()
            msg.session_event.script_changed_on_disk = True
            self._enqueue_forward_msg(msg)

    def request_script_stop(self) -> None:
        """Stop the running script at its next checkpoint (the Stop button)."""
        BUS.publish(events.STOP_REQUESTED, session_id=self.id, run_id=self._run_id)
        if self._scriptrunner is not None:
            self._scriptrunner.request_stop()
        if self._waiting_rerun is not None:
            self._waiting_rerun = None
            if self._scriptrunner is None and self._reported_running:
                # The browser still believes the superseded run goes on and waits
                # for the next one; there will be none, so say the session is idle.
                self._enqueue_forward_msg(self._session_status_msg(running=False))

    # --- The thread bound (Note [Thread bound]) -----------------------------

    def _supersede(self, runner: ScriptRunner) -> None:
        """``runner`` was told to stop; count its thread until it ends."""
        if self._scriptrunner is runner:
            self._scriptrunner = None
        if runner.is_alive() and runner not in self._superseded:
            self._superseded.append(runner)

    def _start_or_wait(self, rerun_data: RerunData) -> None:
        """Start a runner for ``rerun_data`` now, or keep it until a thread ends."""
        self._superseded = [r for r in self._superseded if r.is_alive()]
        if self._waiting_rerun is not None:
            rerun_data = coalesce_rerun_data(self._waiting_rerun, rerun_data)
            self._waiting_rerun = None
        n = len(self._superseded)
        if n >= self._max_threads:
            self._waiting_rerun = rerun_data
            BUS.publish(events.RERUN_COALESCED, session_id=self.id, waiting_for_threads=n)
            return
        self._create_scriptrunner(rerun_data)

    def _too_soon(self, rerun_data: RerunData) -> bool:
        """Hold a rerun that comes within _MIN_RERUN_INTERVAL of the current run's start.

        It waits (coalesced with any other that comes meanwhile) until the
        interval is over; see Note [Thread bound].
        """
        wait = self._runner_started_at + _MIN_RERUN_INTERVAL - time.monotonic()
        if wait <= 0 or self._run_finished:  # (a finished run's thread is ending: no cost)
            return False
        if self._waiting_rerun is not None:
            rerun_data = coalesce_rerun_data(self._waiting_rerun, rerun_data)
        self._waiting_rerun = rerun_data
        if not self._rerun_timer_set:
            self._rerun_timer_set = True
            self._event_loop.call_later(wait, self._rerun_after_interval)
        BUS.publish(events.RERUN_COALESCED, session_id=self.id, held_ms=round(wait * 1000, 3))
        return True

    def _rerun_after_interval(self) -> None:
        self._rerun_timer_set = False
        waiting, self._waiting_rerun = self._waiting_rerun, None
        if waiting is not None:  # (None: a stop or a disconnect dropped it)
            self._rerun(waiting)

    def _on_superseded_shutdown(self, runner: ScriptRunner) -> None:
        """A superseded thread ended: a waiting rerun may start now."""
        with contextlib.suppress(ValueError):
            self._superseded.remove(runner)
        if self._waiting_rerun is not None and self._scriptrunner is None:
            waiting, self._waiting_rerun = self._waiting_rerun, None
            self._start_or_wait(waiting)

    def _create_scriptrunner(self, rerun_data: RerunData) -> None:
        self._runner_started_at = time.monotonic()
        self._scriptrunner = ScriptRunner(
            session_id=self.id,
            main_script_path=self._main_script_path,
            session_state=self.session_state,
            config=self._config,
            script_cache=self._script_cache,
            on_event=self._on_scriptrunner_event,
            initial_rerun_data=rerun_data,
            fragment_storage=self.fragment_storage,
        )
        self._scriptrunner.start()

    # --- Script thread -> IOLoop: the one hand-off --------------------------

    def _on_scriptrunner_event(
        self, sender: ScriptRunner, event: ScriptRunnerEvent, kwargs: dict[str, Any]
    ) -> None:
        """Hand a ScriptRunner event to the IOLoop thread.

        Called on the *script* thread for every event, including every
        ForwardMsg the script produces. Nothing else crosses between the two
        threads. Events wait in ``_handoff`` (in order) and one
        ``loop.call_soon_threadsafe`` is scheduled per batch: waking the loop
        once per message would make the two threads fight over the GIL for
        every element of a long script.
        """
        with self._handoff_lock:
            self._handoff.append((sender, event, kwargs))
            if self._handoff_scheduled:
                return
            self._handoff_scheduled = True
        # RuntimeError: the server stopped (its loop is closed) while this script
        # was still running, e.g. in time.sleep(); nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self._event_loop.call_soon_threadsafe(self._drain_handoff)

    def _drain_handoff(self) -> None:
        """IOLoop thread: handle every event handed over so far, in order."""
        with self._handoff_lock:
            batch, self._handoff = self._handoff, []
            self._handoff_scheduled = False
        for sender, event, kwargs in batch:
            self._handle_scriptrunner_event_on_event_loop(sender, event, kwargs)

    def _handle_scriptrunner_event_on_event_loop(
        self, sender: ScriptRunner, event: ScriptRunnerEvent, kwargs: dict[str, Any]
    ) -> None:
        if sender is not self._scriptrunner:
            if event == ScriptRunnerEvent.SHUTDOWN:
                self._on_superseded_shutdown(sender)
            return  # a superseded runner's late event (see Note [Threading])
        if event == ScriptRunnerEvent.ENQUEUE_FORWARD_MSG:
            self._enqueue_forward_msg(kwargs["forward_msg"])
        elif event == ScriptRunnerEvent.SCRIPT_STARTED:
            self._on_script_started(kwargs["run_id"], kwargs.get("fragment_ids", []))
        elif event == ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS:
            self._end_current_run(ForwardMsg.FINISHED_SUCCESSFULLY)
        elif event == ScriptRunnerEvent.FRAGMENT_STOPPED_WITH_SUCCESS:
            self._end_current_run(ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
        elif event == ScriptRunnerEvent.SCRIPT_STOPPED_FOR_RERUN:
            # st.rerun() (or a rerun without fast reruns): the same runner goes on with
            # a new run, and 1.67 says so: FINISHED_EARLY_FOR_RERUN, then not running.
            self._end_current_run(ForwardMsg.FINISHED_EARLY_FOR_RERUN)
        elif event == ScriptRunnerEvent.SCRIPT_STOPPED_WITH_COMPILE_ERROR:
            session_event = ForwardMsg()
            session_event.session_event.script_compilation_exception.CopyFrom(kwargs["exception"])
            self._enqueue_forward_msg(session_event)
            self._end_current_run(ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
        elif event == ScriptRunnerEvent.SHUTDOWN:
            self._scriptrunner = None
            # Every run ends with a script_finished, even if the thread died
            # of a bug of ours before it could say how the run went.
            self._end_current_run(ForwardMsg.FINISHED_SUCCESSFULLY)

    def _on_script_started(self, run_id: str, fragment_ids: list[str]) -> None:
        """A run began: drop the old run's unsent deltas, announce the new run.

        A fragment run drops only the unsent deltas of its own fragments, and its
        new_session and script_finished name them (metadata.run.fragment_ids, as 1.67).
        """
        self._run_id = run_id
        self._run_fragment_ids = list(fragment_ids)
        self._run_finished = False
        self._browser_queue.clear(
            retain_lifecycle_msgs=True, fragment_ids_this_run=fragment_ids or None
        )
        self._enqueue_forward_msg(self._new_session_msg(run_id))
        if not self._reported_running:  # after a superseded run it still is (1.67)
            self._enqueue_forward_msg(self._session_status_msg(running=True))

    def _end_current_run(self, status: int) -> None:
        """Send the run's one script_finished, then not-running."""
        if self._run_finished:
            return
        self._run_finished = True
        self.last_finish_status = status
        msg = ForwardMsg(script_finished=status)  # type: ignore[arg-type]
        msg.metadata.run.script_run_id = self._run_id
        msg.metadata.run.fragment_ids.extend(self._run_fragment_ids)
        self._enqueue_forward_msg(msg)
        if self._reported_running:
            self._enqueue_forward_msg(self._session_status_msg(running=False))

    def _abandon_current_run(self) -> None:
        """The current run was superseded by a rerun: it ends without a word.

        See Note [Superseded runs]: the browser hears of the next run (new_session)
        and nothing more of this one.
        """
        if not self._run_finished:
            self._run_finished = True
            self.last_finish_status = ForwardMsg.FINISHED_EARLY_FOR_RERUN

    # --- The browser queue ---------------------------------------------------

    def _enqueue_forward_msg(self, msg: ForwardMsg) -> None:
        self._browser_queue.enqueue(msg)
        self._on_enqueued()

    def flush_browser_queue(self) -> list[ForwardMsg]:
        """Everything queued for the browser, in order (called by the flush loop)."""
        return self._browser_queue.flush()

    # --- Connection lifecycle -------------------------------------------------

    # [lesson:disconnect]
    def disconnect(self) -> None:
        """The socket closed: stop the script, keep the state for a reconnect.

        The stopped runner is forgotten at once, so nothing it still sends
        reaches the queue; the interrupted run counts as ended early, and the
        browser, which remembers that, asks for a rerun when it comes back.
        """
        runner, self._scriptrunner = self._scriptrunner, None
        if runner is not None:
            runner.request_stop()
            self._supersede(runner)  # still counted if the browser comes back
        self._waiting_rerun = None
        if not self._run_finished:
            self._run_finished = True
            self.last_finish_status = ForwardMsg.FINISHED_EARLY_FOR_RERUN
        self._reported_running = False  # a browser that comes back has been told nothing
        self._browser_queue.clear()

    # [/lesson:disconnect]

    def shutdown(self) -> None:
        """The session is gone for good (expired, evicted, or server stopping).

        Its uploaded files go, and the media files only it referred to.
        """
        self.disconnect()
        UPLOADED_FILES.remove_session_files(self.id)
        MEDIA_FILES.clear_session(self.id)

    def runner(self) -> ScriptRunner | None:
        """The current ScriptRunner, if a run is alive (for tests and the lessons)."""
        return self._scriptrunner

    @property
    def run_id(self) -> str:
        return self._run_id

    @property
    def is_running(self) -> bool:
        """A run is going, or one waits for a thread to end (Note [Thread bound])."""
        return not self._run_finished or self._waiting_rerun is not None

    # --- Message builders --------------------------------------------------------

    def _session_status_msg(self, running: bool) -> ForwardMsg:
        self._reported_running = running
        msg = ForwardMsg()
        msg.session_status_changed.run_on_save = self._run_on_save
        msg.session_status_changed.script_is_running = running
        return msg

    def _new_session_msg(self, run_id: str) -> ForwardMsg:
        msg = ForwardMsg()
        msg.metadata.run.script_run_id = run_id
        msg.metadata.run.fragment_ids.extend(self._run_fragment_ids)
        ns = msg.new_session
        init = ns.initialize
        init.environment_info.streamlit_version = f"minilit {__version__}"
        # 1.67 joins all of sys.version_info: "3.11.7.final.0", not "3.11.7".
        init.environment_info.python_version = ".".join(map(str, sys.version_info))
        init.environment_info.server_os = sys.platform
        init.session_status.run_on_save = self._run_on_save
        init.session_status.script_is_running = True
        init.session_id = self.id
        ns.name = Path(self._main_script_path).stem
        ns.main_script_path = self._main_script_path
        ns.config.max_cached_message_age = 2
        ns.config.allow_run_on_save = True
        ns.config.show_error_links = ClientConfig.ShowErrorLinks.SHOW_ERROR_LINKS_AUTO
        script_hash = page_script_hash(self._main_script_path)
        # A single-page app: one page, the main script, with no name, icon or path.
        ns.app_pages.add(page_script_hash=script_hash)
        ns.page_script_hash = script_hash
        ns.main_script_hash = script_hash
        return msg
