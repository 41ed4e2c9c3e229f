"""Widget identity (issue 3, item 2) and the life of widget state (item 3, stale widgets).

The id rule is Streamlit 1.67's (minilit/elements/widgets/ids.py, Note [The id rule]):
without a key every identity parameter counts, with a key only the key and a few
value-shaping parameters; the root container (main/sidebar) and the form count for
unkeyed widgets. Two widgets with one identity in a run raise a duplicate error, shown
as an exception element. A widget missing from a completed run loses its state.
"""

from __future__ import annotations

import re

from minilit.runtime.state.common import user_key_from_element_id
from tests.widgets.conftest import MakeApp, texts

VARIANT = """
import minilit as st
variant = st.checkbox("Variant")
label = "Second label" if variant else "First label"
st.text(f"unkeyed={st.slider(label, 0, 10, 1)}")
st.text(f"keyed={st.slider(label, 0, 10, 1, key='k')}")
st.text(f"keyed_max={st.slider('Max', 0, 20 if variant else 10, 1, key='m')}")
quiet = st.slider("Quiet", 0, 10, 1, disabled=variant, on_change=None if variant else print)
st.text(f"quiet={quiet}")
"""


def test_what_changes_an_id_follows_1_67(make_app: MakeApp) -> None:
    app = make_app(VARIANT)
    app.run()
    before = [w.id for w in app.slider]  # unkeyed, keyed k, keyed m, quiet
    for slider in app.slider:
        slider.set_value(5)
    app.run()
    assert texts(app) == {"unkeyed": "5", "keyed": "5", "keyed_max": "5", "quiet": "5"}

    app.checkbox[0].check().run()
    after = [w.id for w in app.slider]
    # Unkeyed: a new label is a new widget, back to its default.
    assert after[0] != before[0]
    assert texts(app)["unkeyed"] == "1"
    # Keyed: the key is the identity; the label does not count (1.39 would reset it).
    assert after[1] == before[1]
    assert texts(app)["keyed"] == "5"
    # Keyed, but max_value shapes a slider's value: a new widget.
    assert after[2] != before[2]
    assert texts(app)["keyed_max"] == "1"
    # disabled and on_change never count.
    assert after[3] == before[3]
    assert texts(app)["quiet"] == "5"


KEYED_TOGGLE = """
import minilit as st
variant = st.checkbox("Variant")
label = "Second label" if variant else "First label"
st.text(f"keyed={st.checkbox(label, key='c')}")
st.text(f"sidebar_keyed={st.sidebar.checkbox(label + ' in the sidebar', key='s')}")
st.text(f"unkeyed={st.checkbox(label + ' without a key')}")
"""


def test_a_keyed_checkbox_is_its_key(make_app: MakeApp) -> None:
    """key_as_main_identity=True (buttons, checkboxes): with a key nothing else counts,
    not the label, not main/sidebar; without one the label makes a new widget.
    """
    app = make_app(KEYED_TOGGLE)
    app.run()

    def ids() -> dict[str, str]:
        return {w.label.replace("Second", "First"): w.id for w in app.checkbox}

    before = ids()
    for box in app.checkbox:
        if box.label != "Variant":
            box.check()
    app.run()
    assert texts(app) == {"keyed": "True", "sidebar_keyed": "True", "unkeyed": "True"}
    next(box for box in app.checkbox if box.label == "Variant").check().run()
    after = ids()
    assert after.keys() == before.keys()
    keyed = [label for label, i in before.items() if user_key_from_element_id(i) is not None]
    assert len(keyed) == 2
    for label in keyed:
        assert after[label] == before[label], "the key is the identity"
    assert texts(app)["keyed"] == "True"
    assert texts(app)["sidebar_keyed"] == "True"
    unkeyed = "First label without a key"
    assert after[unkeyed] != before[unkeyed], "unkeyed: a new label, a new widget"
    assert texts(app)["unkeyed"] == "False"


