"""Reference solution of exercise leaf_fields (lesson 17)."""

from __future__ import annotations

from collections import Counter

from inspector.protodecode import FieldNode, decode_tree


def leaf_fields(direction: str, data: bytes) -> dict[str, tuple[str, bytes]]:
    """Every leaf field of a frame, by dotted path, with (shown value, payload bytes)."""
    leaves: dict[str, tuple[str, bytes]] = {}

    def visit(node: FieldNode, prefix: str) -> None:
        counts = Counter(child.label for child in node.children)
        seen: Counter[str] = Counter()
        for child in node.children:
            if child.label.startswith("["):  # an item of a packed list
                path = f"{prefix}{child.label}"
            else:
                label = child.label
                packed = bool(child.children) and child.children[0].label.startswith("[")
                listed = child.repeated or (not child.known and counts[label] > 1)
                if listed and not packed:
                    label = f"{label}[{seen[child.label]}]"
                    seen[child.label] += 1
                path = f"{prefix}.{label}" if prefix else label
            if child.children:
                visit(child, path)
            else:
                leaves[path] = (child.value, data[child.value_start : child.end])

    visit(decode_tree(direction, data), "")
    return leaves
