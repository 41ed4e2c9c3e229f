"""The frame screen: a decoded protobuf tree linked to a hex dump.

Not in Streamlit. The Wireshark layout (reference/inspector-anchors.md B4)
for one websocket frame: on the left the message decoded by direction
(ForwardMsg server to browser, BackMsg browser to server), field by field;
on the right the exact bytes. Moving through the tree highlights the
selected field's tag, length prefix and payload in the dump. ``d`` toggles
a schema-less "raw" decode that shows what the bytes alone say. A bytes field
holding an Arrow IPC stream (a DataFrame of st.dataframe, st.table or a
chart) gets a small table view beneath it: the schema, where the index is,
and the first rows (inspector/arrowview.py).

Receives: a ``Frame`` from inspector/model.py. Hands to: the screen stack
(escape returns to the main screen). Its keys mean nothing else on any
other screen (``e`` is the main screen's finish, so expand all is ``a``).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree
from textual.widgets.tree import TreeNode

from inspector.arrowview import summarize_arrow
from inspector.model import Frame, path_text
from inspector.protodecode import WIRE_NAMES, FieldNode, decode_tree
from inspector.widgets.hexdump import ROW, HexDump, legend

DIRECTION_LABEL = {
    "forward": "ForwardMsg  server → browser",
    "back": "BackMsg  browser → server",
    "open": "websocket handshake",
}


def node_label(node: FieldNode) -> Text:
    """``name (#n type) = value`` with unknown fields in a warning colour."""
    text = Text()
    text.append(node.label, style="bold" if node.known else "bold yellow")
    numbered = node.number and node.known  # unknown fields are already named "#n"
    extra = f" #{node.number} {node.type_name}" if numbered else f" {node.type_name}"
    text.append(extra, style="dim" if node.known else "yellow")
    if node.value:
        text.append(" = ")
        text.append(node.value, style="green" if node.known else "yellow")
    text.append(f"  [{node.start}:{node.end}]", style="dim")
    return text


class FrameScreen(Screen[None]):
    """One frame, decoded and dumped. Push it with ``app.push_screen(FrameScreen(frame))``."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("d", "toggle_raw", "Raw decode"),
        Binding("a", "expand_all", "Expand all"),
    ]

    DEFAULT_CSS = """
    FrameScreen #frame-title { height: auto; padding: 0 1; background: $boost; }
    FrameScreen #frame-body { height: 1fr; }
    FrameScreen #proto-tree { width: 1fr; border: solid $primary-darken-2; }
    FrameScreen #hex-pane { width: 80; border: solid $primary-darken-2; }
    FrameScreen #field-info { height: auto; padding: 0 1; }
    """

    def __init__(self, frame: Frame) -> None:
        super().__init__()
        self.frame = frame
        self.raw = False

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="frame-title")
        with Horizontal(id="frame-body"):
            yield Tree("frame", id="proto-tree")
            with Vertical(id="hex-pane"):
                yield Static(legend(), id="legend")
                with VerticalScroll(id="hex-scroll"):
                    yield HexDump(self.frame.data, id="hexdump")
                yield Static("", id="field-info")
        yield Footer()

    def _title(self) -> Text:
        f = self.frame
        text = Text()
        text.append(f"frame {f.no}  ", style="bold")
        text.append(DIRECTION_LABEL.get(f.direction, f.direction))
        text.append(f"  {f.kind}", style="bold cyan")
        if f.info.element:
            text.append(f" {f.info.element}")
        if f.info.delta_path:
            text.append(f" {path_text(f.info.delta_path)}")
        text.append(f"  {len(f.data)} bytes  session {f.session_id[:8]}", style="dim")
        if self.raw:
            text.append("  RAW (schema ignored)", style="bold yellow")
        return text

    def on_mount(self) -> None:
        self._build()
        self.query_one("#proto-tree", Tree).focus()

    def _build(self) -> None:
        tree: Tree[FieldNode] = self.query_one("#proto-tree", Tree)
        tree.clear()
        if self.frame.direction == "open":
            tree.root.set_label(Text("handshake (no protobuf bytes)"))
            for key, value in sorted(self.frame.fields.items()):
                tree.root.add_leaf(Text(f"{key}: {value}"))
            tree.root.expand()
            return
        root = decode_tree(self.frame.direction, self.frame.data, raw=self.raw)
        tree.root.set_label(node_label(root))
        tree.root.data = root
        self._add(tree.root, root)
        tree.root.expand_all()
        self.query_one("#frame-title", Static).update(self._title())

    def _add(self, parent: TreeNode[FieldNode], node: FieldNode) -> None:
        for child in node.children:
            if child.children:
                branch = parent.add(node_label(child), data=child)
                self._add(branch, child)
            elif child.wire_type == 2 and self._add_arrow(parent, child):
                continue
            else:
                parent.add_leaf(node_label(child), data=child)

    def _add_arrow(self, parent: TreeNode[FieldNode], node: FieldNode) -> bool:
        """Show a bytes field that holds an Arrow stream as a table; False if it does not."""
        summary = summarize_arrow(self.frame.data[node.value_start : node.end])
        if summary is None:
            return False
        branch = parent.add(node_label(node), data=node)
        arrow = branch.add(Text(summary.headline, style="bold magenta"), data=node)
        schema = arrow.add(Text("schema", style="bold"), data=node)
        for name, kind in summary.schema:
            schema.add_leaf(Text(f"{name}: {kind}"), data=node)
        rows = arrow.add(Text(f"first {len(summary.rows)} rows", style="bold"), data=node)
        for line in summary.row_lines():
            rows.add_leaf(Text(line), data=node)
        return True

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[FieldNode]) -> None:
        self._highlight(event.node.data)

    def _highlight(self, node: FieldNode | None) -> None:
        dump = self.query_one("#hexdump", HexDump)
        dump.show(self.frame.data, node)
        info = self.query_one("#field-info", Static)
        if node is None or node.number == 0:
            info.update(Text(f"{len(self.frame.data)} bytes", style="dim"))
            return
        tag = self.frame.data[node.start : node.tag_end]
        length = self.frame.data[node.tag_end : node.value_start]
        text = Text()
        text.append(f"{node.label}: ", style="bold")
        if tag:
            key = node.number << 3 | node.wire_type
            text.append(
                f"tag {tag.hex(' ')} = {key} = field {node.number} << 3 | "
                f"wire type {node.wire_type} ({WIRE_NAMES.get(node.wire_type, '?')})"
            )
        if length:
            text.append(f"; length {length.hex(' ')} = {node.end - node.value_start} bytes")
        text.append(f"; bytes {node.start}..{node.end - 1}")
        info.update(text)
        scroll = self.query_one("#hex-scroll", VerticalScroll)
        scroll.scroll_to(y=max(0, node.start // ROW - 2), animate=False)

    def action_toggle_raw(self) -> None:
        self.raw = not self.raw
        self._build()

    def action_expand_all(self) -> None:
        self.query_one("#proto-tree", Tree).root.expand_all()
