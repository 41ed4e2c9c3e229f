"""ScriptRunner: runs the user's script from top to bottom on its own thread.

Mirrors: streamlit/runtime/scriptrunner/script_runner.py (ScriptRunner,
ScriptRunnerEvent), script_cache.py (ScriptCache) and exec_code.py
(exec_func_with_error_handling). Simplified: no parallel fragments, no multipage apps,
no media cleanup, no ``postScriptGC``, no ``modified_sys_path`` (the script's
folder is put on sys.path once, as bootstrap._fix_sys_path does).

Receives: RerunData from runtime/app_session.py (``request_rerun``).
Hands to: runtime/app_session.py through the ``on_event`` callback, always
from the script thread (see Note [Threading]).

Note [Threading]
    A ScriptRunner owns one daemon thread, named ``ScriptRunner.scriptThread``
    as in Streamlit. Everything the script does, including widget callbacks,
    happens on that thread. The thread never touches sockets, sessions or
    queues: each ForwardMsg and each lifecycle event goes through
    ``on_event``, which AppSession implements by handing the work to the
    Tornado IOLoop (``AppSession._on_scriptrunner_event``). With fast reruns
    (``runner.fastReruns``, the default) a rerun request does not wait for the
    old thread: the session tells the old runner to stop and starts a new
    ScriptRunner at once, so two threads of one session can briefly coexist.
    The old one dies at its next checkpoint; its late events are ignored.

Note [Checkpoints]
    There is no way to kill a Python thread, so stop and rerun requests are
    cooperative. Every ForwardMsg the script produces passes through
    ``_enqueue_forward_msg``, which first looks in the mailbox and raises
    RerunException or StopException *inside the script*. So a script is
    interruptible exactly where it calls st.*::

        while True:            # a rerun request interrupts this loop at the
            st.text(time.time())    # next st.text ...
        while True:            # ... but this one runs until the process dies:
            pass               # no st.* call, no checkpoint (as in Streamlit).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
import threading
import time
import types
import uuid
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from minilit.config import Config
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.fragment import FragmentHandledException, FragmentStorage
from minilit.runtime.state.session_state import SessionState
from minilit.scriptrunner.exceptions import RerunException, ScriptControlException, StopException
from minilit.scriptrunner.magic import add_magic
from minilit.scriptrunner.script_requests import RerunData, ScriptRequests, ScriptRequestType
from minilit.scriptrunner.script_run_context import ScriptRunContext, add_script_run_ctx
from minilit.trace import events
from minilit.trace.bus import BUS

_LOGGER = logging.getLogger("minilit.scriptrunner")


class ScriptRunnerEvent(Enum):
    SCRIPT_STARTED = "script_started"
    """A run began; kwargs: run_id, cause."""
    ENQUEUE_FORWARD_MSG = "enqueue_forward_msg"
    """The script produced a message; kwargs: forward_msg."""
    SCRIPT_STOPPED_WITH_SUCCESS = "script_stopped_with_success"
    """Ran to the end, or st.stop(), or an uncaught exception (shown in the page)."""
    SCRIPT_STOPPED_WITH_COMPILE_ERROR = "script_stopped_with_compile_error"
    """kwargs: exception (an Exception proto)."""
    SCRIPT_STOPPED_FOR_RERUN = "script_stopped_for_rerun"
    """A rerun request (or st.rerun()) interrupted the run."""
    FRAGMENT_STOPPED_WITH_SUCCESS = "fragment_stopped_with_success"
    """A fragment run ended (runtime/fragment.py, Note [Fragment runs])."""
    SHUTDOWN = "shutdown"
    """The thread is about to exit."""


OnEvent = Callable[["ScriptRunner", ScriptRunnerEvent, dict[str, Any]], None]


class ScriptCache:
    """Compiled code per script file, shared by all sessions.

    Mirrors streamlit/runtime/scriptrunner/script_cache.py. Streamlit keeps
    the bytecode until the file watcher clears the cache; minilit keys it on
    the file's modification time and size instead, so an edited script is
    recompiled on the next run without a watcher.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, int, int, bool], types.CodeType] = {}

    def get_bytecode(self, script_path: str, magic: bool) -> types.CodeType:
        """Read, transform (magic) and compile the script. Raises on any error."""
        stat = os.stat(script_path)
        key = (script_path, stat.st_mtime_ns, stat.st_size, magic)
        with self._lock:
            code = self._cache.get(key)
        if code is not None:
            return code
        source = Path(script_path).read_text(encoding="utf-8")
        tree: Any = add_magic(source, script_path) if magic else source
        code = compile(tree, script_path, "exec", dont_inherit=True)
        with self._lock:
            self._cache[key] = code
        return code


