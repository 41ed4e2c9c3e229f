"""st.toast: a short message in the page's top-right corner that goes away by itself.

Mirrors: streamlit/elements/toast.py (ToastMixin.toast). As in 1.67: the body is cleaned
(``str``, dedented, stripped) and must not be empty, the icon is checked as every icon
is, and ``duration`` is sent in seconds ("short" 4, "long" 10, "infinite" 0, or a
positive integer). The element is marked as a one-shot effect, so the browser shows it
once when it arrives rather than each time the page is drawn again. Calling ``.toast()``
on the returned object replaces that toast's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from minilit.elements.heading import clean_text
from minilit.elements.layout_utils import InvalidValueError, icon_text
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Status_pb2 import Toast

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_DURATIONS = {"short": 4, "long": 10, "infinite": 0}


class ToastMixin(DGMixin):
    def toast(
        self,
        body: object,
        *,
        icon: str | None = None,
        duration: Literal["short", "long", "infinite"] | int = "short",
    ) -> DeltaGenerator:
        """Show ``body`` (Markdown) as a notification for ``duration``."""
        if str(body) == "":
            raise MinilitAPIException("The `body` parameter is required. Please provide a message.")
        proto = Toast(body=clean_text(body), icon=icon_text(icon))
        if isinstance(duration, str) and duration in _DURATIONS:
            proto.duration = _DURATIONS[duration]
        elif isinstance(duration, int) and duration > 0:
            proto.duration = duration
        else:
            raise InvalidValueError("duration", ["short", "long", "infinite", "a positive integer"])
        return self.dg._enqueue("toast", proto, has_one_shot_effect=True)
