r"""Refuse a dangerous relative path before the file system sees it.

Mirrors: 1.67's streamlit/path_security.py (``is_unsafe_path_pattern``) and
web/server/component_file_utils.py (``build_safe_abspath``). The pattern
check comes first, on the string alone, because on Windows even resolving a
UNC path (``\\host\share``) makes the machine connect to that host
(CVE-2026-33682); then the real path must stay inside the root
(``os.path.commonpath``, not a string prefix: ``/root_x`` starts with
``/root``; the 1.30 advisory).
"""

from __future__ import annotations

import os
import string


def is_windows_unc_path(path: str) -> bool:
    r"""``\\x``, ``//x``, ``/\x`` or ``\/x``: any two leading separators."""
    return path.replace("/", "\\").startswith("\\\\")


def unsafe_path_reason(path: str) -> str | None:
    """Why ``path`` is refused before any file-system call, or None if it may be looked up."""
    if "\x00" in path:
        return "NUL byte in path"
    if is_windows_unc_path(path):
        return "UNC or device path"
    if len(path) >= 2 and path[0] in string.ascii_letters and path[1] == ":":
        return "drive-letter path"
    if path.startswith(("\\", "/")) or os.path.isabs(path):
        return "absolute path"
    segments = [s for s in path.replace("\\", "/").split("/") if s]
    if ".." in segments:
        return "'..' segment"
    return None


def build_safe_abspath(root: str, relative: str) -> tuple[str | None, str]:
    """The real path of ``relative`` inside ``root``, or (None, why it was refused)."""
    reason = unsafe_path_reason(relative)
    if reason is not None:
        return None, reason
    root_real = os.path.realpath(root)
    candidate = os.path.realpath(os.path.normpath(os.path.join(root_real, relative)))
    try:
        if os.path.commonpath([root_real, candidate]) != root_real:
            return None, "resolves outside the component's folder"
    except ValueError:
        return None, "resolves outside the component's folder"
    return candidate, ""