class ScriptRunner:
    """Runs one session's script on a thread of its own (see Note [Threading]).

    Example (what AppSession does)::

        runner = ScriptRunner(session_id, path, state, config, cache, on_event, RerunData())
        runner.start()                  # the thread runs the script once
        runner.request_rerun(data)      # interrupts at the next checkpoint
        runner.request_stop()           # ends the thread at the next checkpoint
    """

    def __init__(
        self,
        session_id: str,
        main_script_path: str,
        session_state: SessionState,
        config: Config,
        script_cache: ScriptCache,
        on_event: OnEvent,
        initial_rerun_data: RerunData,
        fragment_storage: FragmentStorage,
    ) -> None:
        self._main_script_path = main_script_path
        self._config = config
        self._script_cache = script_cache
        self._on_event = on_event
        self._requests = ScriptRequests()
        self._requests.request_rerun(initial_rerun_data)
        self._stopped_by_session = False
        self.ctx = ScriptRunContext(
            session_id=session_id,
            main_script_path=main_script_path,
            enqueue=self._enqueue_forward_msg,
            script_requests=self._requests,
            session_state=session_state,
            page_script_hash=page_script_hash(main_script_path),
            show_error_details=str(config.get("client.showErrorDetails")),
            fragment_storage=fragment_storage,
        )
        self._thread = threading.Thread(
            target=self._run_script_thread, name="ScriptRunner.scriptThread", daemon=True
        )
        _fix_sys_path(main_script_path)

    # --- Called from the IOLoop thread ---------------------------------------

    def start(self) -> None:
        self._thread.start()

    def request_rerun(self, rerun_data: RerunData) -> tuple[bool, bool]:
        """Ask for a rerun in this thread; see ScriptRequests.request_rerun."""
        return self._requests.request_rerun(rerun_data)

    def coalesce_if_pending(self, rerun_data: RerunData) -> bool:
        """Merge into the rerun this runner has not begun; see ScriptRequests."""
        return self._requests.coalesce_if_pending(rerun_data)

    def request_stop(self) -> RerunData | None:
        """Stop at the next checkpoint; returns a rerun that never started.

        The stopped run does not touch session state any more (its widget
        cleanup would race the run that replaces it).
        """
        self._stopped_by_session = True
        return self._requests.request_stop()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    # --- The script thread ---------------------------------------------------

    def _run_script_thread(self) -> None:
        """The thread's body: run while reruns are requested, then exit.

        SHUTDOWN is sent however the thread ends: the session counts its
        live threads by it (Note [Thread bound] in runtime/app_session.py).
        """
        add_script_run_ctx(threading.current_thread(), self.ctx)
        try:
            while True:
                request = self._requests.on_scriptrunner_ready()
                if request.type == ScriptRequestType.STOP:
                    break
                self._run_script(request.rerun_data)
        except BaseException:
            # A bug of minilit's own (the script's exceptions are caught in _exec).
            _LOGGER.exception("The script thread of session %s failed", self.ctx.session_id)
        finally:
            self._on_event(self, ScriptRunnerEvent.SHUTDOWN, {})

    def _run_script(self, rerun_data: RerunData) -> None:
        """One run: the spine of the script runner.

        start -> compile -> fresh __main__ -> callbacks -> exec -> finish.
        A RerunException (a newer request, or st.rerun()) runs again in this
        same thread with the new data.
        """
        while True:
            run_id = str(uuid.uuid4())
            fragment_ids = list(rerun_data.fragment_id_queue)
            self.ctx.reset(run_id, rerun_data.query_string, fragment_ids)
            started = time.perf_counter()
            self._on_event(
                self,
                ScriptRunnerEvent.SCRIPT_STARTED,
                {"run_id": run_id, "cause": rerun_data.cause, "fragment_ids": fragment_ids},
            )
            self._publish_run(events.RUN_STARTED, cause=rerun_data.cause)
            try:
                code = self._script_cache.get_bytecode(
                    self._main_script_path, bool(self._config.get("runner.magicEnabled"))
                )
            except BaseException as exc:  # SyntaxError, a missing file, bad encoding...
                from minilit.elements.exception import exception_to_proto

                proto = exception_to_proto(exc, self._config.get("client.showErrorDetails"))
                self._finish(
                    ScriptRunnerEvent.SCRIPT_STOPPED_WITH_COMPILE_ERROR,
                    started,
                    {"exception": proto},
                )
                return
            next_run, premature = self._exec(code, rerun_data)
            if next_run is None and fragment_ids:
                # A fragment run saw only its own widgets: no stale-widget cleanup
                # (docs/known-differences.md).
                self._finish(ScriptRunnerEvent.FRAGMENT_STOPPED_WITH_SUCCESS, started, {})
                return
            if next_run is None:
                if not (premature or self._stopped_by_session):
                    # Only a run that reached the end tells which widgets still exist,
                    # and which fragments.
                    self.ctx.session_state.on_script_finished(self.ctx.widget_ids_this_run)
                    if self.ctx.fragment_storage is not None:
                        self.ctx.fragment_storage.keep_only(self.ctx.new_fragment_ids)
                self._finish(ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS, started, {})
                return
            self._finish(ScriptRunnerEvent.SCRIPT_STOPPED_FOR_RERUN, started, {})
            rerun_data = next_run

    # [lesson:exec]
    def _exec(self, code: types.CodeType, rerun_data: RerunData) -> tuple[RerunData | None, bool]:
        """Execute the script in a fresh ``__main__``.

        Returns the rerun to do next (if a RerunException ended the run) and
        whether the run stopped early (st.stop(), sys.exit() or an uncaught
        exception). As in Streamlit, an early stop skips the stale-widget
        cleanup: the widgets below the stop did not disappear, the script just
        never reached them. Unlike Streamlit 1.67, which catches only
        ``Exception`` (its thread dies and the session stays "running"), a
        KeyboardInterrupt, GeneratorExit or other BaseException is shown like
        any error, and SystemExit stops the run quietly: every run ends.
        """
        # A fragment run does not exec the script: the fragments' closures carry the
        # globals of the run that defined them (runtime/fragment.py).
        fragment_run = bool(rerun_data.fragment_id_queue)
        module = None if fragment_run else _new_main_module(self._main_script_path)
        try:
            try:
                self.ctx.session_state.on_script_will_rerun(rerun_data.widget_states)
                self._maybe_handle_execution_control_request()  # after callbacks
                if fragment_run:
                    self._run_fragments(rerun_data.fragment_id_queue)
                elif module is not None:
                    exec(code, module.__dict__)
                self._maybe_handle_execution_control_request()  # end of the body
            except ScriptControlException:
                raise
            except FragmentHandledException:
                return None, True  # already shown inside the fragment
            except SystemExit as exc:
                _log_system_exit(exc)  # the user's way to stop, like st.stop()
                return None, True
            except BaseException as exc:  # also KeyboardInterrupt, GeneratorExit...
                _handle_uncaught_app_exception(exc)
                return None, True
        except RerunException as rerun:
            return rerun.rerun_data, False
        except StopException:
            return None, True
        return None, False

    # [/lesson:exec]

    # [lesson:run_fragments]
    def _run_fragments(self, fragment_ids: tuple[str, ...]) -> None:
        """A fragment run: each queued fragment's body again, in order (runtime/fragment.py).

        A fragment the session no longer has (a full run dropped it) is skipped, as
        in 1.67; an exception in one (shown inside it) does not stop the others.
        """
        storage = self.ctx.fragment_storage
        for fragment_id in fragment_ids:
            run = storage.lookup(fragment_id) if storage is not None else None
            if run is None:
                _LOGGER.info("Fragment %s is gone (a full run dropped it)", fragment_id)
                continue
            with contextlib.suppress(FragmentHandledException):
                run()

    # [/lesson:run_fragments]

    def _finish(self, event: ScriptRunnerEvent, started: float, kwargs: dict[str, Any]) -> None:
        duration_ms = (time.perf_counter() - started) * 1000
        self._publish_run(
            events.RUN_FINISHED,
            status=event.value,
            duration_ms=round(duration_ms, 3),
            deltas=self.ctx.deltas_this_run,
        )
        self._on_event(self, event, kwargs)

    def _publish_run(self, name: str, **fields: Any) -> None:
        BUS.publish(
            name,
            session_id=self.ctx.session_id,
            run_id=self.ctx.script_run_id,
            script=self._main_script_path,
            **fields,
        )

    # --- The checkpoint (see Note [Checkpoints]) ------------------------------

    def _maybe_handle_execution_control_request(self) -> None:
        # Only the script thread can stop or restart the script: a message sent from
        # another thread (st.spinner's timer) is a checkpoint for nobody, as in 1.67.
        if threading.current_thread() is not self._thread:
            return
        request = self._requests.on_scriptrunner_yield()
        if request is None:
            return
        if request.type == ScriptRequestType.RERUN:
            raise RerunException(request.rerun_data)
        raise StopException()

    # [lesson:enqueue]
    def _enqueue_forward_msg(self, msg: ForwardMsg) -> None:
        """Every message of the script passes here: checkpoint, then hand-off.

        Called on the script thread by ScriptRunContext.enqueue (that is, by
        every st.* call that sends something).
        """
        self._maybe_handle_execution_control_request()
        if msg.HasField("delta"):
            self.ctx.deltas_this_run += 1
            if BUS.enabled and BUS.publish_delta(self.ctx, msg, self._requests.has_request):
                self._maybe_handle_execution_control_request()  # it paused: a rerun may wait
        self._on_event(self, ScriptRunnerEvent.ENQUEUE_FORWARD_MSG, {"forward_msg": msg})

    # [/lesson:enqueue]


