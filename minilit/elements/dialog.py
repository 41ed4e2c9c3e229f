"""st.dialog: a decorator whose function, when called, shows its output in a modal dialog.

Mirrors: streamlit/elements/dialog_decorator.py (dialog_decorator) and
streamlit/elements/lib/dialog.py (Dialog). As 1.67 sends it: calling the decorated
function puts a Dialog block in the EVENT root container (``[2, n]``: over the
page, not in it), then sends the same block again at that path with
``is_open: true``, and runs the function inside it. The dialog stays on the page
for as long as the script calls the function in each run: a run that does not
call it leaves the block stale, and the browser removes it. The user can close a
``dismissible`` dialog (its close button, Escape, the backdrop); that is the
browser's business, and the server hears of it only with ``on_dismiss``
("rerun" or a callback: the dialog is then a trigger widget whose id is
``dialog.id``).

Only one dialog may be opened per run, and a dialog may not be opened inside
another: both raise 1.67's error.

The function runs as a fragment, as in 1.67 (runtime/fragment.py): a widget
inside the dialog reruns the function alone and the dialog stays open. Simplified:
1.67 keeps a dialog's fragment for the whole app (FULL_APP_SCOPED); minilit forgets
it, like any fragment, after a full run that does not call it. The fragment's id is
1.67's: the body function carries the name of 1.67's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, overload

from minilit.delta_generator import EVENT_DG, DeltaGenerator
from minilit.elements.layout_utils import InvalidValueError, check_bool, icon_text
from minilit.elements.widgets.button import deserialize_trigger
from minilit.elements.widgets.common import register_widget
from minilit.elements.widgets.ids import compute_and_register_element_id
from minilit.errors import MinilitAPIException, MissingRequiredParameterError
from minilit.proto.Delta_pb2 import Block
from minilit.runtime.fragment import _fragment
from minilit.runtime.state.common import WidgetCallback
from minilit.scriptrunner.script_run_context import get_script_run_ctx

F = TypeVar("F", bound=Callable[..., Any])

_WIDTHS = {
    "small": Block.Dialog.SMALL,
    "medium": Block.Dialog.MEDIUM,
    "large": Block.Dialog.LARGE,
}
_POSITIONS = {
    "left": Block.Dialog.LEFT,
    "center": Block.Dialog.CENTER,
    "right": Block.Dialog.RIGHT,
}
_MAX_PIXEL_WIDTH = 2**32 - 1


_STREAMLIT_BODY_MODULE = "streamlit.elements.dialog_decorator"
_STREAMLIT_BODY_QUALNAME = "_dialog_decorator.<locals>.wrap.<locals>.dialog_content"
"""Where 1.67's dialog body function lives: its fragment id is a hash of these."""


class InvalidLayoutContextError(MinilitAPIException):
    """A command used where it may not be (Streamlit: StreamlitInvalidLayoutContextError)."""

    streamlit_name = "StreamlitInvalidLayoutContextError"


def _width(width: object) -> tuple[Block.Dialog.DialogWidth, int | None]:
    """The width preset, and a pixel width for an int (sent with the SMALL preset)."""
    if isinstance(width, str) and width in _WIDTHS:
        return _WIDTHS[width], None
    if isinstance(width, int) and not isinstance(width, bool) and 0 < width <= _MAX_PIXEL_WIDTH:
        return Block.Dialog.SMALL, width
    raise InvalidValueError(
        "width",
        ["'small'", "'medium'", "'large'", "a positive integer"],
        detail=f"Got {width!r}.",
    )


def _on_dismiss(on_dismiss: object) -> WidgetCallback | None:
    """1.67's validate_on_change_mode for ``on_dismiss`` (modes "rerun" and "ignore")."""
    if callable(on_dismiss):
        return on_dismiss
    if isinstance(on_dismiss, str) and on_dismiss in ("rerun", "ignore"):
        return None
    raise InvalidValueError("on_dismiss", ["'rerun'", "'ignore'", "a callback function"])


class Dialog(DeltaGenerator):
    """The dialog's container; ``open()`` re-sends its block with ``is_open``."""

    _current_proto: Block | None = None

    def _update(self, should_open: bool) -> None:
        ctx = get_script_run_ctx()
        if should_open and ctx is not None:
            if ctx.has_dialog_opened:
                raise InvalidLayoutContextError(
                    "Only one dialog is allowed to be opened at the same time. Please make "
                    "sure to not call a dialog-decorated function more than once in a "
                    "script run."
                )
            ctx.has_dialog_opened = True
        proto = Block()
        if self._current_proto is not None:
            proto.CopyFrom(self._current_proto)
        proto.dialog.is_open = should_open
        self._current_proto = proto
        self._resend_block(proto)

    def open(self) -> None:
        self._update(True)

    def close(self) -> None:
        self._update(False)


