"""Containers: st.container, st.columns, st.expander, st.tabs, st.popover.

Mirrors: streamlit/elements/layouts.py (LayoutsMixin). Sent as 1.67 sends them:
``st.container`` is a FlexContainer block (vertical by default, or a
horizontal row with ``horizontal=True``), with its border, gap, alignment,
width and height; ``st.columns`` is a horizontal FlexContainer holding one
Column block per column with its share of the row as ``weight``, the gap on
both, and each column's vertical alignment and border; ``st.expander`` an
Expandable block with its icon and type; ``st.tabs`` a TabContainer block (the
tab shown first as ``default_tab_index``) holding one Tab block per label;
``st.popover`` a Popover block (a button-like label that opens a floating
container). (Streamlit before 1.43 sent ``vertical`` and ``horizontal`` blocks
instead.) st.status and st.dialog are in status.py and dialog.py.

Stateful containers, as 1.67: with ``on_change`` "rerun" or a callback, the
open tab (``string_value``, its label) or whether an expander or popover is open
(``bool_value``) is a widget value under the block's id (also sent in the block
type's ``id``); the script reads it as the container's ``open``, and the browser
reruns the script when the user changes it. With "ignore" (the default) that
state is the browser's alone; a keyed container carries its id then.
Simplified: no ``bind`` (query-string binding raises). An expander's ``type``
("compact", "step") is sent but drawn as the default. No ``autoscroll``. A keyed
``st.container`` carries its id (the frontend's ``st-key-<key>`` class).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from minilit.elements.layout_utils import (
    Gap,
    Height,
    InvalidParameterTypeError,
    InvalidValueError,
    Width,
    align,
    check_alignment,
    check_bool,
    gap_config,
    height_config,
    icon_text,
    justify,
    label_text,
    use_container_width_to_width,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.elements.widgets.common import (
    check_widget_policies,
    help_text,
    register_widget,
    to_key,
)
from minilit.elements.widgets.ids import (
    compute_and_register_element_id,
    compute_element_id,
    register_element_id,
)
from minilit.elements.widgets.values import expect_kind
from minilit.errors import MinilitAPIException, MissingRequiredParameterError
from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.proto.Delta_pb2 import Block
from minilit.runtime.state.common import ValueType, WidgetCallback
from minilit.scriptrunner.script_run_context import get_script_run_ctx

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

T = TypeVar("T")


class LayoutsMixin(DGMixin):
    def container(
        self,
        *,
        border: bool | None = None,
        key: str | int | None = None,
        width: Width = "stretch",
        height: Height = "content",
        horizontal: bool = False,
        wrap: bool = True,
        horizontal_alignment: str = "left",
        vertical_alignment: str = "top",
        gap: Gap = "small",
    ) -> DeltaGenerator:
        """A block to put elements in, also out of order (``with c:`` or ``c.text()``)."""
        if border is not None:
            check_bool("border", border)
        check_bool("horizontal", horizontal)
        check_bool("wrap", wrap)
        check_alignment("horizontal_alignment", horizontal_alignment, horizontal=True)
        check_alignment("vertical_alignment", vertical_alignment, horizontal=False)
        if not wrap and not horizontal:
            raise MinilitAPIException(
                "`wrap=False` needs `horizontal=True`: a vertical container has no row of "
                "elements to keep in one line."
            )
        block = Block(allow_empty=False)
        flex = block.flex_container
        flex.gap_config.CopyFrom(gap_config(gap))
        if horizontal:
            flex.wrap = wrap
            flex.direction = Block.FlexContainer.HORIZONTAL
            flex.justify = justify(horizontal_alignment)
            flex.align = align(vertical_alignment)
        else:
            flex.wrap = False
            flex.direction = Block.FlexContainer.VERTICAL
            flex.justify = justify(vertical_alignment)
            flex.align = align(horizontal_alignment)
        block.width_config.CopyFrom(width_config(width, allow_content=True))
        block.height_config.CopyFrom(height_config(height, allow_content=True))
        fixed_height = isinstance(height, int)
        # A bordered or fixed-height container is drawn even when empty, and a
        # fixed height brings a border unless the script says otherwise (1.67).
        if fixed_height or border:
            block.allow_empty = True
        flex.border = border if border is not None else fixed_height
        if key is not None and str(key):
            block.id = _container_id(str(key))
        return self.dg._block(block)

    def columns(
        self,
        spec: int | Sequence[float],
        *,
        gap: Gap = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        width: Width = "stretch",
        wrap: bool = True,
    ) -> list[DeltaGenerator]:
        """Side-by-side columns: ``st.columns(2)`` or weights like ``st.columns([2, 1])``."""
        weights = _column_weights(spec)
        check_bool("wrap", wrap)
        check_bool("border", border)
        if vertical_alignment not in _COLUMN_ALIGNMENT:
            raise InvalidValueError(
                "vertical_alignment",
                [f"'{name}'" for name in _COLUMN_ALIGNMENT],
                detail=f"Got {vertical_alignment!r}.",
            )
        gap_cfg = gap_config(gap)
        row = Block()
        row.flex_container.direction = Block.FlexContainer.HORIZONTAL
        row.flex_container.wrap = wrap
        row.flex_container.gap_config.CopyFrom(gap_cfg)
        row.flex_container.scale = 1.0
        row.flex_container.align = Block.FlexContainer.STRETCH
        row.width_config.CopyFrom(width_config(width))
        row_dg = self.dg._block(row)
        total = sum(weights)
        columns = []
        for weight in weights:
            col = Block(allow_empty=True)
            col.column.weight = weight / total
            col.column.gap_config.CopyFrom(gap_cfg)
            col.column.vertical_alignment = _COLUMN_ALIGNMENT[vertical_alignment]
            col.column.show_border = border
            columns.append(row_dg._block(col))
        return columns

    def expander(
        self,
        label: str,
        expanded: bool = False,
        *,
        key: str | int | None = None,
        icon: str | None = None,
        type: str = "default",
        width: Width = "stretch",
        on_change: str | Callable[..., Any] = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: str | None = None,
    ) -> DeltaGenerator:
        """A collapsible block with a clickable ``label`` (and an optional ``icon``)."""
        if label is None:
            raise MissingRequiredParameterError("label")
        stateful, callback = _on_change_mode(on_change)
        if type not in EXPANDABLE_TYPES:
            raise InvalidValueError("type", [repr(name) for name in EXPANDABLE_TYPES])
        _check_no_bind("st.expander", bind)
        check_bool("expanded", expanded)
        user_key = to_key(key)
        block = Block(allow_empty=True)
        current = expanded
        if stateful:
            # Whether it is open is a widget value (bool_value); its id counts what it shows.
            element_id = compute_and_register_element_id(
                "expander",
                user_key,
                False,
                self.dg,
                label=label,
                expanded=expanded,
                icon=icon,
                width=width,
                type=type,
            )
            current = _register_open_state(
                self.dg, element_id, user_key, callback, args, kwargs, _bool_state(expanded)
            )
            block.id = block.expandable.id = element_id
        elif user_key is not None:
            # A keyed (stateless) expander's id, as 1.67 computes it: its key, its
            # type and where it is (page, form, root container).
            block.id = compute_and_register_element_id(
                "expander", user_key, False, self.dg, type=type
            )
        block.expandable.label = label_text(label)
        block.expandable.expanded = current
        block.expandable.icon = icon_text(icon)
        block.expandable.type = EXPANDABLE_TYPES[type]
        block.width_config.CopyFrom(width_config(width))
        container = self.dg._block(block)
        if stateful:
            _set_open(container, current)
        return container

    def tabs(
        self,
        tabs: Sequence[str],
        *,
        width: Width = "stretch",
        height: Height = "content",
        default: str | None = None,
        key: str | int | None = None,
        on_change: str | Callable[..., Any] = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: str | None = None,
    ) -> tuple[DeltaGenerator, ...]:
        """Containers shown one at a time, chosen by clicking their labels.

        Example:
            >>> one, two = st.tabs(["One", "Two"])    # doctest: +SKIP
            >>> one.text("in the first tab")           # doctest: +SKIP
        """
        if not tabs:
            raise MissingRequiredParameterError("tabs", detail="Provide at least one tab label.")
        labels = list(tabs)
        if default and default not in labels:
            raise InvalidValueError(
                "default",
                ["a tab label from `tabs`"],
                detail=f"`{default}` is not in the list of tabs.",
            )
        for label in labels:
            if not isinstance(label, str):
                raise InvalidParameterTypeError(
                    "tabs", type(label).__name__, ["a string for each tab label"]
                )
        stateful, callback = _on_change_mode(on_change)
        _check_no_bind("st.tabs", bind)
        user_key = to_key(key)
        default_label = default if default else labels[0]
        current_label = default_label
        element_id = None
        if stateful:
            # The open tab's label is a widget value (string_value).
            element_id = compute_and_register_element_id(
                "tabs",
                user_key,
                False,
                self.dg,
                tabs=tuple(labels),
                width=width,
                height=height,
                default=default,
            )
            current_label = _register_open_state(
                self.dg,
                element_id,
                user_key,
                callback,
                args,
                kwargs,
                _tab_state(default_label),
                "string_value",
            )
            if current_label not in labels:
                # A label that is no longer a tab (a session_state write): the default.
                current_label = default_label
                ctx = get_script_run_ctx()
                if user_key is not None and ctx is not None:
                    ctx.session_state.reset_state_value(user_key, default_label)
        block = Block()
        block.tab_container.SetInParent()
        block.width_config.CopyFrom(width_config(width))
        block.height_config.CopyFrom(height_config(height, allow_content=True))
        if isinstance(height, int):
            # A fixed-height tab container keeps its space even when the open tab is empty.
            block.allow_empty = True
        block.tab_container.default_tab_index = labels.index(current_label)
        if element_id is not None:
            block.id = block.tab_container.id = element_id
        elif user_key is not None:
            block.id = compute_and_register_element_id("tabs", user_key, False, self.dg)
        container = self.dg._block(block)
        tabs_dgs = []
        for label in labels:
            tab = container._block(Block(allow_empty=True, tab=Block.Tab(label=label)))
            if stateful:
                _set_open(tab, label == current_label)
            tabs_dgs.append(tab)
        return tuple(tabs_dgs)

    def popover(
        self,
        label: str,
        *,
        type: str = "secondary",
        help: str | None = None,
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Width = "content",
        wrap: bool | None = None,
        key: str | int | None = None,
        on_change: str | Callable[..., Any] = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> DeltaGenerator:
        """A button that opens a floating container (``with st.popover("Settings"):``)."""
        if label is None:
            raise MissingRequiredParameterError("label")
        width = use_container_width_to_width(use_container_width, width)
        if type not in ("primary", "secondary", "tertiary"):
            raise InvalidValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        stateful, callback = _on_change_mode(on_change)
        user_key = to_key(key)
        current = False
        element_id = None
        if stateful:
            # Whether it is open is a widget value (bool_value).
            element_id = compute_and_register_element_id(
                "popover",
                user_key,
                False,
                self.dg,
                label=label,
                type=type,
                help=help,
                icon=icon,
                disabled=disabled,
                width=width,
            )
            current = _register_open_state(
                self.dg, element_id, user_key, callback, args, kwargs, _bool_state(False)
            )
        popover = Block.Popover(label=label_text(label), type=type, open=current)
        popover.disabled = check_bool("disabled", disabled)
        if wrap is not None:
            popover.wrap = wrap
        if help:
            popover.help = help_text(help)
        if icon is not None:
            popover.icon = icon_text(icon)
        block = Block(allow_empty=True)
        block.popover.CopyFrom(popover)
        block.width_config.CopyFrom(width_config(width, allow_content=True))
        if element_id is not None:
            block.id = block.popover.id = element_id
        elif user_key is not None:
            block.id = compute_and_register_element_id("popover", user_key, False, self.dg)
        container = self.dg._block(block)
        if stateful:
            _set_open(container, current)
        return container


_ON_CHANGE_MODES = ("ignore", "rerun")

EXPANDABLE_TYPES = {
    "default": Block.Expandable.DEFAULT,
    "compact": Block.Expandable.COMPACT,
    "step": Block.Expandable.STEP,
}
"""st.expander's and st.status's ``type``: how the block is drawn (1.67's
EXPANDABLE_TYPE_TO_PROTO_MAPPING)."""


def _check_no_bind(command: str, bind: object) -> None:
    """``bind`` must be None: minilit binds no container to the query string."""
    if bind is None:
        return
    if bind != "query-params":
        raise InvalidValueError("bind", ["'query-params'", "None"])
    raise MinilitAPIException(
        f"`bind` is not supported by minilit's {command} (its open state is not a widget "
        "value in minilit). See docs/api-coverage.md."
    )


def _on_change_mode(on_change: object) -> tuple[bool, WidgetCallback | None]:
    """(stateful, callback) for a container's ``on_change``, as 1.67's
    validate_on_change_mode: "ignore" keeps the open state in the browser; "rerun" or a
    callback make it a widget value (the browser reruns the script when it changes)."""
    if callable(on_change):
        return True, on_change
    if isinstance(on_change, str) and on_change in _ON_CHANGE_MODES:
        return on_change == "rerun", None
    raise InvalidValueError("on_change", ["'rerun'", "'ignore'", "a callback function"])


def _set_open(container: DeltaGenerator, is_open: bool) -> None:
    """A stateful container's ``open`` (1.67's ExpanderContainer.open and the like): set
    on the instance, since a dialog's ``open`` is a method."""
    setattr(container, "open", is_open)  # noqa: B010  (an attribute of this one container)


