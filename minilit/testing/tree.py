"""The page as a browser holds it: nodes keyed by delta_path, rebuilt from ForwardMsgs.

Mirrors: Streamlit's frontend render tree, ``frontend/lib/src/render-tree/AppRoot.ts``
(``AppRoot.applyDelta``, ``AppRoot.clearStaleNodes``), ``BlockNode.ts``, ``ElementNode.ts``
and ``ClearStaleNodeVisitor`` (1.39: ``frontend/lib/src/AppNode.ts``). Python's
``lib/streamlit/testing/v1/element_tree.py`` (``parse_tree_from_messages``) does a similar
job for AppTest, but without stale-node rules; this module follows the browser instead.

Simplified: no transient nodes, no
``arrow_add_rows``, no ForwardMsg cache (a ``ref_hash`` message is an error here because
this client never announces cached hashes), no page/script-hash bookkeeping. And blocks
are edited in place: see Note [Edited in place].

Receives: decoded ForwardMsgs, one at a time in arrival order, from
``minilit.testing.client.AppClient``, from a recording (``minilit.testing.golden``), or
from the frames the inspector sees (``inspector.model.Model``).
Hands to: ``minilit.testing.elements``, which wraps the nodes for tests and lessons, and
the inspector's Tree pane.

Note [Browser tree rules]
~~~~~~~~~~~~~~~~~~~~~~~~~
The rules this module keeps, all from the browser:

1. The root block has four children, one per ``RootContainer``: main, sidebar, event,
   bottom. ``delta_path[0]`` picks one of them; the rest of the path indexes children.
2. ``new_element`` puts an ``ElementNode`` at the path, replacing whatever was there
   (an element *or* a whole block with its children).
3. ``add_block`` puts a ``BlockNode`` at the path. If a block of the same type was there,
   the new block keeps the old one's children; otherwise it starts empty. Why::

       with st.expander("More"):      # run 1 and run 2 both send add_block.expandable
           st.text(time.time())       # the text inside survives the re-sent block

4. Every node remembers the script run id that last wrote it, and so does every block on
   the way down to it (``setIn`` re-stamps the spine). A node whose run id is not the
   current run's is *stale*: the browser shows it faded while a run is in progress.
5. After ``script_finished`` with ``FINISHED_SUCCESSFULLY`` every node not written in this
   run is removed (and the surviving children are packed together). After
   ``FINISHED_FRAGMENT_RUN_SUCCESSFULLY`` only inside the blocks of the fragments that
   ran (``metadata.run.fragment_ids``, each node's ``Delta.fragment_id``): the rest of
   the page was not redrawn and stays (Note [Fragment runs] in runtime/fragment.py). Not after
   ``FINISHED_EARLY_FOR_RERUN`` (the next run follows at once; removing would flicker) and
   not after ``FINISHED_WITH_COMPILE_ERROR`` (the old page stays as it was).

The run id comes from ``metadata.run.script_run_id`` (Streamlit 1.67 puts it on
``new_session`` and ``script_finished``; deltas usually carry none and inherit the id of
the run that the last ``new_session`` opened).

Note [Edited in place]
~~~~~~~~~~~~~~~~~~~~~~
The frontend never modifies a node: applying a delta copies every block on the path
from the root (``BlockNode.setIn``, Note [Immutability] in ``AppNode.ts``), so React can
compare trees by identity. Copying a block copies its list of children, so a run of
10,000 ``st.text`` calls copies 50 million references. This module has no React to
serve, so it changes the blocks on the path in place (same rules, same run-id stamps)
and copies only when asked: ``ElementTree.snapshot`` gives a page that later deltas do
not touch (the inspector keeps one per finished run to diff reruns). Element nodes are
never modified, in either: a new element replaces the old node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from minilit.proto import Delta_pb2, ForwardMsg_pb2

ROOT_CONTAINERS: tuple[str, ...] = ("main", "sidebar", "event", "bottom")
"""Names of the root block's children, indexed by ``RootContainer`` (``delta_path[0]``)."""

