"""Readable wrappers over the page's leaf elements: ``app.markdown[0].value``.

Mirrors: the display-element half of Streamlit's ``lib/streamlit/testing/v1/element_tree.py``
(``Element``, ``Markdown``, ``Title``, ``Code``, ``Exception`` ...), the AppTest API. Here an
element wrapper is a view of one ``ElementNode`` of ``minilit.testing.tree`` plus where it
sits (``delta_path``) and whether it is stale. Widgets are in ``widgets.py``; lists, blocks
and the accessors (``app.markdown``) in ``page.py``.

Simplified: AppTest names every element kind with its own class (``Title``, ``Caption``,
``Divider`` ...); here one class serves several kinds that share a proto (``Heading`` for
title/header/subheader, ``Markdown`` for markdown/caption/divider/latex, ``Alert`` for
error/warning/info/success), and ``.type`` tells them apart.

Receives: ``TreeItem``s from ``minilit.testing.tree.ElementTree.walk``, via
``minilit.testing.page.wrap``. Hands to: tests and lessons (values, protos, paths).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from minilit.proto import Delta_pb2, Elements_pb2, Widgets_pb2
from minilit.testing.tree import BlockNode, ElementNode, TreeItem, element_type

if TYPE_CHECKING:
    from minilit.testing.page import Page

WIDGET_ID_PREFIX = "$$ID-"
"""Widget ids look like ``$$ID-<32 hex>-<user key or None>`` (streamlit-internals §6.1)."""


def widget_key(widget_id: str) -> str | None:
    """The user key inside a widget id, or None for ``...-None`` and ids of another shape.

    >>> widget_key("$$ID-3ab465c11491b417d25adae5a1f614cf-name")
    'name'
    """
    if not widget_id.startswith(WIDGET_ID_PREFIX):
        return None
    _hash, sep, key = widget_id[len(WIDGET_ID_PREFIX) :].partition("-")
    if not sep or key == "None":
        return None
    return key


# --- kinds: what AppTest calls the element (title, caption, toggle...) ----------------

_HEADING_KINDS = {"h1": "title", "h2": "header", "h3": "subheader"}
_MARKDOWN_KINDS = {
    Elements_pb2.Markdown.CAPTION: "caption",
    Elements_pb2.Markdown.DIVIDER: "divider",
    Elements_pb2.Markdown.LATEX: "latex",
}
_ALERT_KINDS = {
    Elements_pb2.Alert.ERROR: "error",
    Elements_pb2.Alert.WARNING: "warning",
    Elements_pb2.Alert.INFO: "info",
    Elements_pb2.Alert.SUCCESS: "success",
}
_BLOCK_KINDS = {"vertical": "container", "expandable": "expander"}


def node_kind(node: ElementNode | BlockNode) -> str:
    """The AppTest-style name of a node: ``"title"`` for an h1 heading, ``"toggle"`` ...

    Blocks are named after their ``Block`` type (``"column"``, ``"form"``, ``"expander"``
    for ``expandable``, ``"container"`` for ``vertical``, ``"status"`` for an expandable
    with a state).
    """
    if isinstance(node, BlockNode):
        block_type = node.block_type() or "root"
        if block_type == "expandable" and node.block is not None and node.block.expandable.state:
            return "status"  # st.status is an expander with a state
        return _BLOCK_KINDS.get(block_type, block_type)
    element = node.element
    kind = element_type(element)
    if kind == "heading":
        return _HEADING_KINDS.get(element.heading.tag, "heading")
    if kind == "markdown":
        return _MARKDOWN_KINDS.get(element.markdown.element_type, "markdown")
    if kind == "alert":
        return _ALERT_KINDS.get(element.alert.format, "alert")
    if kind == "checkbox" and element.checkbox.type == Widgets_pb2.Checkbox.TOGGLE:
        return "toggle"
    if kind == "slider" and element.slider.type == Widgets_pb2.Slider.SELECT_SLIDER:
        return "select_slider"
    if kind == "button_group":
        pills = element.button_group.style == Widgets_pb2.ButtonGroup.PILLS
        return "pills" if pills else "segmented_control"
    if kind == "button" and element.button.is_form_submitter:
        return "form_submit_button"
    return kind


# --- base wrappers ------------------------------------------------------------------------


class Node:
    """Common part of every wrapper: where the node sits and which run wrote it."""

    def __init__(self, app: Page, item: TreeItem) -> None:
        self._app = app
        self._item = item

    @property
    def type(self) -> str:
        """The AppTest-style kind (see ``node_kind``)."""
        return node_kind(self._item.node)

    @property
    def delta_path(self) -> tuple[int, ...]:
        """Where the node sits: ``(root_container, *block_indices, index)``."""
        return self._item.delta_path

    @property
    def run_id(self) -> str:
        """The script run id that last wrote this node."""
        return self._item.node.run_id

    @property
    def fragment_id(self) -> str:
        """The st.fragment whose body sent this node (``Delta.fragment_id``), or ""."""
        return self._item.node.fragment_id

    @property
    def stale(self) -> bool:
        """Whether an older run than the client's current run wrote this node.

        After a successful run nothing is stale (stale nodes were removed); after an
        interrupted run or a compile error, the leftovers of older runs are.
        """
        return self._app.tree.is_stale(self._item.node)

    def run(self, *, timeout: float | None = None) -> Page:
        """Rerun the app (``AppClient.run``), so calls chain: ``button.click().run()``."""
        return self._app.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={list(self.delta_path)}, value={self._repr_value()})"

    def _repr_value(self) -> str:
        return "..."


class Element(Node):
    """A leaf element. ``proto`` is its own message (``Markdown``, ``Slider``, ...)."""

    @property
    def element(self) -> Delta_pb2.Element:
        """The whole ``Element`` proto as received."""
        node = self._item.node
        assert isinstance(node, ElementNode)
        return node.element

    @property
    def proto(self) -> Any:
        """The element's own proto (the ``Element`` oneof member), or the ``Element``."""
        kind = element_type(self.element)
        return self.element if kind == "unknown" else getattr(self.element, kind)

    @property
    def key(self) -> str | None:
        """The user key, for widgets; None for other elements."""
        return None

    @property
    def value(self) -> Any:
        """The element's main content (its proto if it has no obvious one)."""
        return self.proto

    def _repr_value(self) -> str:
        return repr(self.value)


