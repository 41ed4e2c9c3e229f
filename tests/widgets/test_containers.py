"""Containers (issue 3, item 5): sidebar, columns with weights, container, expander,
``with`` blocks and method calls, a placeholder turned into a container.

Columns are sent as 1.67 sends them: a horizontal flex_container block, then one column
block per column with its share of the width as ``weight`` (the recording's
``st.columns(2)`` is compared field by field in test_golden.py).
"""

from __future__ import annotations

import pytest

from minilit.proto.Delta_pb2 import Block
from minilit.testing import AppClient
from tests.widgets.conftest import APPS, MakeApp


@pytest.fixture
def app(make_app: MakeApp) -> AppClient:
    client = make_app(APPS / "containers.py")
    client.run()
    assert not client.exception
    return client


def test_widgets_land_where_their_container_is(app: AppClient) -> None:
    paths = {w.key: w.delta_path for w in app.widgets}
    assert paths == {
        "side": (1, 0),
        "side_cb": (1, 1),
        "left": (0, 0, 0, 0),
        "right": (0, 0, 1, 0),
        "box": (0, 1, 0),
        "exp": (0, 2, 0),
        "ph": (0, 3, 0),
    }
    assert [w.key for w in app.sidebar.slider] == ["side"]
    assert [w.key for w in app.expander[0].toggle] == ["exp"]


def test_columns_are_a_flex_row_of_weighted_columns(app: AppClient) -> None:
    blocks = {
        tuple(m.metadata.delta_path): m.delta.add_block
        for m in app.last_run.messages
        if m.delta.HasField("add_block")
    }
    row = blocks[(0, 0)]
    assert row.WhichOneof("type") == "flex_container"
    assert row.flex_container.direction == Block.FlexContainer.HORIZONTAL
    assert row.flex_container.wrap and row.flex_container.align == Block.FlexContainer.STRETCH
    assert [blocks[(0, 0, i)].column.weight for i in (0, 1)] == pytest.approx([2 / 3, 1 / 3])
    assert all(blocks[(0, 0, i)].allow_empty for i in (0, 1))
    assert [c.weight for c in app.columns] == pytest.approx([2 / 3, 1 / 3])
    assert blocks[(0, 1)].flex_container.border is True
    assert blocks[(0, 2)].expandable.label == "More" and blocks[(0, 2)].expandable.expanded


def test_a_placeholder_becomes_a_container(app: AppClient) -> None:
    at_slot = [
        m.delta.WhichOneof("type") for m in app.last_run.messages if m.metadata.delta_path == [0, 3]
    ]
    # st.empty() then .container() at the same path (the queue may have coalesced them).
    assert at_slot[-1] == "add_block"
    assert app.radio(key="ph").delta_path == (0, 3, 0)


def test_widgets_in_containers_keep_their_values(app: AppClient) -> None:
    app.slider(key="side").set_value(9)
    app.text_input(key="left").input("hi")
    app.radio(key="ph").select("b")
    app.number_input(key="box").set_value(3)
    app.toggle(key="exp").set_value(True)
    app.run()
    text = app.text[0].value
    for part in ("'side': 9", "'left': 'hi'", "'ph': 'b'", "'box': 3", "'exp': True"):
        assert part in text
    app.button(key="right").click().run()
    assert "'right': True" in app.text[0].value
    app.run()
    assert "'right': False" in app.text[0].value
