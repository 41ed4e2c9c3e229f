"""Tabs, popovers, st.status, chat and dialogs on the wire (issue 12, items 4 and 5).

A real minilit server, a real websocket, the headless client: where each block goes
(its delta path), the fields it carries, and the chat input's one-run value.
"""

from __future__ import annotations

from minilit.proto.BackMsg_pb2 import WidgetState, WidgetStates
from minilit.proto.Delta_pb2 import Block, RootContainer
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.scriptrunner.script_requests import coalesce_widget_states
from minilit.testing import AppClient
from tests.widgets.conftest import MakeApp


def _deltas(app: AppClient) -> list[tuple[tuple[int, ...], ForwardMsg]]:
    return [(tuple(m.metadata.delta_path), m) for m in app.last_run.messages if m.HasField("delta")]


def _blocks(app: AppClient) -> dict[tuple[int, ...], list[Block]]:
    """Every add_block of the last run by delta path, in the order sent."""
    out: dict[tuple[int, ...], list[Block]] = {}
    for path, msg in _deltas(app):
        if msg.delta.HasField("add_block"):
            out.setdefault(path, []).append(msg.delta.add_block)
    return out


def test_tabs_are_a_tab_container_of_tab_blocks(make_app: MakeApp) -> None:
    app = make_app(
        "import streamlit as st\n"
        "a, b = st.tabs(['A', 'B'], default='B', key='t')\n"
        "b.text('in b')\n"
        "a.text('in a')\n"
    )
    app.run()
    blocks = _blocks(app)
    [container] = blocks[(0, 0)]
    assert container.WhichOneof("type") == "tab_container"
    assert container.tab_container.default_tab_index == 1
    assert container.id.endswith("-t")  # a keyed tab container carries its id
    assert [blocks[(0, 0, i)][0].tab.label for i in (0, 1)] == ["A", "B"]
    assert all(blocks[(0, 0, i)][0].allow_empty for i in (0, 1))
    assert [t.label for t in app.tabs] == ["A", "B"]
    assert [t.value for t in app.tabs[1].text] == ["in b"]
    assert app.tabs[0].text[0].delta_path == (0, 0, 0, 0)


def test_a_popover_is_a_block_with_its_button(make_app: MakeApp) -> None:
    app = make_app(
        "import streamlit as st\n"
        "with st.popover('Menu', icon='🍔', help='tip', type='primary'):\n"
        "    st.text('inside')\n"
    )
    app.run()
    [block] = _blocks(app)[(0, 0)]
    assert block.allow_empty
    assert (block.popover.label, block.popover.icon, block.popover.help) == ("Menu", "🍔", "tip")
    assert block.popover.type == "primary"
    assert block.popover.HasField("open") and not block.popover.open  # 1.67 sends open=False
    assert block.width_config.use_content  # a popover's width is "content" by default
    assert app.popover[0].text[0].value == "inside"


def test_status_is_an_expander_resent_on_update(make_app: MakeApp) -> None:
    app = make_app(
        "import streamlit as st\n"
        "with st.status('Working', expanded=True) as s:\n"
        "    st.text('step')\n"
        "    s.update(label='Half way')\n"
        "try:\n"
        "    with st.status('Failing'):\n"
        "        raise ValueError\n"
        "except ValueError:\n"
        "    pass\n"
    )
    app.run()
    blocks = _blocks(app)
    first, update, done = blocks[(0, 0)]  # created, update(), leaving the with block
    assert first.expandable.state == Block.Expandable.RUNNING
    assert first.expandable.icon == "spinner" and first.expandable.expanded
    assert update.expandable.label == "Half way"
    assert not update.expandable.HasField("expanded")  # the browser keeps the user's choice
    assert done.expandable.state == Block.Expandable.COMPLETE
    assert done.expandable.icon == ":material/check:" and done.expandable.label == "Half way"
    failing = blocks[(0, 1)]
    assert failing[-1].expandable.state == Block.Expandable.ERROR
    assert failing[-1].expandable.icon == ":material/error:"
    assert [s.state for s in app.status] == ["complete", "error"]
    assert app.status[0].text[0].delta_path == (0, 0, 0)  # the children survive the updates


CHAT_APP = """
import streamlit as st
with st.sidebar:
    side = st.chat_input("side", key="side")
def submitted():
    st.session_state.cb = True
said = st.chat_input("Say", key="main", max_chars=5, on_submit=submitted)
st.text(f"said={said} side={side} cb={st.session_state.get('cb')}")
st.button("Prefill", on_click=lambda: st.session_state.update(main="draft"))
"""


def test_chat_input_goes_to_the_bottom_from_main_and_inline_elsewhere(make_app: MakeApp) -> None:
    app = make_app(CHAT_APP)
    app.run()
    paths = {m.delta.new_element.chat_input.placeholder: p for p, m in _deltas(app)}
    assert paths["Say"] == (RootContainer.BOTTOM, 0)
    assert paths["side"] == (RootContainer.SIDEBAR, 0)
    main = app.chat_input(key="main")
    assert main.proto.is_auto_positioned_at_bottom and main.proto.max_chars == 5
    assert not app.chat_input(key="side").proto.is_auto_positioned_at_bottom


