"""SessionState: the values that survive from one run of the script to the next.

Mirrors: streamlit/runtime/state/session_state.py (SessionState, with the
KeyIdMapper folded in) and safe_session_state.py (one RLock around it all).
Simplified: no query-param binding, no fragment-scoped cleanup (a fragment run
removes no widget state; the next full run does), no per-event callbacks
(1.67's second callback pass), no serializable-state check.

One session keeps four things (Streamlit's model):

    _old_state          values from previous runs, by user key or widget id
    _new_session_state  user assignments made this run (st.session_state.x = 1)
    _new_widget_state   this run's widget values (browser values, defaults)
    _key_to_id          user key <-> widget id of keyed widgets

A lookup (``_getitem``) tries them in this order: an unconsumed user
assignment to the key > the browser's value for the widget > the previous
run's value by widget id > by key. A widget that finds nothing registers its
default (``register_widget``).

Note [A run, as the session state sees it]
    ``on_script_will_rerun(widget_states)`` (script thread, before the body):
        1. reset triggers (a button is True for exactly one run);
        2. compact: copy every current value into _old_state, clear the rest;
        3. load the browser's WidgetStates (refused values are logged, dropped);
        4. call callbacks of widgets whose value changed, in the order of the
           incoming list (the browser's order), with st.rerun() in a callback
           collected as a vote and honoured after all of them (1.67).
    The body then calls widgets, which ``register_widget``.
    ``on_script_finished(widget_ids_this_run)`` (only after a run that was not
    superseded): drop the state of widgets that did not appear, reset triggers.
    A run whose callbacks failed (an exception, st.stop()) never reached its
    body: it resets triggers but drops nothing.

Receives: the two hooks from scriptrunner/script_runner.py (script thread);
item access from user scripts through st.session_state
(runtime/state/session_state_proxy.py) and from tests
(minilit.testing.AppClient.session_state, another thread); registrations
from elements/widgets/.
Hands to: trace events session.state.changed and script.callback.run.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Iterator, MutableMapping
from typing import Any, TypeVar

from minilit.proto.BackMsg_pb2 import WidgetStates
from minilit.runtime.state.common import (
    TRIGGER_VALUE_TYPES,
    RegisterWidgetResult,
    WidgetMetadata,
    is_element_id,
    is_keyed_element_id,
    trigger_reset_value,
)
from minilit.runtime.state.errors import WidgetAlreadyInstantiatedError
from minilit.runtime.state.widget_states import Value, WStates
from minilit.scriptrunner.exceptions import RerunException
from minilit.scriptrunner.script_requests import RerunData
from minilit.scriptrunner.script_run_context import get_script_run_ctx
from minilit.trace import events
from minilit.trace.bus import BUS

T = TypeVar("T")


def _missing_key_error_message(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state"
        "#initialization"
    )


class SessionState(MutableMapping[str, Any]):
    """A session's persistent state. Thread-safe: every method holds one RLock.

    As a mapping it shows what ``st.session_state`` shows: user keys, and the
    values of keyed widgets under their keys (not unkeyed widgets).
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._old_state: dict[str, Any] = {}
        self._new_session_state: dict[str, Any] = {}
        self._new_widget_state = WStates()
        self._key_to_id: dict[str, str] = {}
        self._id_to_key: dict[str, str] = {}
        self._external_writes: dict[str, Any] = {}
        """Assignments made outside any script run (e.g. by a test through
        AppClient.session_state). minilit-only: they count as assignments made
        at the start of the next run, so a keyed widget adopts them."""
        self._premature_run_id: str | None = None
        """The run whose callbacks failed (raised or called st.stop()): its body never
        ran, so its end must not count as a completed run for stale-widget cleanup."""
        self.shown_default_value_warning = False
        """Whether this session has logged the "default value and session state"
        warning (only logged, never drawn, as in Streamlit 1.67, which logs it once per
        process; minilit once per session)."""

    # --- Mapping view (what st.session_state shows) ------------------------------

    def __getitem__(self, key: str) -> Any:
        with self._lock:
            widget_id = self._get_widget_id(key)
            user_key: str | None = key
            if widget_id == key and widget_id in self._id_to_key:
                user_key = self._id_to_key[widget_id]  # a raw widget id was passed
            try:
                return self._getitem(widget_id, user_key)
            except KeyError:
                raise KeyError(_missing_key_error_message(key)) from None

    def _getitem(self, widget_id: str | None, user_key: str | None) -> Any:
        """The lookup order of the module docstring. Raises KeyError."""
        if user_key is not None and user_key in self._new_session_state:
            return self._new_session_state[user_key]
        if widget_id is not None:
            try:
                return self._new_widget_state[widget_id]
            except KeyError:
                pass
            if widget_id in self._old_state:
                return self._old_state[widget_id]
        if user_key is not None and user_key in self._old_state:
            return self._old_state[user_key]
        raise KeyError(user_key or widget_id)

    # [lesson:setitem]
    def __setitem__(self, key: str, value: Any) -> None:
        """``st.session_state[key] = value``.

        Raises WidgetAlreadyInstantiatedError when the widget (or form) with
        that key was already created in this run.
        """
        ctx = get_script_run_ctx()
        with self._lock:
            if ctx is not None:
                widget_id = self._key_to_id.get(key)
                if widget_id in ctx.widget_ids_this_run or key in ctx.form_ids_this_run:
                    raise WidgetAlreadyInstantiatedError(key)
            else:
                self._external_writes[key] = value
            self._new_session_state[key] = value
        if BUS.enabled:
            self._publish_change(key, "set", value)

    # [/lesson:setitem]

    def __delitem__(self, key: str) -> None:
        with self._lock:
            widget_id = self._get_widget_id(key)
            if not (key in self or widget_id in self):
                raise KeyError(_missing_key_error_message(key))
            self._new_session_state.pop(key, None)
            self._external_writes.pop(key, None)
            self._old_state.pop(key, None)
            if key in self._key_to_id:
                self._id_to_key.pop(self._key_to_id.pop(key), None)
            if widget_id in self._new_widget_state.states:
                del self._new_widget_state[widget_id]
            self._old_state.pop(widget_id, None)
        if BUS.enabled:
            self._publish_change(key, "del", None)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self.filtered_state())

    def __len__(self) -> int:
        return len(self.filtered_state())

    def __repr__(self) -> str:
        return f"SessionState({self.filtered_state()!r})"

    def filtered_state(self) -> dict[str, Any]:
        """User keys and keyed widgets' values, by key (unkeyed widgets left out)."""
        with self._lock:
            state: dict[str, Any] = {}
            for k in self._keys():
                try:
                    if not is_element_id(k):
                        state[k] = self[k]
                    elif is_keyed_element_id(k) and k in self._id_to_key:
                        state[self._id_to_key[k]] = self[k]
                except KeyError:
                    pass  # a browser value for a widget not registered (yet)
            return state

    def _keys(self) -> set[str]:
        """Every key or widget id that may have a value (widget ids for keyed widgets)."""
        old = {self._get_widget_id(k) for k in self._old_state}
        new_session = {self._get_widget_id(k) for k in self._new_session_state}
        return old | self._new_widget_state.keys() | new_session

    def _get_widget_id(self, key: str) -> str:
        """The widget id of a user key, or the argument itself."""
        return self._key_to_id.get(key, key)

    def is_new_state_value(self, user_key: str) -> bool:
        """True if ``user_key`` was assigned through st.session_state and not yet consumed."""
        with self._lock:
            return user_key in self._new_session_state

    def clear(self) -> None:
        """Forget everything (the browser's "Clear cache" also clears session state)."""
        with self._lock:
            self._old_state.clear()
            self._new_session_state.clear()
            self._new_widget_state.clear()
            self._external_writes.clear()
            self._key_to_id.clear()
            self._id_to_key.clear()

    # --- The two hooks of a run (see Note [A run, as the session state sees it]) -----

    # [lesson:will_rerun]
    def on_script_will_rerun(self, widget_states: WidgetStates | None) -> None:
        """Before the script body: apply the browser's values, then run callbacks.

        ``widget_states`` is None for a rerun the script asked for (st.rerun()):
        every widget keeps its value, triggers are reset, no callback runs.
        Called on the script thread, so callbacks see the ScriptRunContext.
        """
        with self._lock:
            self._reset_triggers()
            self._compact_state()
            self._new_session_state.update(self._external_writes)
            self._external_writes.clear()
            if widget_states is None:
                return
            for state in widget_states.widgets:
                self._new_widget_state.set_widget_from_proto(state)
            self._new_widget_state.drop_invalid()
            self._call_callbacks()

    # [/lesson:will_rerun]

    def on_script_finished(self, widget_ids_this_run: set[str]) -> None:
        """After a completed run: widgets that did not appear lose their state."""
        ctx = get_script_run_ctx()
        with self._lock:
            if ctx is None or ctx.script_run_id != self._premature_run_id:
                self._remove_stale_widgets(widget_ids_this_run)
            self._reset_triggers()

    # [lesson:reset_triggers]
    def _reset_triggers(self) -> None:
        """Set every trigger value back: a button's to False, a chat input's to None."""
        metadata = self._new_widget_state.widget_metadata
        for widget_id in self._new_widget_state:
            meta = metadata.get(widget_id)
            if meta is not None and meta.value_type in TRIGGER_VALUE_TYPES:
                self._new_widget_state[widget_id] = Value(trigger_reset_value(meta.value_type))
        for widget_id in self._old_state:
            meta = metadata.get(widget_id)
            if meta is not None and meta.value_type in TRIGGER_VALUE_TYPES:
                self._old_state[widget_id] = trigger_reset_value(meta.value_type)

    # [/lesson:reset_triggers]

    def _compact_state(self) -> None:
        """Copy all current values into _old_state and start the run with nothing new."""
        for key_or_id in self._keys():
            # An unreadable browser value (no metadata yet) is not kept.
            with contextlib.suppress(KeyError):
                self._old_state[key_or_id] = self[key_or_id]
        self._new_session_state.clear()
        self._new_widget_state.clear()

    def _call_callbacks(self) -> None:
        """Call callbacks of changed widgets, in the order their states arrived."""
        # A disabled widget's change can only be stale or forged: no callback (1.67). The
        # metadata is the previous run's, as callbacks run before widgets register.
        metadata = self._new_widget_state.widget_metadata
        changed = [
            wid
            for wid in self._new_widget_state
            if self._widget_changed(wid) and not (wid in metadata and metadata[wid].disabled)
        ]
        rerun_votes = 0
        ctx = get_script_run_ctx()
        for widget_id in changed:
            try:
                ran = self._new_widget_state.call_callback(widget_id)
            except RerunException:
                # st.rerun() in a callback: a vote, honoured after all callbacks (1.67).
                ran, rerun_votes = True, rerun_votes + 1
            except BaseException:
                # An error or st.stop() in a callback ends the run before its body, as
                # in Streamlit (a "premature stop": no widget loses its state for it).
                self._premature_run_id = ctx.script_run_id if ctx is not None else None
                raise
            if ran and BUS.enabled:
                meta = self._new_widget_state.widget_metadata[widget_id]
                BUS.publish(
                    events.CALLBACK_RUN,
                    session_id=ctx.session_id if ctx else "",
                    run_id=ctx.script_run_id if ctx else "",
                    widget_id=widget_id,
                    key=self._id_to_key.get(widget_id, ""),
                    callback=getattr(meta.callback, "__qualname__", repr(meta.callback)),
                )
        if rerun_votes:
            query_string = ctx.query_string if ctx is not None else ""
            raise RerunException(
                RerunData(widget_states=None, query_string=query_string, cause="st.rerun")
            )

    def _widget_changed(self, widget_id: str) -> bool:
        new_value = self._new_widget_state.get(widget_id)
        old_value = self._old_state.get(widget_id)
        try:
            return bool(new_value != old_value)
        except Exception:  # values whose == is not a bool (arrays) count as changed
            return True

    def _remove_stale_widgets(self, active_widget_ids: set[str]) -> None:
        """Forget widgets not seen in the completed run, and their keys' values."""
        self._new_widget_state.remove_stale_widgets(active_widget_ids)
        stale_ids = {k for k in self._old_state if is_element_id(k)} - active_widget_ids
        stale_ids |= set(self._id_to_key) - active_widget_ids
        for widget_id in stale_ids:
            self._old_state.pop(widget_id, None)
            key = self._id_to_key.pop(widget_id, None)
            if key is not None:
                # The key belonged to the widget: its value goes with it (minilit;
                # Streamlit can leave an older copy under the key). An assignment
                # made in this very run is kept: it is not widget state yet.
                self._key_to_id.pop(key, None)
                self._old_state.pop(key, None)

    # --- Widgets --------------------------------------------------------------------

    # [lesson:register_widget]
    def register_widget(
        self, metadata: WidgetMetadata[T], user_key: str | None
    ) -> RegisterWidgetResult[T]:
        """Record a widget created in this run and return the value the script sees.

        Mirrors SessionState.register_widget: the first time a widget is seen
        (no browser value, no previous value, no session_state value for its
        key) its default (the deserializer's answer to "no value") is stored.
        """
        with self._lock:
            widget_id = metadata.id
            self._new_widget_state.widget_metadata[widget_id] = metadata
            if user_key is not None:
                old_id = self._key_to_id.get(user_key)
                if old_id is not None and old_id != widget_id:
                    self._id_to_key.pop(old_id, None)
                self._key_to_id[user_key] = widget_id
                self._id_to_key[widget_id] = user_key
            # A disabled widget cannot be used in the browser: a value sent for it is
            # dropped, so it keeps its previous value (or default), and the browser is
            # told that value again (1.67's server-side `disabled` rule).
            discarded = False
            if metadata.disabled and widget_id in self._new_widget_state:
                del self._new_widget_state[widget_id]
                discarded = user_key is None or user_key not in self._new_session_state
            if widget_id not in self and (user_key is None or user_key not in self):
                initial = copy.deepcopy(metadata.deserializer(None))
                self._new_widget_state.set_from_value(widget_id, initial)
            value: T = copy.deepcopy(self[widget_id])
            changed = user_key is not None and user_key in self._new_session_state
            return RegisterWidgetResult(value, changed or discarded)

    # [/lesson:register_widget]

    def reset_state_value(self, user_key: str, value: Any) -> None:
        """Put ``value`` under ``user_key`` from inside that key's widget call.

        For a widget that had to reset a value which does not fit it (an option that is
        gone, a date out of bounds): st.session_state then shows what the widget returns,
        as in 1.67, without the "cannot be modified after the widget" check.
        """
        with self._lock:
            self._new_session_state[user_key] = value

    def widget_value(self, widget_id: str) -> Any:
        """A widget's current value by id (KeyError if none). For tests and tracing."""
        with self._lock:
            return self._getitem(widget_id, self._id_to_key.get(widget_id))

    # --- Tracing ---------------------------------------------------------------------

    def _publish_change(self, key: str, op: str, value: Any) -> None:
        ctx = get_script_run_ctx()
        text = repr(value)
        BUS.publish(
            events.SESSION_STATE_CHANGED,
            session_id=ctx.session_id if ctx else "",
            run_id=ctx.script_run_id if ctx else "",
            key=key,
            op=op,
            value=text if len(text) <= 200 else text[:197] + "...",
        )
