"""Exercise leaf_fields (lesson 17). Read leaf_fields.md first.

This function replaces inspector.wirediff.leaf_fields when you run
`minilit lesson check 17`; `minilit diff` then flattens every frame with it.
"""

from __future__ import annotations

from inspector.protodecode import FieldNode, decode_tree


def leaf_fields(direction: str, data: bytes) -> dict[str, tuple[str, bytes]]:
    """Every leaf field of a frame, by dotted path, with (shown value, payload bytes)."""
    leaves: dict[str, tuple[str, bytes]] = {}

    def visit(node: FieldNode, prefix: str) -> None:
        for child in node.children:
            path = f"{prefix}.{child.label}" if prefix else child.label
            if child.children:
                visit(child, path)
            else:
                leaves[path] = (child.value, data[child.value_start : child.end])

    # TODO: items of a list all get the same path here, so each one overwrites the
    # one before it: give them their index (leaf_fields.md says how).
    visit(decode_tree(direction, data), "")
    return leaves
