"""Buttons are triggers: True for exactly one run, and a click survives coalescing.

Rules (issue 3, item 3; streamlit-internals §4.4, §6.3): the browser sends
``trigger_value=true`` in one rerun_script only; the server resets triggers after every
run and before the next, so ``st.button`` is True in exactly one run, also when the
script reruns itself; and when two rerun requests coalesce, a click in the older one is
kept (ScriptRequests / AppSession coalescing, the session state's trigger reset).
"""

from __future__ import annotations

import time

from minilit.proto.BackMsg_pb2 import BackMsg, ClientState, WidgetState
from minilit.testing import AppClient
from tests.widgets.conftest import MakeApp, texts

COUNTER = """
import minilit as st
st.session_state.setdefault("runs", [])
clicked = st.button("Click")
st.session_state.runs.append(clicked)
st.text(f"clicked={clicked}")
st.checkbox("Other")
"""


def test_true_for_exactly_one_run(make_app: MakeApp) -> None:
    app = make_app(COUNTER)
    app.run()
    app.button[0].click().run()
    assert texts(app)["clicked"] == "True"
    app.run()
    assert texts(app)["clicked"] == "False"
    app.checkbox[0].check().run()
    assert texts(app)["clicked"] == "False"
    assert app.session_state["runs"] == [False, True, False, False]


def test_a_resent_request_without_the_trigger_sees_false(make_app: MakeApp) -> None:
    """The server side reset: the request after a click carries the button's id no more."""
    app = make_app(COUNTER)
    app.run()
    app.button[0].click().run()
    click = app.last_run.request
    assert click is not None
    # Every widget's value travels (the checkbox's default too), the trigger once.
    sent = {w.id: w.WhichOneof("value") for w in click.rerun_script.widget_states.widgets}
    assert sent == {app.button[0].id: "trigger_value", app.checkbox[0].id: "bool_value"}
    app.run()
    after = app.last_run.request
    assert after is not None
    assert [w.id for w in after.rerun_script.widget_states.widgets] == [app.checkbox[0].id]
    assert texts(app)["clicked"] == "False"


def test_st_rerun_after_a_click_sees_false(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "st.session_state.setdefault('seen', [])\n"
        "v = st.button('Go')\n"
        "st.session_state.seen.append(v)\n"
        "if v:\n"
        "    st.rerun()\n"
    )
    app.run()
    app.button[0].click().run()
    assert app.session_state["seen"] == [False, True, False]


SLOW = """
import time
import minilit as st
st.session_state.in_loop = False
clicked = st.button("Click")
st.text(f"clicked={clicked}")
name = st.text_input("Name")
st.text(f"name={name}")
if st.checkbox("Slow"):
    st.session_state.in_loop = True
    for i in range(10):
        time.sleep(1.0)
        st.text(f"tick {i}")     # a checkpoint: a rerun request interrupts here
"""


def _rerun(*states: WidgetState) -> BackMsg:
    msg = BackMsg(rerun_script=ClientState())
    msg.rerun_script.widget_states.widgets.extend(states)
    return msg


def test_a_click_survives_coalescing(make_app: MakeApp) -> None:
    """Two requests that arrive while a run is busy merge; the older one's click is kept.

    With runner.fastReruns off the requests queue in the running runner's mailbox
    (deterministic): run A sleeps a second between checkpoints, B1 carries a click, B2
    (sent right after) does not; B1 and B2 coalesce into one run that sees the click and
    B2's text.
    """
    app = make_app(SLOW, {"runner.fastReruns": False})
    app.run()
    button, text, slow = app.button[0].id, app.text_input[0].id, app.checkbox[0].id
    app.send(_rerun(WidgetState(id=slow, bool_value=True)))
    deadline = time.monotonic() + 10
    while not app.session_state.to_dict().get("in_loop"):  # run A is in its slow loop
        assert time.monotonic() < deadline
        time.sleep(0.01)
    app.send(
        _rerun(WidgetState(id=slow, bool_value=True), WidgetState(id=button, trigger_value=True))
    )
    app.send(
        _rerun(WidgetState(id=slow, bool_value=False), WidgetState(id=text, string_value="Ada"))
    )
    app.wait_for_run(timeout=10)
    assert len(app.last_run.run_ids) == 2, "A (interrupted) + one coalesced run"
    assert texts(app)["clicked"] == "True"
    assert texts(app)["name"] == "Ada"
    app.run()
    assert texts(app)["clicked"] == "False"


CALLBACK_COUNTER = """
import time
import minilit as st
st.session_state.setdefault("clicks", 0)
def on_click():
    st.session_state.clicks += 1
st.button("Click", on_click=on_click)
st.text_input("Name")
time.sleep(0.05)
st.text(f"clicks={st.session_state.clicks}")
"""


def test_no_click_is_lost_or_doubled_with_fast_reruns(make_app: MakeApp) -> None:
    """Fast reruns (the default): a click followed at once by another request.

    Whatever the interleaving (the second request coalesces into the first's unstarted
    request, or stops the run that already took it), the click's callback runs exactly
    once. Repeated, because the interleaving is up to the threads.
    """
    app: AppClient = make_app(CALLBACK_COUNTER)
    app.run()
    button, text = app.button[0].id, app.text_input[0].id
    for i in range(20):
        app.send(_rerun(WidgetState(id=button, trigger_value=True)))
        app.send(_rerun(WidgetState(id=text, string_value=f"n{i}")))
        app.wait_for_run(timeout=10)
    assert texts(app)["clicks"] == "20"
    assert app.session_state["clicks"] == 20


def test_session_state_reads_false_after_the_click_run(make_app: MakeApp) -> None:
    """The reset at the end of a run: between runs, a keyed button's value is False again.

    The script sees True during the click run; when the run is over (script_finished has
    arrived, and the reset precedes it on the script thread) st.session_state["go"] reads
    False, and so do ``in`` and ``to_dict``, before any other run starts.
    """
    app = make_app(
        "import minilit as st\n"
        "go = st.button('Go', key='go')\n"
        "st.text(f\"during={go},{st.session_state['go']}\")\n"
    )
    app.run()
    assert app.session_state["go"] is False
    app.button[0].click().run()
    assert texts(app)["during"] == "True,True"
    assert app.session_state["go"] is False
    assert app.session_state.to_dict()["go"] is False
