"""The container st.status returns, with its ``update()`` (see status.py).

Mirrors: streamlit/elements/lib/mutable_status_container.py (StatusContainer). A
module of its own because it is a DeltaGenerator, and delta_generator.py imports
the status mixin.
"""

from __future__ import annotations

import time

from minilit.delta_generator import DeltaGenerator
from minilit.elements.layout_utils import check_bool
from minilit.elements.status import (
    SPINNER_PAUSE,
    STATE_ICONS,
    STATE_PROTO,
    State,
    check_state,
)
from minilit.proto.Delta_pb2 import Block


class StatusContainer(DeltaGenerator):
    """What ``st.status`` returns: a container with ``update()``."""

    _current_proto: Block | None = None
    _current_state: str | None = None

    def update(
        self,
        *,
        label: str | None = None,
        expanded: bool | None = None,
        state: State | None = None,
    ) -> None:
        """Change the label, the expanded state or the state; what is None stays."""
        proto = Block()
        if self._current_proto is not None:
            proto.CopyFrom(self._current_proto)
        if expanded is not None:
            proto.expandable.expanded = check_bool("expanded", expanded)
        else:
            # Absent: the browser keeps whatever the user chose.
            proto.expandable.ClearField("expanded")
        if label is not None:
            proto.expandable.label = label
        if state is not None:
            checked = check_state(state)
            proto.expandable.icon = STATE_ICONS[checked]
            proto.expandable.state = STATE_PROTO[checked]
            self._current_state = checked
        self._current_proto = proto
        self._resend_block(proto)

    def __enter__(self) -> StatusContainer:
        super().__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._current_state == "running":
            time.sleep(SPINNER_PAUSE)
            # exc_info is (type, value, traceback): an exception leaves an error mark.
            self.update(state="error" if exc_info and exc_info[0] is not None else "complete")
        super().__exit__(*exc_info)