def test_a_chat_message_is_seen_in_one_run_only(make_app: MakeApp) -> None:
    app = make_app(CHAT_APP)
    app.run()
    assert app.text[0].value == "said=None side=None cb=None"
    sent = app.chat_input(key="main").set_value("hello!")
    assert sent.value == "hello!"
    [state] = [w for w in app.widget_states.create_client_state().widget_states.widgets]
    assert state.chat_input_value.data == "hello!"  # the value kind 1.67 sends
    sent.set_value("hello!")
    app.run()
    assert app.text[0].value == "said=hello side=None cb=True"  # max_chars=5 cuts it
    app.run()  # the next run (anything else) does not see the message again
    assert app.text[0].value == "said=None side=None cb=True"


def test_session_state_fills_the_chat_box_without_sending(make_app: MakeApp) -> None:
    app = make_app(CHAT_APP)
    app.run()
    app.button[0].click().run()  # its callback sets st.session_state.main
    box = app.chat_input(key="main")
    assert box.proto.set_value and box.proto.value == "draft"
    assert app.text[0].value.startswith("said=None")  # the script does not see it as sent
    app.run()
    assert not app.chat_input(key="main").proto.set_value  # the key went back to None


def test_a_pending_chat_message_survives_a_merged_rerun() -> None:
    message = WidgetState(id="chat")
    message.chat_input_value.data = "hi"
    old = WidgetStates(widgets=[message])
    new = WidgetStates(widgets=[WidgetState(id="other", bool_value=True)])
    merged = {w.id: w for w in coalesce_widget_states(old, new).widgets}
    assert merged["chat"].chat_input_value.data == "hi"
    assert merged["other"].bool_value


def test_chat_message_blocks_carry_name_and_avatar(make_app: MakeApp) -> None:
    app = make_app(
        "import streamlit as st\n"
        "st.chat_message('human').text('h')\n"
        "st.chat_message('Bot', avatar='🦜').text('b')\n"
        "st.chat_message('Zed').text('z')\n"
    )
    app.run()
    got = [(m.name, m.avatar, m.proto.avatar_type) for m in app.chat_message]
    assert got == [
        ("human", "user", Block.ChatMessage.ICON),  # a preset name picks its icon
        ("Bot", "🦜", Block.ChatMessage.EMOJI),
        ("Zed", "", Block.ChatMessage.ICON),
    ]


DIALOG_APP = """
import streamlit as st

@st.dialog("Edit", width=600, on_dismiss="rerun")
def edit(name):
    st.text(f"editing {name}")

st.text("page")
if st.button("Open"):
    edit("x")
"""


def test_a_dialog_opens_in_the_event_container(make_app: MakeApp) -> None:
    app = make_app(DIALOG_APP)
    app.run()
    assert list(app.dialog) == []
    app.button[0].click().run()
    blocks = _blocks(app)
    created, opened = blocks[(RootContainer.EVENT, 0)]
    assert not created.dialog.HasField("is_open")
    assert opened.dialog.is_open and opened.dialog.title == "Edit"
    assert opened.dialog.pixel_width == 600 and opened.dialog.width == Block.Dialog.SMALL
    assert opened.dialog.dismissible
    # on_dismiss="rerun": the dialog is a trigger widget, its id in dialog.id too.
    assert opened.dialog.id == opened.id and opened.id.startswith("$$ID-")
    # The function's output sits in a container of its own (1.67's fragment container).
    assert blocks[(RootContainer.EVENT, 0, 0)][0].WhichOneof("type") == "flex_container"
    [dialog] = app.dialog
    assert dialog.label == "Edit" and dialog.is_open
    assert dialog.text[0].value == "editing x"
    app.run()  # the next run does not call edit(): the dialog is gone
    assert list(app.dialog) == []
    assert [t.value for t in app.text] == ["page"]


def test_dismissing_a_dialog_with_on_dismiss_reruns_with_its_trigger(make_app: MakeApp) -> None:
    app = make_app(
        "import streamlit as st\n"
        "def dismissed():\n"
        "    st.session_state.n = st.session_state.get('n', 0) + 1\n"
        "@st.dialog('D', on_dismiss=dismissed)\n"
        "def d():\n"
        "    st.text('in d')\n"
        "d()\n"
        "st.text(f\"dismissed {st.session_state.get('n', 0)}\")\n"
    )
    app.run()
    dialog_id = app.dialog[0].proto.id
    assert dialog_id
    app.widget_states.set_trigger(dialog_id)  # what the browser sends when dismissed
    app.run()
    assert app.main.text[0].value == "dismissed 1"
    app.run()
    assert app.main.text[0].value == "dismissed 1"  # a trigger: once


def test_stateful_containers_are_widgets_under_their_block_id(make_app: MakeApp) -> None:
    app = make_app(
        "import streamlit as st\n"
        "t = st.tabs(['A', 'B'], on_change='rerun', key='t')\n"
        "e = st.expander('E', on_change='rerun')\n"
        "p = st.popover('P', on_change='rerun')\n"
        "st.text(f'{[x.open for x in t]} {e.open} {p.open}')\n"
    )
    app.run()
    blocks = _blocks(app)
    [tabs], [expander], [popover] = blocks[(0, 0)], blocks[(0, 1)], blocks[(0, 2)]
    assert tabs.tab_container.id == tabs.id and tabs.id.endswith("-t")
    assert expander.expandable.id == expander.id and expander.id.endswith("-None")
    assert popover.popover.id == popover.id
    assert app.text[0].value == "[True, False] False False"
    app.tabs[1].select()
    app.expander[0].expand()
    app.popover[0].open().run()
    assert app.text[0].value == "[False, True] True True"
    assert _blocks(app)[(0, 0)][0].tab_container.default_tab_index == 1
    assert _blocks(app)[(0, 1)][0].expandable.expanded
    assert _blocks(app)[(0, 2)][0].popover.open
