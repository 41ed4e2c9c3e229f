"""Reference solution of exercise component_path (lesson 12)."""

from __future__ import annotations

import os
import string


def _unsafe(path: str) -> str | None:
    if "\x00" in path:
        return "NUL byte in path"
    if path.replace("/", "\\").startswith("\\\\"):
        return "UNC or device path"
    if len(path) >= 2 and path[0] in string.ascii_letters and path[1] == ":":
        return "drive-letter path"
    if path.startswith(("\\", "/")) or os.path.isabs(path):
        return "absolute path"
    if ".." in path.replace("\\", "/").split("/"):
        return "'..' segment"
    return None


def build_safe_abspath(root: str, relative: str) -> tuple[str | None, str]:
    """The real path of ``relative`` inside ``root``, or (None, why it was refused)."""
    reason = _unsafe(relative)
    if reason is not None:
        return None, reason
    real_root = os.path.realpath(root)
    candidate = os.path.realpath(os.path.join(real_root, relative))
    try:
        inside = os.path.commonpath([real_root, candidate]) == real_root
    except ValueError:
        inside = False
    if not inside:
        return None, "resolves outside the component's folder"
    return candidate, ""