def page_script_hash(main_script_path: str) -> str:
    """The page id: BLAKE2b-128 of the script path, as Streamlit 1.67 computes it.

    (1.39 used MD5.) It is part of every widget id, so the same script at the
    same path gets the same widget ids in minilit and in Streamlit 1.67.
    """
    return hashlib.blake2b(main_script_path.encode(), digest_size=16).hexdigest()


# [lesson:new_main]
def _new_main_module(script_path: str) -> types.ModuleType:
    """A brand-new ``__main__`` for each run, so no global survives a rerun."""
    module = types.ModuleType("__main__")
    module.__dict__["__file__"] = script_path
    module.__dict__["__builtins__"] = __builtins__
    sys.modules["__main__"] = module
    return module


# [/lesson:new_main]


_sys_path_lock = threading.Lock()


def _fix_sys_path(script_path: str) -> None:
    """Put the script's folder first on sys.path once (bootstrap._fix_sys_path)."""
    folder = os.path.dirname(os.path.abspath(script_path))
    with _sys_path_lock:
        if folder not in sys.path:
            sys.path.insert(0, folder)


def _handle_uncaught_app_exception(exc: BaseException) -> None:
    """Show an exception from the script where it happened, as an Exception element.

    Mirrors streamlit/error_util.py handle_uncaught_app_exception. The run
    still finishes successfully: the page shows the error, the session lives on.
    """
    import minilit

    _LOGGER.warning("Uncaught app exception", exc_info=exc)
    minilit.exception(exc)


def _log_system_exit(exc: SystemExit) -> None:
    """sys.exit() in a script ends the run, not the server (nothing is shown)."""
    _LOGGER.info("The script called sys.exit(%r): the run stops here", exc.code)
