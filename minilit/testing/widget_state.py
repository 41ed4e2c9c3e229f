"""The client's widget values: what the next ``rerun_script`` will carry.

Mirrors: Streamlit's ``frontend/lib/src/WidgetStateManager.ts`` (``WidgetStateManager``,
``FormsData``, ``createWidgetStatesMsg``, ``submitForm``, ``removeInactive``), the part of
the browser that decides what ``ClientState.widget_states`` contains.

The rules kept (streamlit-internals §6.2, §6.3, §6.5):

- every ``rerun_script`` carries the *complete* set of values the client knows, not a diff;
- a trigger (button, form submit button) is sent in exactly one ``rerun_script`` and then
  forgotten, so the next rerun reports no click;
- a widget inside a form (``form_id`` set) parks its new value in that form's pending
  state; nothing is sent until the form is submitted, and submitting copies the pending
  values into the main state and sets the submit button's trigger;
- after a successful run, values of widgets that are no longer on the page are dropped.

Like the browser, the client also commits every widget's *default* value when the widget
first appears (``commit_default``, called by ``AppClient`` after each run; the browser's
widgets do it when they mount), so the ClientState lists every widget on the page with
its value, not only the widgets the test touched. A ``None`` default
(``st.number_input(value=None)``, ``st.selectbox(index=None)``) is sent as the widget's
id with no value; a button has no value until it is clicked. A widget inside a form
commits its default to the main state too (sent before any submit); only the values the
user changes wait for the submit. These rules were read off the frames Chromium sends to
real Streamlit 1.67 (``tests/testing/test_client_complete_state.py`` keeps checking
them). ``clear_on_submit`` resets the form's pending values only.

Receives: values from ``minilit.testing.elements`` widget wrappers (``set_value``,
``click``, ``submit``) and the list of widgets on the page after each run from
``minilit.testing.client.AppClient``. Hands to: ``AppClient.run``, a ``ClientState``.
"""

from __future__ import annotations

from collections.abc import Iterable

from minilit.proto import BackMsg_pb2

WidgetState = BackMsg_pb2.WidgetState


class WidgetStateManager:
    """Widget values by widget id, plus pending triggers and per-form pending values.

    Example::

        mgr = WidgetStateManager()
        mgr.set_state(WidgetState(id=text_id, string_value="Ada"))
        mgr.set_trigger(button_id)
        client_state = mgr.create_client_state()   # carries both
        client_state = mgr.create_client_state()   # carries only the text value
    """

    def __init__(self) -> None:
        self._values: dict[str, WidgetState] = {}
        """Committed values by widget id: sent with every rerun."""
        self._triggers: dict[str, WidgetState] = {}
        """Triggers waiting to be sent once."""
        self._forms: dict[str, dict[str, WidgetState]] = {}
        """form_id → widget id → value parked until the form is submitted."""
        self._order: dict[str, int] = {}
        """widget id → position in the last run (the order a browser mounts widgets)."""
        self._cleared: set[str] = set()
        """Form widgets reset by ``clear_on_submit``: they show their default again."""
        self.changed: list[str] = []
        """Widgets changed since the last ``create_client_state`` (a browser would have
        sent a rerun for each): the client reruns their fragment if they share one."""

    def user_set_state(self, state: WidgetState, form_id: str = "") -> None:
        """``set_state`` for a change the user made (counted in ``changed`` outside forms)."""
        self.set_state(state, form_id)
        if not form_id:
            self.changed.append(state.id)

    def set_state(self, state: WidgetState, form_id: str = "") -> None:
        """Record a value the user chose (a copy of ``state``; ``state.id`` names the widget).

        Inside a form (``form_id`` not empty) the value is parked until ``submit_form``.
        """
        copy = WidgetState()
        copy.CopyFrom(state)
        self._cleared.discard(copy.id)
        if form_id:
            self._forms.setdefault(form_id, {})[copy.id] = copy
        else:
            self._values[copy.id] = copy

    def set_trigger(self, widget_id: str, state: WidgetState | None = None) -> None:
        """Press a button: ``trigger_value=true`` goes out with the next rerun only.

        ``state`` is another trigger value to send once instead (a chat input's
        ``chat_input_value``).
        """
        self.changed.append(widget_id)
        if state is None:
            self._triggers[widget_id] = WidgetState(id=widget_id, trigger_value=True)
            return
        copy = WidgetState()
        copy.CopyFrom(state)
        copy.id = widget_id
        self._triggers[widget_id] = copy

    def pending_trigger(self, widget_id: str) -> WidgetState | None:
        """The trigger waiting for the next rerun for this widget, or None."""
        return self._triggers.get(widget_id)

    def submit_form(
        self,
        form_id: str,
        submit_button_id: str,
        *,
        clear_on_submit: bool = False,
        form_widget_ids: Iterable[str] = (),
    ) -> None:
        """Commit the form's parked values and press its submit button (``submitForm``).

        With ``clear_on_submit`` the form's widgets (``form_widget_ids``) show their
        defaults again; the submitted values stay committed, as in the browser.
        """
        for widget_id, state in self._forms.pop(form_id, {}).items():
            self._values[widget_id] = state
        self.set_trigger(submit_button_id)
        if clear_on_submit:
            self._cleared.update(form_widget_ids)

    def commit_default(self, state: WidgetState) -> bool:
        """A widget appeared: commit its default (``state``) unless a value is known.

        Defaults go to the main state even for a widget in a form, as in the browser.
        Returns True if the default was committed (the widget had no value yet).
        """
        if state.id in self._values or state.id in self._cleared:
            return False
        self.set_state(state)
        return True

    def adopt_server_value(self, state: WidgetState) -> None:
        """The server sent ``set_value=true`` (a session_state write): take its value."""
        self.set_state(state)
        for pending in self._forms.values():
            pending.pop(state.id, None)

    def current(self, widget_id: str, form_id: str = "") -> WidgetState | None:
        """The value this client would show for a widget, or None if it knows none."""
        if widget_id in self._cleared:
            return None
        if form_id and widget_id in self._forms.get(form_id, {}):
            return self._forms[form_id][widget_id]
        return self._values.get(widget_id)

    def has_trigger(self, widget_id: str) -> bool:
        """Whether a click on this widget is waiting for the next rerun."""
        return widget_id in self._triggers

    def note_page_order(self, widget_ids: Iterable[str]) -> None:
        """Remember the order in which widgets arrived in the last run."""
        self._order = {widget_id: i for i, widget_id in enumerate(widget_ids)}

    def create_client_state(self) -> BackMsg_pb2.ClientState:
        """The ``ClientState`` for the next ``rerun_script``; consumes pending triggers.

        States are listed in page order (the order widgets arrived in the last run), the
        ones not on the page last.
        """
        states = {**self._values, **self._triggers}
        self._triggers = {}
        self.changed = []
        ids = sorted(states, key=lambda wid: self._order.get(wid, len(self._order)))
        client_state = BackMsg_pb2.ClientState()
        # An empty WidgetStates is still sent (the browser sends `widget_states {}`).
        client_state.widget_states.SetInParent()
        client_state.widget_states.widgets.extend(states[wid] for wid in ids)
        return client_state

    def remove_inactive(self, active_ids: Iterable[str]) -> None:
        """Forget values of widgets not on the page after a successful run."""
        active = set(active_ids)
        self._cleared &= active
        self._values = {k: v for k, v in self._values.items() if k in active}
        for form_id, pending in list(self._forms.items()):
            self._forms[form_id] = {k: v for k, v in pending.items() if k in active}
