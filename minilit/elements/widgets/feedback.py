"""st.feedback: thumbs, faces or stars; returns the chosen one's index.

Mirrors: streamlit/elements/widgets/feedback.py (FeedbackMixin.feedback,
FeedbackSerde). Simplified: no ``bind``/``persist_state``.

Wire (1.67): its own Feedback proto (not a ButtonGroup as in older
releases); the browser sends ``string_value`` with the index as text ("0",
"1", ...), or "" when the user clicks the chosen icon again to clear it (the
script then sees None, even when there is a default). An index outside the
options is refused (1.67 falls back to the default).

Identity (1.67): options ("thumbs", "faces", "stars"), default, width
("content"); with a key, options.
"""

from __future__ import annotations

from typing import Any

from minilit.elements.layout_utils import InvalidValueError, Width, width_config
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import (
    Key,
    check_widget_policies,
    on_change_callback,
    register_widget,
    reset_state_value,
    to_key,
)
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.elements.widgets.values import expect_kind
from minilit.errors import ValueOutOfRangeError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Widgets_pb2 import Feedback as FeedbackProto
from minilit.runtime.state.common import InvalidWidgetValue, WidgetArgs, WidgetKwargs

_KINDS = {
    "thumbs": (FeedbackProto.THUMBS, 2),
    "faces": (FeedbackProto.FACES, 5),
    "stars": (FeedbackProto.STARS, 5),
}


def _is_index(value: object, count: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count


class FeedbackMixin(DGMixin):
    def feedback(
        self,
        options: str = "thumbs",
        *,
        key: Key | None = None,
        default: int | None = None,
        disabled: bool = False,
        on_change: Any = None,
        args: WidgetArgs | None = None,
        kwargs: WidgetKwargs | None = None,
        width: Width = "content",
    ) -> int | None:
        """Rating icons; returns the chosen index (0 = lowest), or None.

        Example:
            >>> stars = st.feedback("stars")     # doctest: +SKIP
        """
        if options not in _KINDS:
            raise InvalidValueError("options", ["'thumbs'", "'faces'", "'stars'"])
        kind, count = _KINDS[options]
        if default is not None and not 0 <= default < count:
            raise ValueOutOfRangeError("default", default, 0, count - 1)
        user_key = to_key(key)
        callback, ignore_rerun = on_change_callback(on_change)
        width_cfg = width_config(width, allow_content=True)
        dg = self.dg
        check_widget_policies(dg, user_key, callback, default_value=default)
        element_id = compute_and_register_element_id(
            "feedback",
            user_key,
            {"options"},
            dg,
            options=options,
            default=default,
            width=width,
        )

        def deserialize(state: WidgetState | None) -> int | None:
            if state is None or state.WhichOneof("value") is None:
                return default
            expect_kind(state, "string_value")
            text = state.string_value
            if text == "":
                return None  # the user cleared the rating
            if not text.isdigit() or not _is_index(int(text), count):
                raise InvalidWidgetValue(f"{text!r} is not an index below {count}")
            return int(text)

        proto = FeedbackProto(
            id=element_id,
            type=kind,
            disabled=disabled,
            form_id=dg.form_id,
            ignore_rerun=ignore_rerun,
        )
        if default is not None:
            proto.default = default
        result = register_widget(
            element_id,
            deserializer=deserialize,
            value_type="string_value",
            on_change=callback,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
        )
        current = result.value
        # A session_state value that is not an index of these icons shows the default.
        reset = current is not None and not _is_index(current, count)
        if reset:
            current = default
            reset_state_value(element_id, current)
        if reset or result.value_changed:
            if current is not None:
                proto.value = int(current)
            proto.set_value = True
        dg._enqueue("feedback", proto, width=width_cfg)
        return current
