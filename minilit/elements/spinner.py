"""st.spinner: "In progress..." with a spinning icon while a ``with`` block runs.

Mirrors: streamlit/elements/spinner.py (SpinnerMixin.spinner) and the transient
elements of streamlit/delta_generator.py (``_transient``) and cursor.py.

Note [Transient elements]
    A spinner is not an element of the page: it must not take a delta path of its own,
    or every element after it would move (and, being short-lived, it would leave a hole).
    1.67 sends it as ``Delta.new_transient`` at the path where the *next* element will go:
    a list of the elements shown there for now, in front of whatever the path holds. The
    next ``new_transient`` at that path replaces the list; an empty list removes it::

        with st.spinner("Loading"):        # after 0.5 s:  new_transient [spinner]  at [0, 3]
            time.sleep(2)                  # the block ends: new_transient []         at [0, 3]
        st.text("done")                    # new_element text at [0, 3]

    Each spinner opened at one path gets its own index in that list (nested spinners
    show together); the cursor keeps the list (``Cursor.transient_elements``) and forgets
    it when the path is taken by an element.

As in 1.67 the spinner appears only if the block is still running after half a second
(a timer thread sends it), and the clearing message is always sent when the block ends.
The text is cleaned like any body; the width ("content" by default) travels in the
spinner's Element. Outside a script run the block simply runs.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from minilit.elements.heading import clean_text
from minilit.elements.layout_utils import Width, check_bool, width_config
from minilit.elements.mixin import DGMixin
from minilit.proto.Delta_pb2 import Element
from minilit.proto.Status_pb2 import Spinner
from minilit.scriptrunner.script_run_context import add_script_run_ctx, get_script_run_ctx

DELAY_SECS = 0.5
"""How long a block runs before its spinner is shown (1.67's value)."""

_LOCK = threading.Lock()
"""Held while a path's transient list changes and is sent: nested spinners' timers
share that list, and each message must list it as it is at one moment."""


class SpinnerMixin(DGMixin):
    @contextlib.contextmanager
    def spinner(
        self,
        text: str = "In progress...",
        *,
        show_time: bool = False,
        _cache: bool = False,
        width: Width = "content",
    ) -> Iterator[None]:
        """Show ``text`` with a spinner while the ``with`` block runs."""
        # Imported here: delta_generator.py imports this module (the DeltaGenerator's mixins).
        from minilit.delta_generator import send_transient

        check_bool("show_time", show_time)
        element = Element()
        element.spinner.CopyFrom(Spinner(text=clean_text(text), cache=_cache, show_time=show_time))
        element.width_config.CopyFrom(width_config(width, allow_content=True))

        ctx = get_script_run_ctx()
        cursor = self.dg._active_dg._cursor
        if ctx is None or cursor is None:
            yield
            return
        index = cursor.next_transient_index()
        elements = cursor.transient_elements
        path = cursor.delta_path
        shown = True

        def show() -> None:
            with _LOCK:
                if shown:
                    elements[index] = element
                    send_transient(elements, path, ctx)

        timer = threading.Timer(DELAY_SECS, show)
        add_script_run_ctx(timer, ctx)
        timer.start()
        try:
            yield
        finally:
            timer.cancel()
            with _LOCK:
                shown = False
                elements.pop(index, None)
                send_transient(elements, path, ctx)
