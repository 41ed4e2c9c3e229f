"""ScriptRequests: the thread-safe mailbox between a session and its script thread.

Mirrors: streamlit/runtime/scriptrunner_utils/script_requests.py
(ScriptRequests, RerunData, ScriptRequest, ScriptRequestType). Simplified: no
page changes, no cached-message hashes, no replayed triggers.

Receives: ``request_rerun`` / ``request_stop`` from runtime/app_session.py on
the IOLoop thread. Hands to: scriptrunner/script_runner.py, whose script thread
polls ``on_scriptrunner_yield`` at every checkpoint and
``on_scriptrunner_ready`` between runs.

Note [Rerun vs. stop]
    The mailbox has three states. CONTINUE: nothing pending. RERUN: a rerun is
    pending with its RerunData. STOP: the runner must end, and stays ended
    (a request after STOP is refused so the session starts a new runner).
    A second rerun request while one is pending is *coalesced* into it: the
    newest widget values win, but a button click (an active trigger) in the
    older request survives. Without that rule this sequence loses a click:

        browser: click "Save"      -> rerun_script{save: trigger=true}
        browser: type in a field   -> rerun_script{save: (cleared), text: "a"}
        (both arrive before the script thread looks at its mailbox)

Note [Fragment reruns wait]
    A rerun of fragments (``fragment_id_queue``) that a widget inside a fragment
    asked for does not interrupt the run in progress, as in 1.67: cutting a full
    run short would leave the page outside the fragment half drawn. It waits in
    the mailbox, the checkpoints let it be, and the runner picks it up when the
    run ends (``on_scriptrunner_ready``). Only ``st.rerun(scope="fragment")``
    (``is_fragment_scoped_rerun``) interrupts. When a full rerun and a fragment
    rerun meet in the mailbox the full one wins: it runs the fragments too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum

from minilit.proto.BackMsg_pb2 import WidgetState, WidgetStates


class ScriptRequestType(Enum):
    CONTINUE = "CONTINUE"
    RERUN = "RERUN"
    STOP = "STOP"


@dataclass(frozen=True)
class RerunData:
    """What one rerun needs: the browser's widget values and page info."""

    widget_states: WidgetStates | None = None
    query_string: str = ""
    cause: str = "rerun_script"
    """Why the run happens: rerun_script (the browser asked), st.rerun, ..."""
    fragment_id_queue: tuple[str, ...] = ()
    """The fragments to run instead of the whole script (empty: the whole script)."""
    is_fragment_scoped_rerun: bool = False
    """st.rerun(scope="fragment"): interrupts a run (Note [Fragment reruns wait])."""
    is_auto_rerun: bool = False
    """The browser's run_every timer asked (ClientState.is_auto_rerun)."""


@dataclass(frozen=True)
class ScriptRequest:
    type: ScriptRequestType
    rerun_data: RerunData = field(default_factory=RerunData)


def coalesce_widget_states(old: WidgetStates | None, new: WidgetStates | None) -> WidgetStates:
    """Merge two pending requests' widget states (see Note [Rerun vs. stop]).

    Every value in ``new`` wins; an active trigger in ``old`` is kept when
    ``new`` does not carry that widget's trigger.
    """
    merged = WidgetStates()
    if new is not None:
        merged.CopyFrom(new)
    if old is None:
        return merged
    present = {w.id: w for w in merged.widgets}
    for state in old.widgets:
        if not _is_active_trigger(state):
            continue
        current = present.get(state.id)
        if current is None:
            kept = merged.widgets.add()
            kept.CopyFrom(state)
        elif current.WhichOneof("value") == "trigger_value" and not current.trigger_value:
            current.trigger_value = True
    return merged


def coalesce_rerun_data(old: RerunData, new: RerunData) -> RerunData:
    """One rerun for two requests; a full rerun absorbs fragment reruns (it runs them too)."""
    if not old.fragment_id_queue or not new.fragment_id_queue:
        queue: tuple[str, ...] = ()
        scoped = False
    else:
        queue = (
            *old.fragment_id_queue,
            *(f for f in new.fragment_id_queue if f not in old.fragment_id_queue),
        )
        scoped = old.is_fragment_scoped_rerun or new.is_fragment_scoped_rerun
    return RerunData(
        widget_states=coalesce_widget_states(old.widget_states, new.widget_states),
        query_string=new.query_string,
        cause=new.cause,
        fragment_id_queue=queue,
        is_fragment_scoped_rerun=scoped,
        is_auto_rerun=new.is_auto_rerun,
    )