def _bool_state(default: bool) -> Callable[[WidgetState | None], bool]:
    def deserialize(state: WidgetState | None) -> bool:
        if state is None or state.WhichOneof("value") is None:
            return default
        expect_kind(state, "bool_value")
        return bool(state.bool_value)

    return deserialize


def _tab_state(default_label: str) -> Callable[[WidgetState | None], str]:
    def deserialize(state: WidgetState | None) -> str:
        if state is None or state.WhichOneof("value") is None:
            return default_label
        expect_kind(state, "string_value")
        return str(state.string_value)

    return deserialize


def _register_open_state(
    dg: DeltaGenerator,
    element_id: str,
    user_key: str | None,
    callback: WidgetCallback | None,
    args: Any,
    kwargs: Any,
    deserializer: Callable[[WidgetState | None], T],
    value_type: ValueType = "bool_value",
) -> T:
    """Register a stateful container's open state as a widget; the value this run sees."""
    check_widget_policies(
        dg,
        user_key,
        callback,
        default_value=None,
        writes_allowed=True,
        enable_check_callback_rules=callback is not None,
    )
    state = register_widget(
        element_id,
        deserializer=deserializer,
        value_type=value_type,
        on_change=callback,
        args=args if callback is not None else None,
        kwargs=kwargs if callback is not None else None,
    )
    return state.value


