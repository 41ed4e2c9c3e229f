"""Exercise component_path: the real path of a component file, or why it is refused.

Replaces minilit.server.path_security.build_safe_abspath. Read component_path.md.
"""

from __future__ import annotations

import os


def build_safe_abspath(root: str, relative: str) -> tuple[str | None, str]:
    """The real path of ``relative`` inside ``root``, or (None, why it was refused)."""
    # The attack: nothing is checked, so ``..%2F..%2Fsecret`` leaves the folder.
    return os.path.join(root, relative), ""