FINISHED_SUCCESSFULLY = ForwardMsg_pb2.ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_WITH_COMPILE_ERROR = ForwardMsg_pb2.ForwardMsg.FINISHED_WITH_COMPILE_ERROR
FINISHED_EARLY_FOR_RERUN = ForwardMsg_pb2.ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISHED_FRAGMENT_RUN_SUCCESSFULLY = ForwardMsg_pb2.ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


class TreeError(Exception):
    """A delta could not be applied (for example its path goes through an element)."""


@dataclass(frozen=True)
class ElementNode:
    """A leaf: one element (text, markdown, a widget, ...) as the server last sent it."""

    element: Delta_pb2.Element
    """The ``Element`` proto from ``delta.new_element``."""
    run_id: str
    """The script run id that wrote this node."""
    fragment_id: str = ""
    """``Delta.fragment_id``: the fragment whose body sent it ("" outside fragments)."""


@dataclass
class BlockNode:
    """A container: the root, a root container, or a block from ``delta.add_block``.

    Changed in place by ``ElementTree`` (Note [Edited in place]); ``copy`` for a copy.
    """

    block: Delta_pb2.Block | None
    """The ``Block`` proto; ``None`` for the root and the four root containers."""
    children: list[Node | None] = field(default_factory=list)
    """Children by index; ``None`` marks a hole (an index no delta has written yet)."""
    run_id: str = ""
    """The script run id that last wrote this block or anything below it."""
    fragment_id: str = ""
    """``Delta.fragment_id`` of the add_block ("" outside fragments)."""

    def block_type(self) -> str | None:
        """The ``Block`` oneof member (``"column"``, ``"form"``...), or None for roots."""
        return None if self.block is None else self.block.WhichOneof("type")

    def set_in(self, path: tuple[int, ...], node: Node, run_id: str) -> None:
        """Put ``node`` at ``path`` (relative to this block).

        Mirrors ``BlockNode.setIn``: every block on the way down, this one included, is
        stamped with ``run_id``; indices past the end leave holes. Nothing changes when
        the path is invalid.

        Raises:
            TreeError: the path goes through an element or a hole.
        """
        spine = [self]
        for index in path[:-1]:
            child = spine[-1].children[index] if index < len(spine[-1].children) else None
            if not isinstance(child, BlockNode):
                what = "nothing" if child is None else "an element"
                raise TreeError(f"path goes through {what} at index {index}")
            spine.append(child)
        for block in spine:
            block.run_id = run_id
        children = spine[-1].children
        index = path[-1]
        if index >= len(children):
            children.extend([None] * (index + 1 - len(children)))
        children[index] = node

    def get_in(self, path: tuple[int, ...]) -> Node | None:
        """The node at ``path`` (relative to this block), or None."""
        node: Node | None = self
        for index in path:
            if not isinstance(node, BlockNode) or index >= len(node.children):
                return None
            node = node.children[index]
        return node

    def clear_stale(
        self, run_id: str, fragment_ids: tuple[str, ...] = (), in_fragment: bool = False
    ) -> bool:
        """Drop every node below not written by ``run_id``; False if this block is stale.

        Mirrors ``ClearStaleNodeVisitor``. Surviving children are packed, exactly like
        the frontend's ``.filter(notUndefined)``. In a fragment run (``fragment_ids``)
        only the insides of the blocks of those fragments are cleared; ``in_fragment``
        says the walk is inside one.
        """
        if fragment_ids:
            if in_fragment and self.run_id != run_id:
                return False
            if self.fragment_id in fragment_ids and self.run_id == run_id:
                in_fragment = True
        elif self.run_id != run_id:
            return False
        kept: list[Node | None] = []
        for child in self.children:
            if isinstance(child, BlockNode):
                if child.clear_stale(run_id, fragment_ids, in_fragment):
                    kept.append(child)
            elif child is not None and (
                child.run_id == run_id
                or (fragment_ids and (not child.fragment_id or not in_fragment))
            ):
                kept.append(child)
        self.children = kept
        return True

    def copy(self) -> BlockNode:
        """A copy of this block and the blocks below it (elements are shared: never changed)."""
        return BlockNode(
            self.block,
            [child.copy() if isinstance(child, BlockNode) else child for child in self.children],
            self.run_id,
            self.fragment_id,
        )