def test_id_format(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\nst.button('A')\nst.button('B', key='b')\nst.button('C', key=7)\n"
    )
    app.run()
    ids = [w.id for w in app.button]
    digests = []
    for widget_id in ids:
        prefix, digest, _ = widget_id.split("-", 2)
        assert prefix == "$$ID"
        assert re.fullmatch(r"[0-9a-f]{32}", digest), f"BLAKE2b-128 as lowercase hex: {digest}"
        digests.append(digest)
    assert len(set(digests)) == 3, "three identities, three digests"
    assert [user_key_from_element_id(i) for i in ids] == [None, "b", "7"]
    assert [w.id for w in app.run().button] == ids, "an id is the same in every run"


def test_main_and_sidebar_and_forms_are_separate_identities(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "st.checkbox('Same')\n"
        "st.sidebar.checkbox('Same')\n"
        "with st.form('f'):\n"
        "    st.checkbox('Same')\n"
        "    st.form_submit_button()\n"
    )
    app.run()
    assert not app.exception
    assert len({w.id for w in app.checkbox}) == 3


def test_duplicate_ids_raise_a_clear_error(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "st.text('before')\n"
        "st.button('Twice')\n"
        "st.button('Twice')\n"
        "st.text('after')\n"
    )
    app.run()
    assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
    exc = app.exception[0]
    assert exc.proto.type == "streamlit.errors.StreamlitDuplicateElementId"
    assert "multiple `button` elements with the same auto-generated ID" in exc.proto.message
    assert "pass a unique `key` argument" in exc.proto.message
    assert exc.delta_path == (0, 2)  # where the second button would have been
    assert len(app.button) == 1
    assert app.text.values == ["before"]


def test_duplicate_keys_raise_a_clear_error(make_app: MakeApp) -> None:
    app = make_app("import minilit as st\nst.slider('One', key='x')\nst.checkbox('Two', key='x')\n")
    app.run()
    exc = app.exception[0].proto
    assert exc.type == "streamlit.errors.StreamlitDuplicateElementKey"
    assert "There are multiple elements with the same `key='x'`" in exc.message


def test_a_widget_missing_from_a_completed_run_loses_its_state(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "show = st.checkbox('Show', value=True)\n"
        "if show:\n"
        "    st.text(f\"keyed={st.slider('Keyed', 0, 10, 1, key='k')}\")\n"
        "    st.text(f\"unkeyed={st.slider('Unkeyed', 0, 10, 1)}\")\n"
        "st.text(f\"in_state={'k' in st.session_state}\")\n"
    )
    app.run()
    app.slider(key="k").set_value(7)
    app.slider[1].set_value(8)
    app.run()
    assert texts(app) == {"keyed": "7", "unkeyed": "8", "in_state": "True"}
    app.checkbox[0].uncheck().run()
    # During the run that lacks them the values still exist; the run's end removes them.
    assert texts(app) == {"in_state": "True"}
    assert "k" not in app.session_state
    app.run()
    assert texts(app) == {"in_state": "False"}
    app.checkbox[0].check().run()
    assert texts(app) == {"keyed": "1", "unkeyed": "1", "in_state": "True"}


def test_a_run_interrupted_by_a_rerun_does_not_drop_state(make_app: MakeApp) -> None:
    """Stale cleanup happens only after a completed run (st.rerun() ends this one early)."""
    app = make_app(
        "import minilit as st\n"
        "st.session_state.setdefault('n', 0)\n"
        "st.session_state.n += 1\n"
        "if st.session_state.n == 3:\n"
        "    st.rerun()   # the slider below is not reached in this run\n"
        "st.text(f\"v={st.slider('V', 0, 10, 1, key='v')}\")\n"
    )
    app.run()
    app.slider(key="v").set_value(6).run()
    assert texts(app)["v"] == "6"
    app.widget_states.remove_inactive([])  # the browser sends nothing this time
    app.run()  # run 3 reruns itself before the slider; run 4 still has the value
    assert texts(app)["v"] == "6"


def test_widgets_outside_a_script_run_return_their_defaults() -> None:
    """Bare mode (python app.py): no ScriptRunContext, no page hash; a widget still works."""
    import minilit as st

    assert st.button("Outside") is False
    assert st.checkbox("Outside too", value=True) is True
