"""The element tree, fed with a real Streamlit 1.67 session, gives the page that session showed.

The expected pages come from the golden's own deltas: within one successful run the
browser ends up with exactly the last delta written at each path, so the oracle is a
plain dict ``{delta_path: delta}`` built from the recorded messages.
"""

from __future__ import annotations

from pathlib import Path

from minilit.proto import Delta_pb2, ForwardMsg_pb2
from minilit.testing.golden import load_runs
from minilit.testing.page import Page
from minilit.testing.tree import BlockNode, ElementNode, ElementTree, Node

GOLDEN = Path(__file__).parents[1] / "golden" / "data" / "tour.jsonl"
RUN1, RUN2 = load_runs(GOLDEN)
ForwardMsg = ForwardMsg_pb2.ForwardMsg


def deltas_by_path(messages: list[ForwardMsg]) -> dict[tuple[int, ...], Delta_pb2.Delta]:
    page: dict[tuple[int, ...], Delta_pb2.Delta] = {}
    for msg in messages:
        if msg.HasField("delta"):
            page[tuple(msg.metadata.delta_path)] = msg.delta
    return page


def describe_delta(delta: Delta_pb2.Delta) -> tuple[str, str, bytes]:
    kind = delta.WhichOneof("type")
    inner = getattr(delta, kind)
    return kind, inner.WhichOneof("type"), inner.SerializeToString()


def describe_node(node: Node) -> tuple[str, str, bytes]:
    if isinstance(node, ElementNode):
        return "new_element", node.element.WhichOneof("type"), node.element.SerializeToString()
    assert node.block is not None
    return "add_block", node.block.WhichOneof("type"), node.block.SerializeToString()


PageList = list[tuple[tuple[int, ...], tuple[str, str, bytes]]]


def page_of(tree: ElementTree) -> PageList:
    return [(item.delta_path, describe_node(item.node)) for item in tree.walk()]


def expected_page(messages: list[ForwardMsg]) -> PageList:
    return [(path, describe_delta(d)) for path, d in sorted(deltas_by_path(messages).items())]


def feed(tree: ElementTree, messages: list[ForwardMsg]) -> None:
    for msg in messages:
        tree.apply(msg)


def test_run1_gives_run1_page() -> None:
    tree = ElementTree()
    feed(tree, RUN1.messages())
    assert page_of(tree) == expected_page(RUN1.messages())
    assert tree.run_id == RUN1.messages()[0].metadata.run.script_run_id
    assert tree.session_id == RUN1.messages()[0].new_session.initialize.session_id
    assert not tree.running


def test_run1_then_run2_gives_run2_page() -> None:
    tree = ElementTree()
    feed(tree, RUN1.messages())
    feed(tree, RUN2.messages())
    assert page_of(tree) == expected_page(RUN2.messages())
    assert all(not tree.is_stale(item.node) for item in tree.walk())


def test_run2_then_run1_removes_what_run1_did_not_write() -> None:
    # Run 2 has one element more ([0,8]) and its columns at [0,5]; replaying run 1 after
    # it must drop [0,8] and replace the block at [0,5] by run 1's markdown.
    tree = ElementTree()
    feed(tree, RUN2.messages())
    feed(tree, RUN1.messages())
    assert page_of(tree) == expected_page(RUN1.messages())
    paths = [item.delta_path for item in tree.walk()]
    assert max(p for p in paths if p[0] == 0 and len(p) == 2) == (0, 7)


def test_interrupted_run_keeps_stale_nodes() -> None:
    # Run 2 cut short after "clicked Ada" at [0,3], then FINISHED_EARLY_FOR_RERUN.
    run2 = RUN2.messages()
    cut = next(
        i
        for i, m in enumerate(run2)
        if m.HasField("delta") and list(m.metadata.delta_path) == [0, 3]
    )
    finished = ForwardMsg()
    finished.CopyFrom(run2[-2])
    finished.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    partial = [*run2[: cut + 1], finished]

    tree = ElementTree()
    feed(tree, RUN1.messages())
    feed(tree, partial)

    written = deltas_by_path(partial)
    expected = deltas_by_path(RUN1.messages())
    expected.update(written)
    assert page_of(tree) == [(p, describe_delta(d)) for p, d in sorted(expected.items())]
    for item in tree.walk():
        assert tree.is_stale(item.node) == (item.delta_path not in written)


def test_compile_error_finish_keeps_old_page() -> None:
    finished = ForwardMsg()
    finished.CopyFrom(RUN2.messages()[-2])
    finished.script_finished = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
    tree = ElementTree()
    feed(tree, RUN1.messages())
    feed(tree, [RUN2.messages()[0], finished])
    assert page_of(tree) == expected_page(RUN1.messages())
    assert all(tree.is_stale(item.node) for item in tree.walk())


def test_page_accessors_on_the_golden() -> None:
    page = Page.replay(RUN2.messages())
    run2 = deltas_by_path(RUN2.messages())

    def element(path: tuple[int, ...]) -> Delta_pb2.Element:
        return run2[path].new_element

    assert page.title[0].value == element((0, 0)).heading.body
    assert page.title[0].delta_path == (0, 0)
    text_input = page.text_input(key="name")
    assert text_input.id == element((0, 1)).text_input.id
    assert text_input.label == element((0, 1)).text_input.label
    assert page.button[0].label == element((0, 2)).button.label
    assert page.text.values == [element((0, 4)).text.body]
    assert page.sidebar.checkbox[0].label == element((1, 0)).checkbox.label
    assert len(page.main.checkbox) == 0
    assert [c.markdown[0].value for c in page.columns] == [
        element((0, 5, 0, 0)).markdown.body,
        element((0, 5, 1, 0)).markdown.body,
    ]
    markdown_paths = sorted(p for p, d in run2.items() if d.new_element.HasField("markdown"))
    assert page.markdown.values == [element(p).markdown.body for p in markdown_paths]
    slider = page.slider[0]
    assert slider.label == element((0, 7)).slider.label
    assert slider.value == int(element((0, 7)).slider.default[0])
    assert slider.min == element((0, 7)).slider.min and slider.max == element((0, 7)).slider.max


def test_block_nodes_keep_their_protos() -> None:
    tree = ElementTree()
    feed(tree, RUN1.messages())
    flex = tree.root.get_in((0, 4))
    assert isinstance(flex, BlockNode)
    assert flex.block_type() == "flex_container"
    assert [c.block_type() for c in flex.children if isinstance(c, BlockNode)] == ["column"] * 2
