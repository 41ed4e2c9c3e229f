"""The browser's tree rules (streamlit-internals §5.1), one at a time, with hand-made deltas."""

from __future__ import annotations

import pytest

from minilit.proto import Delta_pb2, ForwardMsg_pb2
from minilit.testing.tree import BlockNode, ElementNode, ElementTree, TreeError

ForwardMsg = ForwardMsg_pb2.ForwardMsg


def new_session(run_id: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.run.script_run_id = run_id
    msg.new_session.initialize.session_id = "session-1"
    return msg


def finished(run_id: str, status: int = ForwardMsg.FINISHED_SUCCESSFULLY) -> ForwardMsg:
    msg = ForwardMsg(script_finished=status)  # type: ignore[arg-type]
    msg.metadata.run.script_run_id = run_id
    return msg


def text(path: list[int], body: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    msg.delta.new_element.text.body = body
    return msg


def block(path: list[int], kind: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    getattr(msg.delta.add_block, kind).SetInParent()
    return msg


def run(tree: ElementTree, run_id: str, *deltas: ForwardMsg, status: int = 0) -> None:
    tree.apply(new_session(run_id))
    for delta in deltas:
        tree.apply(delta)
    tree.apply(finished(run_id, status))


def bodies(tree: ElementTree) -> dict[tuple[int, ...], str]:
    return {
        item.delta_path: item.node.element.text.body
        for item in tree.walk()
        if isinstance(item.node, ElementNode)
    }


def test_new_element_replaces_at_the_same_path() -> None:
    tree = ElementTree()
    run(tree, "r1", text([0, 0], "placeholder 1"), text([0, 0], "placeholder 2"))
    assert bodies(tree) == {(0, 0): "placeholder 2"}


def test_block_of_same_type_keeps_children() -> None:
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(block([0, 0], "expandable"))
    tree.apply(text([0, 0, 0], "inside"))
    tree.apply(finished("r1"))
    tree.apply(new_session("r2"))
    tree.apply(block([0, 0], "expandable"))  # re-sent, children not (yet) re-sent
    assert bodies(tree) == {(0, 0, 0): "inside"}
    child = tree.root.get_in((0, 0, 0))
    assert child is not None and tree.is_stale(child)


def test_block_of_other_type_starts_empty() -> None:
    tree = ElementTree()
    run(tree, "r1", block([0, 0], "expandable"), text([0, 0, 0], "inside"))
    tree.apply(new_session("r2"))
    tree.apply(block([0, 0], "vertical"))
    assert bodies(tree) == {}


def test_element_replacing_a_block_drops_its_children() -> None:
    tree = ElementTree()
    run(tree, "r1", block([0, 0], "vertical"), text([0, 0, 0], "inside"))
    tree.apply(new_session("r2"))
    tree.apply(text([0, 0], "flat"))
    assert bodies(tree) == {(0, 0): "flat"}


def test_success_removes_nodes_not_written_this_run() -> None:
    tree = ElementTree()
    run(tree, "r1", text([0, 0], "a"), text([0, 1], "b"), text([1, 0], "side"))
    run(tree, "r2", text([0, 0], "a2"))
    assert bodies(tree) == {(0, 0): "a2"}  # the sidebar is emptied too


def test_parent_block_is_restamped_by_a_child_write() -> None:
    # A block not re-sent but with a child written this run survives (setIn re-stamps it).
    tree = ElementTree()
    run(tree, "r1", block([0, 0], "vertical"), text([0, 0, 0], "a"))
    run(tree, "r2", text([0, 0, 0], "b"))
    assert bodies(tree) == {(0, 0, 0): "b"}
    assert isinstance(tree.root.get_in((0, 0)), BlockNode)


@pytest.mark.parametrize(
    "status", [ForwardMsg.FINISHED_EARLY_FOR_RERUN, ForwardMsg.FINISHED_WITH_COMPILE_ERROR]
)
def test_no_cleanup_after_interrupted_or_failed_run(status: int) -> None:
    tree = ElementTree()
    run(tree, "r1", text([0, 0], "a"), text([0, 1], "b"))
    run(tree, "r2", text([0, 0], "a2"), status=status)
    assert bodies(tree) == {(0, 0): "a2", (0, 1): "b"}
    stale = {item.delta_path for item in tree.walk() if tree.is_stale(item.node)}
    assert stale == {(0, 1)}


def test_cleanup_packs_surviving_children() -> None:
    # Holes left by removed nodes close up, as the frontend's filter(notUndefined) does.
    tree = ElementTree()
    run(tree, "r1", text([0, 0], "a"), text([0, 1], "b"), text([0, 2], "c"))
    tree.apply(new_session("r2"))
    tree.apply(text([0, 0], "a"))
    tree.apply(text([0, 2], "c"))
    tree.apply(finished("r2"))
    assert bodies(tree) == {(0, 0): "a", (0, 1): "c"}


def test_delta_past_the_end_leaves_a_hole() -> None:
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(text([0, 2], "late"))
    assert bodies(tree) == {(0, 2): "late"}


def test_path_through_an_element_is_an_error() -> None:
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(text([0, 0], "leaf"))
    with pytest.raises(TreeError, match=r"\[0, 0, 0\]: path goes through an element at index 0$"):
        tree.apply(text([0, 0, 0], "child"))


def test_a_hole_is_exactly_as_wide_as_the_gap() -> None:
    """As a JavaScript array assignment past the end: the block grows to index + 1."""
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(text([0, 2], "late"))
    main = tree.root.get_in((0,))
    assert isinstance(main, BlockNode)
    assert [child is None for child in main.children] == [True, True, False]


def test_path_through_the_slot_just_past_the_end_is_an_error() -> None:
    """An index equal to the number of children names nothing yet (not an IndexError)."""
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(text([0, 0], "only child"))
    with pytest.raises(TreeError, match=r"path goes through nothing at index 1$"):
        tree.apply(text([0, 1, 0], "orphan"))


def test_a_refused_path_changes_nothing() -> None:
    # The spine is stamped only once the whole path is known to be valid.
    tree = ElementTree()
    run(tree, "r1", block([0, 0], "vertical"), text([0, 0, 0], "leaf"))
    tree.apply(new_session("r2"))
    with pytest.raises(TreeError):
        tree.apply(text([0, 0, 0, 0], "child of a leaf"))
    tree.apply(finished("r2"))
    assert [item.delta_path for item in tree.walk()] == []  # nothing of r1 survives r2


def test_a_snapshot_keeps_the_page_it_was_taken_from() -> None:
    # Note [Edited in place]: the live tree changes, a snapshot does not.
    tree = ElementTree()
    run(tree, "r1", block([0, 0], "vertical"), text([0, 0, 0], "a"), text([0, 1], "b"))
    before = tree.snapshot()
    run(tree, "r2", block([0, 0], "vertical"), text([0, 0, 0], "a2"), text([0, 0, 1], "new"))
    assert bodies(tree) == {(0, 0, 0): "a2", (0, 0, 1): "new"}
    assert bodies(before) == {(0, 0, 0): "a", (0, 1): "b"}
    assert before.run_id == "r1"


def test_path_through_nothing_is_an_error() -> None:
    tree = ElementTree()
    with pytest.raises(TreeError):
        tree.apply(text([0, 5, 0], "orphan"))


@pytest.mark.parametrize("path", [[0], [4, 0], []])
def test_invalid_paths(path: list[int]) -> None:
    with pytest.raises(TreeError):
        ElementTree().apply(text(path, "x"))


def test_delta_run_id_comes_from_the_last_new_session() -> None:
    tree = ElementTree()
    tree.apply(new_session("r7"))
    tree.apply(text([0, 0], "a"))
    node = tree.root.get_in((0, 0))
    assert node is not None and node.run_id == "r7"
    assert tree.running


def test_unknown_element_type_is_kept() -> None:
    # A real Streamlit may send elements minilit does not declare (e.g. a plotly chart, 16).
    element = Delta_pb2.Element.FromString(bytes([0x82, 0x01, 0x00]))  # field 16, empty
    msg = ForwardMsg()
    msg.metadata.delta_path.extend([0, 0])
    msg.delta.new_element.CopyFrom(element)
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(msg)
    assert "[0, 0] unknown" in tree.describe()


def test_runs_without_a_run_id_still_clean_up() -> None:
    # A server that does not stamp metadata.run (Streamlit 1.39 style) still gets one id
    # per new_session, so the second run's cleanup removes what it did not rewrite.
    tree = ElementTree()
    run(tree, "", text([0, 0], "a"), text([0, 1], "b"))
    run(tree, "", text([0, 0], "a2"))
    assert bodies(tree) == {(0, 0): "a2"}


def element(path: list[int], kind: str, body: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    getattr(msg.delta.new_element, kind).body = body
    return msg


def test_describe_outlines_the_page_with_depth_and_staleness() -> None:
    tree = ElementTree()
    run(
        tree,
        "r1",
        element([0, 0], "heading", "Hello"),
        block([0, 1], "vertical"),
        element([0, 1, 0], "markdown", "inside"),
        text([1, 0], "side"),
    )
    tree.apply(new_session("r2"))
    tree.apply(element([0, 0], "heading", "Hello again"))
    assert tree.describe() == "\n".join(
        [
            "main",
            "  [0, 0] heading 'Hello again'",
            "  [0, 1] block.vertical  (stale)",
            "    [0, 1, 0] markdown 'inside'  (stale)",
            "sidebar",
            "  [1, 0] text 'side'  (stale)",
        ]
    )
    assert tree.snapshot().describe() == tree.describe(), "a snapshot is the same page"
    tree.apply(block([0, 1], "vertical"))  # the same block again: kept, now fresh
    assert "  [0, 1] block.vertical\n" in tree.describe()
    assert tree.snapshot().describe() == tree.describe(), "a copied block keeps its run"


def test_script_finished_and_snapshots_keep_the_session_facts() -> None:
    tree = ElementTree()
    run(tree, "r1", text([0, 0], "a"))
    assert (tree.running, tree.last_status) == (False, ForwardMsg.FINISHED_SUCCESSFULLY)
    tree.apply(new_session("r2"))
    snap = tree.snapshot()
    assert (snap.run_id, snap.session_id, snap.running) == ("r2", "session-1", True)
    assert snap.last_status == ForwardMsg.FINISHED_SUCCESSFULLY
    tree.apply(finished("r2", ForwardMsg.FINISHED_WITH_COMPILE_ERROR))
    assert tree.last_status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR
    assert tree.running is False
    assert snap.running is True, "the snapshot did not move on"


def test_runs_without_an_id_get_distinct_ones_also_in_a_snapshot() -> None:
    """A server that does not stamp runs still gets one id per run (stale cleanup needs it)."""
    tree = ElementTree()
    ids = []
    for _ in range(2):
        tree.apply(ForwardMsg(new_session={}))
        ids.append(tree.run_id)
    snap = tree.snapshot()
    snap.apply(ForwardMsg(new_session={}))
    ids.append(snap.run_id)
    assert len(set(ids)) == 3 and "" not in ids


def test_a_ref_hash_is_refused() -> None:
    with pytest.raises(TreeError) as refused:
        ElementTree().apply(ForwardMsg(ref_hash="0123"))
    assert str(refused.value) == (
        "received a ref_hash message; this client never sends cached_message_hashes, "
        "so a server should not abbreviate messages for it"
    )


def test_a_root_index_past_the_four_containers_is_invalid() -> None:
    tree = ElementTree()
    tree.apply(new_session("r1"))
    with pytest.raises(TreeError, match=r"^invalid delta_path \[4, 0\]$"):
        tree.apply(text([4, 0], "x"))


def test_a_hole_after_existing_children_is_as_wide_as_the_gap() -> None:
    tree = ElementTree()
    tree.apply(new_session("r1"))
    tree.apply(text([0, 0], "first"))
    tree.apply(text([0, 3], "fourth"))
    assert [child is None for child in tree.container("main").children] == [
        False,
        True,
        True,
        False,
    ]


def test_describe_skips_empty_containers_and_names_each_elements_text() -> None:
    tree = ElementTree()
    tree.apply(new_session("r1"))
    code = ForwardMsg()
    code.metadata.delta_path.extend([1, 0])
    code.delta.new_element.code.code_text = "x = 1"
    failure = ForwardMsg()
    failure.metadata.delta_path.extend([1, 1])
    failure.delta.new_element.exception.message = "boom"
    button = ForwardMsg()
    button.metadata.delta_path.extend([1, 2])
    button.delta.new_element.button.label = "Go"
    for msg in (code, failure, button):
        tree.apply(msg)
    assert tree.describe() == "\n".join(
        [
            "sidebar",  # main is empty: not listed, and the outline goes on
            "  [1, 0] code 'x = 1'",
            "  [1, 1] exception 'boom'",
            "  [1, 2] button 'Go'",
        ]
    )