class _BodyElement(Element):
    @property
    def value(self) -> str:
        """The text the element shows (``body``)."""
        return str(self.proto.body)


class Text(_BodyElement):
    """``st.text``."""


class Markdown(_BodyElement):
    """``st.markdown``, ``st.write`` of a string, ``st.caption``, ``st.divider``, ``st.latex``."""

    @property
    def allow_html(self) -> bool:
        """Whether raw HTML in the body is rendered (``unsafe_allow_html``)."""
        return bool(self.proto.allow_html)


class Heading(_BodyElement):
    """``st.title`` (h1), ``st.header`` (h2), ``st.subheader`` (h3)."""

    @property
    def tag(self) -> str:
        """The HTML heading tag: ``"h1"``, ``"h2"``, ``"h3"``."""
        return str(self.proto.tag)


class Code(Element):
    """``st.code``."""

    @property
    def value(self) -> str:
        """The code text."""
        return str(self.proto.code_text)

    @property
    def language(self) -> str:
        """The language used for highlighting."""
        return str(self.proto.language)


class Json(_BodyElement):
    """``st.json``: ``value`` is the JSON text, ``parsed`` the decoded object."""

    @property
    def parsed(self) -> Any:
        """The body decoded with ``json.loads``."""
        return json.loads(self.value)


class Alert(_BodyElement):
    """``st.error``, ``st.warning``, ``st.info``, ``st.success``."""

    @property
    def icon(self) -> str:
        """The icon shown next to the message (empty if none)."""
        return str(self.proto.icon)


class Toast(_BodyElement):
    """``st.toast`` (in the event container)."""

    @property
    def icon(self) -> str:
        """The icon shown next to the message (empty if none)."""
        return str(self.proto.icon)

    @property
    def duration(self) -> int:
        """Seconds on screen (0: until the user closes it)."""
        return int(self.proto.duration)


class Help(Element):
    """``st.help`` (and st.write or magic of a function, class or module)."""

    @property
    def value(self) -> str:
        """The name the call gave it (the argument as written)."""
        return str(self.proto.name)

    @property
    def doc_string(self) -> str:
        return str(self.proto.doc_string)


class ExceptionElement(Element):
    """An ``Exception`` element: ``st.exception`` or an uncaught error in the script."""

    @property
    def value(self) -> str:
        """The exception message (as AppTest's ``Exception.value``)."""
        return str(self.proto.message)

    @property
    def message(self) -> str:
        """The exception message."""
        return str(self.proto.message)

    @property
    def exception_type(self) -> str:
        """The exception class name, e.g. ``"ZeroDivisionError"``."""
        return str(self.proto.type)

    @property
    def stack_trace(self) -> list[str]:
        """The traceback lines (empty when the server hides details)."""
        return list(self.proto.stack_trace)

    @property
    def is_warning(self) -> bool:
        """Whether it is shown as a warning (e.g. a deprecation)."""
        return bool(self.proto.is_warning)


class Metric(Element):
    """``st.metric``: ``value`` is the shown number (text), plus ``label`` and ``delta``."""

    @property
    def value(self) -> str:
        """The metric's value as displayed (the proto's ``body``)."""
        return str(self.proto.body)

    @property
    def label(self) -> str:
        """The metric's label."""
        return str(self.proto.label)

    @property
    def delta(self) -> str:
        """The change shown under the value."""
        return str(self.proto.delta)


class Progress(Element):
    """``st.progress``: ``value`` is 0..100."""

    @property
    def value(self) -> int:
        """The progress in percent."""
        return int(self.proto.value)

    @property
    def text(self) -> str:
        """The text next to the bar."""
        return str(self.proto.text)


class Empty(Element):
    """``st.empty()`` before anything replaced it."""

    @property
    def value(self) -> None:
        """Nothing: an empty placeholder shows nothing."""
        return None
