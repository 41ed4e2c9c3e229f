"""st.status: an expander that shows how a long task is going, and changes as it goes.

Mirrors: streamlit/elements/lib/mutable_status_container.py (StatusContainer) and
LayoutsMixin.status of streamlit/elements/layouts.py. As 1.67 sends it: an
Expandable block whose ``state`` (RUNNING, COMPLETE, ERROR) and ``icon``
("spinner", ``:material/check:``, ``:material/error:``) show the task's state.
``update()`` sends the same block again at the same delta path with what
changed; the browser keeps the children (a block of the same type). Leaving the
``with`` block of a still-running status sets it to complete, or to error when
the block raised.

1.67 sleeps 50 ms after creating a status and before the automatic update, so a
fast task's spinner is seen at all; minilit does the same.

Simplified: no agent descriptions (1.67's ``agent_props``).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Literal

from minilit.elements.layout_utils import (
    InvalidValueError,
    Width,
    check_bool,
    label_text,
    width_config,
)
from minilit.elements.layouts import EXPANDABLE_TYPES
from minilit.elements.mixin import DGMixin
from minilit.proto.Delta_pb2 import Block

if TYPE_CHECKING:
    from minilit.elements.status_container import StatusContainer

State = Literal["running", "complete", "error"]

STATE_ICONS: dict[str, str] = {
    "running": "spinner",
    "complete": ":material/check:",
    "error": ":material/error:",
}
STATE_PROTO = {
    "running": Block.Expandable.RUNNING,
    "complete": Block.Expandable.COMPLETE,
    "error": Block.Expandable.ERROR,
}

# Long enough for the browser to paint the spinner of a task that ends at once.
SPINNER_PAUSE = 0.05


def check_state(state: object) -> str:
    if not isinstance(state, str) or state not in STATE_ICONS:
        raise InvalidValueError("state", [repr(name) for name in STATE_ICONS])
    return state


class StatusMixin(DGMixin):
    def status(
        self,
        label: str,
        *,
        expanded: bool = False,
        state: State = "running",
        type: str = "default",
        width: Width = "stretch",
    ) -> StatusContainer:
        """A status container: ``with st.status("Working...") as s: ...; s.update(...)``."""
        if type not in EXPANDABLE_TYPES:
            raise InvalidValueError("type", [repr(name) for name in EXPANDABLE_TYPES])
        checked = check_state(state)
        block = Block(allow_empty=True)
        block.expandable.expanded = check_bool("expanded", expanded)
        block.expandable.label = label_text(label) if label else ""
        block.expandable.type = EXPANDABLE_TYPES[type]
        block.expandable.icon = STATE_ICONS[checked]
        block.expandable.state = STATE_PROTO[checked]
        block.width_config.CopyFrom(width_config(width))
        # Imported here: the container class is a DeltaGenerator, which imports this mixin.
        from minilit.elements.status_container import StatusContainer

        container = self.dg._block(block, StatusContainer)
        container._current_proto = block
        container._current_state = checked
        time.sleep(SPINNER_PAUSE)
        return container