def _container_id(key: str) -> str:
    """A keyed container's block id: from its key and page only, as 1.67 computes it
    (no DeltaGenerator, so neither form nor root container counts); a key used twice
    in a run raises, as for widgets. The frontend gives the block the CSS class
    ``st-key-<key>``."""
    ctx = get_script_run_ctx()
    element_id = compute_element_id(
        "container",
        key,
        False,
        page_script_hash=ctx.page_script_hash if ctx is not None else "",
        form_id=None,
        root_container=None,
    )
    if ctx is not None:
        register_element_id(ctx, "container", element_id)
    return element_id


_COLUMN_ALIGNMENT = {
    "top": Block.Column.TOP,
    "center": Block.Column.CENTER,
    "bottom": Block.Column.BOTTOM,
}


def _column_weights(spec: int | Sequence[float]) -> list[float]:
    if isinstance(spec, int):
        if spec < 1:
            raise MinilitAPIException("st.columns needs a positive number of columns")
        return [1.0] * spec
    try:
        weights = [float(w) for w in spec]
    except (TypeError, ValueError):
        raise InvalidParameterTypeError(
            "spec", type(spec).__name__, ["int", "sequence of numbers"]
        ) from None
    if not weights or any(w <= 0 for w in weights):
        raise MinilitAPIException("st.columns weights must be positive numbers")
    return weights