Node = ElementNode | BlockNode


@dataclass(frozen=True)
class TreeItem:
    """One node found by ``ElementTree.walk``, with where it sits."""

    node: Node
    delta_path: tuple[int, ...]
    """The full path from the root: ``(root_container, *block_indices, index)``."""


def element_type(element: Delta_pb2.Element) -> str:
    """The ``Element`` oneof member name, or ``"unknown"`` for types minilit does not declare.

    A frame from a real Streamlit server can carry element types minilit's ``.proto``
    files leave out; they decode with the oneof unset and their bytes kept as unknown
    fields.
    """
    return element.WhichOneof("type") or "unknown"


@dataclass
class ElementTree:
    """The browser's page, rebuilt by applying ForwardMsgs in order.

    Example::

        tree = ElementTree()
        for msg in messages:        # ForwardMsg protos, in arrival order
            tree.apply(msg)
        for item in tree.walk():
            print(item.delta_path, item.node)
    """

    root: BlockNode = field(
        default_factory=lambda: BlockNode(None, [BlockNode(None) for _ in ROOT_CONTAINERS])
    )
    """The root block; its children are the four root containers."""
    run_id: str = ""
    """The run id of the run the last ``new_session`` opened (the current run)."""
    session_id: str = ""
    """``new_session.initialize.session_id`` of the last ``new_session``."""
    running: bool = False
    """True between ``new_session`` and ``script_finished``."""
    last_status: int | None = None
    """The last ``script_finished`` status (a ``ScriptFinishedStatus`` value), if any."""
    _runs_seen: int = 0
    fragment_ids_this_run: tuple[str, ...] = ()
    """``metadata.run.fragment_ids`` of the last ``new_session``: the fragments it reruns."""

    def apply(self, msg: ForwardMsg_pb2.ForwardMsg) -> None:
        """Apply one ForwardMsg, as ``App.handleMessage`` does in the browser."""
        kind = msg.WhichOneof("type")
        msg_run_id = msg.metadata.run.script_run_id
        if kind == "new_session":
            # A server that does not stamp runs (1.39 put the id in a field minilit does
            # not declare) still gets one id per run, so stale cleanup keeps working.
            self._runs_seen += 1
            self.run_id = msg_run_id or f"unnamed-run-{self._runs_seen}"
            self.fragment_ids_this_run = tuple(msg.metadata.run.fragment_ids)
            if msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
            self.running = True
        elif kind == "delta":
            self.apply_delta(msg.delta, tuple(msg.metadata.delta_path), msg_run_id or self.run_id)
        elif kind == "script_finished":
            self.running = False
            self.last_status = msg.script_finished
            if msg.script_finished in (FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                self.clear_stale_nodes(
                    msg_run_id or self.run_id, tuple(msg.metadata.run.fragment_ids)
                )
        elif kind == "ref_hash":
            raise TreeError(
                "received a ref_hash message; this client never sends cached_message_hashes, "
                "so a server should not abbreviate messages for it"
            )

    def apply_delta(self, delta: Delta_pb2.Delta, path: tuple[int, ...], run_id: str) -> None:
        """Place one Delta at ``path`` (rules 2 and 3 of Note [Browser tree rules])."""
        if len(path) < 2 or path[0] >= len(ROOT_CONTAINERS):
            raise TreeError(f"invalid delta_path {list(path)}")
        kind = delta.WhichOneof("type")
        node: Node
        if kind == "new_element":
            node = ElementNode(delta.new_element, run_id, delta.fragment_id)
        elif kind == "add_block":
            existing = self.root.get_in(path)
            children: list[Node | None] = []
            if isinstance(
                existing, BlockNode
            ) and existing.block_type() == delta.add_block.WhichOneof("type"):
                children = existing.children
            node = BlockNode(delta.add_block, children, run_id, delta.fragment_id)
        else:
            # new_transient (st.spinner) is shown beside the tree, not in it, and is
            # cleared before a run ends (Note [Transient elements] in
            # elements/spinner.py); the client keeps no copy. Any other delta type is
            # ignored, as a browser ignores what it cannot render.
            return
        try:
            self.root.set_in(path, node, run_id)
        except TreeError as err:
            raise TreeError(f"cannot apply delta at {list(path)}: {err}") from None

    def clear_stale_nodes(self, run_id: str, fragment_ids: tuple[str, ...] = ()) -> None:
        """Remove every node not written by ``run_id`` (rule 5 of Note [Browser tree rules])."""
        containers = self.root.children
        for index, container in enumerate(containers):
            assert isinstance(container, BlockNode)
            if not container.clear_stale(run_id, fragment_ids):
                containers[index] = BlockNode(None, [], run_id)
        self.root.run_id = run_id

    def snapshot(self) -> ElementTree:
        """A copy of the page that later deltas leave alone (Note [Edited in place])."""
        return ElementTree(
            self.root.copy(),
            self.run_id,
            self.session_id,
            self.running,
            self.last_status,
            self._runs_seen,
            self.fragment_ids_this_run,
        )

    def container(self, name: str) -> BlockNode:
        """One root container by name (``"main"``, ``"sidebar"``, ``"event"``, ``"bottom"``)."""
        node = self.root.children[ROOT_CONTAINERS.index(name)]
        assert isinstance(node, BlockNode)
        return node

    def walk(
        self, start: BlockNode | None = None, start_path: tuple[int, ...] = ()
    ) -> Iterator[TreeItem]:
        """Every node below ``start`` in page order, depth first.

        Without ``start``: every node below the four root containers (main first, then
        sidebar, event, bottom); the root containers themselves are not yielded.
        With ``start``: every node below that block, whose own path is ``start_path``.
        """
        if start is not None:
            yield from _walk(start, start_path)
            return
        for index, container in enumerate(self.root.children):
            if isinstance(container, BlockNode):
                yield from _walk(container, (index,))

    def is_stale(self, node: Node) -> bool:
        """Whether ``node`` was written by an older run than the current one.

        During and after a fragment run only the fragment's own nodes can be (the
        browser's isElementStale).
        """
        if self.fragment_ids_this_run:
            return node.fragment_id in self.fragment_ids_this_run and node.run_id != self.run_id
        return node.run_id != self.run_id

    def describe(self) -> str:
        """A readable outline of the page: one line per node with its path and type."""
        lines: list[str] = []
        for name, container in zip(ROOT_CONTAINERS, self.root.children, strict=True):
            if not isinstance(container, BlockNode) or not container.children:
                continue
            lines.append(name)
            root_index = ROOT_CONTAINERS.index(name)
            for item in self.walk(container, (root_index,)):
                depth = len(item.delta_path) - 1
                stale = "  (stale)" if self.is_stale(item.node) else ""
                lines.append(f"{'  ' * depth}{list(item.delta_path)} {_summary(item.node)}{stale}")
        return "\n".join(lines)


def _walk(block: BlockNode, path: tuple[int, ...]) -> Iterator[TreeItem]:
    for index, child in enumerate(block.children):
        if child is None:
            continue
        child_path = (*path, index)
        yield TreeItem(child, child_path)
        if isinstance(child, BlockNode):
            yield from _walk(child, child_path)


def _summary(node: Node) -> str:
    """``heading "Hello"``-style one-line summary of a node for ``describe``."""
    if isinstance(node, BlockNode):
        return f"block.{node.block_type()}"
    kind = element_type(node.element)
    if kind == "unknown":
        return kind
    proto = getattr(node.element, kind)
    for name in ("body", "label", "code_text", "message"):
        if name in proto.DESCRIPTOR.fields_by_name:
            return f"{kind} {getattr(proto, name)!r}"
    return kind