def _create(
    parent: DeltaGenerator,
    title: str,
    *,
    width: object,
    position: object,
    dismissible: bool,
    icon: str | None,
    on_dismiss: object,
) -> Dialog:
    callback = _on_dismiss(on_dismiss)
    block = Block()
    block.dialog.title = title
    block.dialog.dismissible = check_bool("dismissible", dismissible)
    preset, pixels = _width(width)
    block.dialog.width = preset
    if pixels is not None:
        block.dialog.pixel_width = pixels
    if not isinstance(position, str) or position not in _POSITIONS:
        raise InvalidValueError("position", ["'left'", "'center'", "'right'"])
    block.dialog.position = _POSITIONS[position]
    block.dialog.icon = icon_text(icon)
    element_id = compute_and_register_element_id(
        "dialog",
        None,
        False,
        parent,
        title=title,
        dismissible=dismissible,
        width=width,
        position=position,
        icon=icon,
        on_dismiss="callback" if callable(on_dismiss) else str(on_dismiss),
    )
    block.id = element_id
    if on_dismiss != "ignore":
        # Dismissing sends a trigger: the script reruns (and the callback runs first).
        block.dialog.id = element_id
        register_widget(
            element_id,
            deserializer=deserialize_trigger,
            value_type="trigger_value",
            on_change=callback,
        )
    dialog = parent._block(block, Dialog)
    dialog._current_proto = block
    return dialog


def _decorate(
    func: Callable[..., Any],
    title: str,
    *,
    width: object,
    position: object,
    dismissible: bool,
    icon: str | None,
    on_dismiss: object,
) -> Callable[..., None]:
    if title is None or title == "":
        raise MissingRequiredParameterError(
            "title", detail='For example: `@st.dialog("Example Title")`.'
        )

    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> None:
        ctx = get_script_run_ctx()
        if ctx is not None and ctx.dg_stack and "dialog" in ctx.dg_stack[-1]._ancestor_block_types:
            raise InvalidLayoutContextError("Dialogs may not be nested inside other dialogs.")
        dialog = _create(
            EVENT_DG,
            title,
            width=width,
            position=position,
            dismissible=dismissible,
            icon=icon,
            on_dismiss=on_dismiss,
        )
        dialog.open()

        def dialog_content() -> None:
            func(*args, **kwargs)  # 1.67 returns None whatever the function returns

        # The fragment's id hashes the body's module and name: named as 1.67's inner
        # function is, the id is the one 1.67 sends for the same dialog at the same place.
        dialog_content.__module__ = _STREAMLIT_BODY_MODULE
        dialog_content.__qualname__ = _STREAMLIT_BODY_QUALNAME

        # As in 1.67 the body runs as a fragment (runtime/fragment.py): a widget in the
        # dialog reruns the body alone, into the container of its own that a fragment
        # writes to (the dialog's one child), and the rest of the page stays as it is.
        content = _fragment(dialog_content, None, additional_hash_info=func.__qualname__)
        with dialog:
            content()

    return wrap


@overload
def dialog(
    title: str,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: str | WidgetCallback = "ignore",
) -> Callable[[F], F]: ...
@overload
def dialog(
    title: F,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: str | WidgetCallback = "ignore",
) -> F: ...
def dialog(
    title: str | F,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: str | WidgetCallback = "ignore",
) -> F | Callable[[F], F]:
    """Turn a function into a dialog: calling it opens a modal with its output.

    Example:
        >>> @st.dialog("Sign up")                       # doctest: +SKIP
        ... def sign_up():
        ...     st.text_input("Email")
        >>> if st.button("Sign up"):                    # doctest: +SKIP
        ...     sign_up()
    """
    options: dict[str, Any] = {
        "width": width,
        "position": position,
        "dismissible": dismissible,
        "icon": icon,
        "on_dismiss": on_dismiss,
    }
    if isinstance(title, str):
        text = title

        def decorator(func: F) -> F:
            return _decorate(func, text, **options)  # type: ignore[return-value]

        return decorator
    # Used bare (@st.dialog): no title, which 1.67 refuses.
    return _decorate(title, "", **options)  # type: ignore[return-value]