def waits_for_the_run(data: RerunData) -> bool:
    """A fragment rerun that must not interrupt the run (Note [Fragment reruns wait])."""
    return bool(data.fragment_id_queue) and not data.is_fragment_scoped_rerun


class ScriptRequests:
    """The mailbox. All methods are thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = ScriptRequestType.CONTINUE
        self._rerun_data = RerunData()

    def request_rerun(self, new_data: RerunData) -> tuple[bool, bool]:
        """Ask for a rerun. Returns ``(accepted, coalesced)``.

        Not accepted when the runner is stopping; the caller then starts a new
        runner. ``coalesced`` tells whether a pending rerun absorbed this one.
        """
        with self._lock:
            if self._state == ScriptRequestType.STOP:
                return False, False
            if self._state == ScriptRequestType.RERUN:
                self._rerun_data = coalesce_rerun_data(self._rerun_data, new_data)
                return True, True
            self._state = ScriptRequestType.RERUN
            self._rerun_data = new_data
            return True, False

    def coalesce_if_pending(self, new_data: RerunData) -> bool:
        """Merge ``new_data`` into a rerun the runner has not begun; False if there is none.

        Unlike ``request_rerun`` this never interrupts a run in progress: the
        session uses it so that a burst of rerun requests becomes one run on
        one thread instead of one new thread per request (Note [Thread bound]
        in runtime/app_session.py).
        """
        with self._lock:
            if self._state != ScriptRequestType.RERUN:
                return False
            self._rerun_data = coalesce_rerun_data(self._rerun_data, new_data)
            return True

    def request_stop(self) -> RerunData | None:
        """Make the runner stop. Returns a rerun that was pending and never started."""
        with self._lock:
            pending = self._rerun_data if self._state == ScriptRequestType.RERUN else None
            self._state = ScriptRequestType.STOP
            return pending

    def has_request(self) -> bool:
        """True when a stop or a run-interrupting rerun is waiting (a step gate should let go)."""
        if self._state == ScriptRequestType.RERUN:
            return not waits_for_the_run(self._rerun_data)
        return self._state != ScriptRequestType.CONTINUE

    def on_scriptrunner_yield(self) -> ScriptRequest | None:
        """Called by the script thread at each checkpoint.

        Returns None to keep going, or the request that must interrupt the run
        (the runner raises RerunException / StopException for it).
        """
        if self._state == ScriptRequestType.CONTINUE or (
            self._state == ScriptRequestType.RERUN and waits_for_the_run(self._rerun_data)
        ):
            # Fast path without the lock: most checkpoints find nothing.
            return None
        with self._lock:
            if self._state == ScriptRequestType.RERUN:
                if waits_for_the_run(self._rerun_data):
                    return None
                self._state = ScriptRequestType.CONTINUE
                return ScriptRequest(ScriptRequestType.RERUN, self._rerun_data)
            if self._state == ScriptRequestType.STOP:
                return ScriptRequest(ScriptRequestType.STOP)
            return None

    def on_scriptrunner_ready(self) -> ScriptRequest:
        """Called by the script thread between runs: run again, or stop for good."""
        with self._lock:
            if self._state == ScriptRequestType.RERUN:
                self._state = ScriptRequestType.CONTINUE
                return ScriptRequest(ScriptRequestType.RERUN, self._rerun_data)
            self._state = ScriptRequestType.STOP
            return ScriptRequest(ScriptRequestType.STOP)


def _is_active_trigger(state: WidgetState) -> bool:
    """A click, or a chat message, that a merged request must not lose."""
    kind = state.WhichOneof("value")
    if kind == "chat_input_value":
        return state.chat_input_value.HasField("data")
    return kind == "trigger_value" and state.trigger_value
