"""The page and its accessors: ``app.markdown``, ``app.slider(key="x")``, ``app.sidebar``.

Mirrors: the tree half of Streamlit's ``lib/streamlit/testing/v1/element_tree.py``
(``ElementList``, ``WidgetList``, ``Block``, ``Column``, ``Expander``, ``Form``, and the
accessor properties AppTest and its blocks share). A ``Page`` is an ``ElementTree`` plus a
``WidgetStateManager``; ``AppClient`` is a ``Page`` that can also run. A ``Page`` on its own
holds a replayed recording, which is how the golden tests look at a real Streamlit session.

Simplified: no tabs, chat, popovers or dialogs (minilit's protos do not declare them).

Receives: an ``ElementTree`` (from ``AppClient`` or from ``Page.replay``). Hands to: tests
and lessons, the wrappers of ``elements.py`` and ``widgets.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, Self, TypeVar, overload

from minilit.proto import BackMsg_pb2, Delta_pb2, ForwardMsg_pb2
from minilit.testing.elements import (
    Alert,
    Code,
    Element,
    Empty,
    ExceptionElement,
    Heading,
    Help,
    Json,
    Markdown,
    Metric,
    Node,
    Progress,
    Text,
    Toast,
    node_kind,
)
from minilit.testing.tree import BlockNode, ElementTree, TreeItem
from minilit.testing.widget_state import WidgetStateManager
from minilit.testing.widgets import (
    Button,
    ButtonGroup,
    ChatInput,
    Checkbox,
    ColorPicker,
    DateInput,
    Feedback,
    FormSubmitButton,
    LinkButton,
    Multiselect,
    NumberInput,
    Radio,
    Selectbox,
    SelectSlider,
    Slider,
    TextArea,
    TextInput,
    TimeInput,
    Toggle,
    Widget,
)

N = TypeVar("N", bound=Node)


class ElementList(Sequence[N], Generic[N]):
    """The elements of one kind, in page order; call it with ``key=`` to pick a widget.

    Example::

        app.text_input[0].value
        app.slider(key="x").set_value(3).run()
        app.markdown.values        # every markdown's value
    """

    def __init__(self, nodes: list[N]) -> None:
        self._nodes = nodes

    @overload
    def __getitem__(self, index: int) -> N: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...
    def __getitem__(self, index: int | slice) -> N | ElementList[N]:
        if isinstance(index, slice):
            return ElementList(self._nodes[index])
        return self._nodes[index]

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[N]:
        return iter(self._nodes)

    def __call__(self, key: str) -> N:
        """The one element whose widget key is ``key``.

        Raises:
            KeyError: no element has that key.
        """
        for node in self._nodes:
            if isinstance(node, Element) and node.key == key:
                return node
        raise KeyError(f"no element with key {key!r}")

    @property
    def values(self) -> list[Any]:
        """``[e.value for e in self]``."""
        return [getattr(node, "value", None) for node in self._nodes]

    def __repr__(self) -> str:
        return f"ElementList({self._nodes!r})"


class Queryable:
    """Accessors shared by ``Page`` (so ``AppClient``) and ``Block``: ``.markdown``, ``.button``...

    Each returns an ``ElementList`` of the nodes of that kind below this point, in page
    order (main before sidebar, a block's children in index order, depth first).
    """

    def _query_app(self) -> Page:
        raise NotImplementedError

    def _query_items(self) -> Iterator[TreeItem]:
        raise NotImplementedError

    def get(self, kind: str) -> ElementList[Node]:
        """Every node of one kind (see ``node_kind``), e.g. ``app.get("toggle")``."""
        return self._of(kind, Node)

    def _of(self, kind: str, cls: type[N]) -> ElementList[N]:
        app = self._query_app()
        found: list[N] = []
        for item in self._query_items():
            if node_kind(item.node) == kind:
                node = wrap(app, item)
                assert isinstance(node, cls)
                found.append(node)
        return ElementList(found)

    @property
    def elements(self) -> ElementList[Element]:
        """Every leaf element below this point, whatever its kind."""
        app = self._query_app()
        nodes = [wrap(app, item) for item in self._query_items()]
        return ElementList([n for n in nodes if isinstance(n, Element)])

    # Text elements
    @property
    def title(self) -> ElementList[Heading]:
        """``st.title`` elements."""
        return self._of("title", Heading)

    @property
    def header(self) -> ElementList[Heading]:
        """``st.header`` elements."""
        return self._of("header", Heading)

    @property
    def subheader(self) -> ElementList[Heading]:
        """``st.subheader`` elements."""
        return self._of("subheader", Heading)

    @property
    def markdown(self) -> ElementList[Markdown]:
        """``st.markdown`` / ``st.write(str)`` elements (not captions, dividers, latex)."""
        return self._of("markdown", Markdown)

    @property
    def caption(self) -> ElementList[Markdown]:
        """``st.caption`` elements."""
        return self._of("caption", Markdown)

    @property
    def divider(self) -> ElementList[Markdown]:
        """``st.divider`` elements."""
        return self._of("divider", Markdown)

    @property
    def latex(self) -> ElementList[Markdown]:
        """``st.latex`` elements."""
        return self._of("latex", Markdown)

    @property
    def text(self) -> ElementList[Text]:
        """``st.text`` elements."""
        return self._of("text", Text)

    @property
    def code(self) -> ElementList[Code]:
        """``st.code`` elements."""
        return self._of("code", Code)

    @property
    def json(self) -> ElementList[Json]:
        """``st.json`` elements."""
        return self._of("json", Json)

    @property
    def exception(self) -> ElementList[ExceptionElement]:
        """Exception elements (``st.exception`` and uncaught script errors)."""
        return self._of("exception", ExceptionElement)

    @property
    def toast(self) -> ElementList[Toast]:
        """``st.toast`` elements (from the event container)."""
        return self._of("toast", Toast)

    @property
    def help(self) -> ElementList[Help]:
        """``st.help`` elements (also st.write and magic of functions, classes, modules)."""
        return self._of("help_info", Help)

    @property
    def error(self) -> ElementList[Alert]:
        """``st.error`` elements."""
        return self._of("error", Alert)

    @property
    def warning(self) -> ElementList[Alert]:
        """``st.warning`` elements."""
        return self._of("warning", Alert)

    @property
    def info(self) -> ElementList[Alert]:
        """``st.info`` elements."""
        return self._of("info", Alert)

    @property
    def success(self) -> ElementList[Alert]:
        """``st.success`` elements."""
        return self._of("success", Alert)

    @property
    def metric(self) -> ElementList[Metric]:
        """``st.metric`` elements."""
        return self._of("metric", Metric)

    @property
    def progress(self) -> ElementList[Progress]:
        """``st.progress`` elements."""
        return self._of("progress", Progress)

    @property
    def empty(self) -> ElementList[Empty]:
        """``st.empty`` placeholders not yet replaced."""
        return self._of("empty", Empty)

    # Widgets
    @property
    def button(self) -> ElementList[Button]:
        """``st.button`` widgets."""
        return self._of("button", Button)

    @property
    def form_submit_button(self) -> ElementList[FormSubmitButton]:
        """``st.form_submit_button`` widgets."""
        return self._of("form_submit_button", FormSubmitButton)

    @property
    def checkbox(self) -> ElementList[Checkbox]:
        """``st.checkbox`` widgets."""
        return self._of("checkbox", Checkbox)

    @property
    def toggle(self) -> ElementList[Toggle]:
        """``st.toggle`` widgets."""
        return self._of("toggle", Toggle)

    @property
    def slider(self) -> ElementList[Slider]:
        """``st.slider`` widgets."""
        return self._of("slider", Slider)

    @property
    def text_input(self) -> ElementList[TextInput]:
        """``st.text_input`` widgets."""
        return self._of("text_input", TextInput)

    @property
    def text_area(self) -> ElementList[TextArea]:
        """``st.text_area`` widgets."""
        return self._of("text_area", TextArea)

    @property
    def number_input(self) -> ElementList[NumberInput]:
        """``st.number_input`` widgets."""
        return self._of("number_input", NumberInput)

    @property
    def selectbox(self) -> ElementList[Selectbox]:
        """``st.selectbox`` widgets."""
        return self._of("selectbox", Selectbox)

    @property
    def radio(self) -> ElementList[Radio]:
        """``st.radio`` widgets."""
        return self._of("radio", Radio)

    @property
    def multiselect(self) -> ElementList[Multiselect]:
        """``st.multiselect`` widgets."""
        return self._of("multiselect", Multiselect)

    @property
    def select_slider(self) -> ElementList[SelectSlider]:
        """``st.select_slider`` widgets."""
        return self._of("select_slider", SelectSlider)

    @property
    def date_input(self) -> ElementList[DateInput]:
        """``st.date_input`` widgets."""
        return self._of("date_input", DateInput)

    @property
    def time_input(self) -> ElementList[TimeInput]:
        """``st.time_input`` widgets."""
        return self._of("time_input", TimeInput)

    @property
    def color_picker(self) -> ElementList[ColorPicker]:
        """``st.color_picker`` widgets."""
        return self._of("color_picker", ColorPicker)

    @property
    def pills(self) -> ElementList[ButtonGroup]:
        """``st.pills`` widgets."""
        return self._of("pills", ButtonGroup)

    @property
    def segmented_control(self) -> ElementList[ButtonGroup]:
        """``st.segmented_control`` widgets."""
        return self._of("segmented_control", ButtonGroup)

    @property
    def feedback(self) -> ElementList[Feedback]:
        """``st.feedback`` widgets."""
        return self._of("feedback", Feedback)

    @property
    def link_button(self) -> ElementList[LinkButton]:
        """``st.link_button`` elements (widgets when they have ``on_click``)."""
        return self._of("link_button", LinkButton)

    # Blocks
    @property
    def columns(self) -> ElementList[Column]:
        """``st.columns`` columns (each one a ``Block``)."""
        return self._of("column", Column)

    @property
    def expander(self) -> ElementList[Expander]:
        """``st.expander`` blocks."""
        return self._of("expander", Expander)

    @property
    def form(self) -> ElementList[Form]:
        """``st.form`` blocks."""
        return self._of("form", Form)

    @property
    def container(self) -> ElementList[Block]:
        """``st.container`` blocks."""
        return self._of("container", Block)

    @property
    def tabs(self) -> ElementList[Tab]:
        """The tabs of every ``st.tabs`` (each one a ``Block``; AppTest's ``at.tabs``)."""
        return self._of("tab", Tab)

    @property
    def popover(self) -> ElementList[Popover]:
        """``st.popover`` blocks."""
        return self._of("popover", Popover)

    @property
    def status(self) -> ElementList[Status]:
        """``st.status`` blocks."""
        return self._of("status", Status)

    @property
    def chat_message(self) -> ElementList[ChatMessage]:
        """``st.chat_message`` blocks."""
        return self._of("chat_message", ChatMessage)

    @property
    def dialog(self) -> ElementList[Dialog]:
        """``st.dialog`` blocks (in the event container)."""
        return self._of("dialog", Dialog)

    @property
    def chat_input(self) -> ElementList[ChatInput]:
        """``st.chat_input`` widgets (in the bottom container when pinned there)."""
        return self._of("chat_input", ChatInput)


class Block(Node, Queryable):
    """A container: every accessor on it searches only below it.

    ``app.sidebar.checkbox[0]``, ``app.columns[1].markdown[0].value``.
    """

    @property
    def block(self) -> Delta_pb2.Block | None:
        """The whole ``Block`` proto (None for a root container)."""
        node = self._item.node
        assert isinstance(node, BlockNode)
        return node.block

    @property
    def proto(self) -> Any:
        """The block's own proto (``Block.Column``, ``Block.Form``, ...), or None for roots."""
        block = self.block
        if block is None:
            return None
        kind = block.WhichOneof("type")
        return block if kind is None else getattr(block, kind)

    @property
    def children(self) -> list[Node]:
        """The direct children, wrapped."""
        node = self._item.node
        assert isinstance(node, BlockNode)
        return [
            wrap(self._app, TreeItem(child, (*self.delta_path, i)))
            for i, child in enumerate(node.children)
            if child is not None
        ]

    def _query_app(self) -> Page:
        return self._app

    def _query_items(self) -> Iterator[TreeItem]:
        node = self._item.node
        assert isinstance(node, BlockNode)
        return self._app.tree.walk(node, self.delta_path)

    def _repr_value(self) -> str:
        return f"{len(self.children)} children"


class Column(Block):
    """One column of ``st.columns``."""

    @property
    def weight(self) -> float:
        """The column's share of the row."""
        return float(self.proto.weight)


class Expander(Block):
    """``st.expander``; a stateful one (``on_change``) can be opened and closed here."""

    @property
    def label(self) -> str:
        """The expander's label."""
        return str(self.proto.label)

    def expand(self) -> Self:
        """Open it, as a click on its label does: a stateful one sends ``bool_value``."""
        return self._set_open(True)

    def collapse(self) -> Self:
        """Close it (a stateful one sends ``bool_value`` false)."""
        return self._set_open(False)

    def _set_open(self, is_open: bool) -> Self:
        widget_id = str(self.proto.id)
        if not widget_id:
            raise LookupError("only a stateful container (on_change) tells the server")
        self._app.widget_states.set_state(BackMsg_pb2.WidgetState(id=widget_id, bool_value=is_open))
        return self


class Tab(Block):
    """One tab of ``st.tabs``; ``select()`` opens it (stateful tabs tell the server)."""

    @property
    def label(self) -> str:
        return str(self.proto.label)

    def select(self) -> Self:
        """Click this tab: stateful tabs (``on_change``) send its label as ``string_value``."""
        parent = self._app.tree.root.get_in(self.delta_path[:-1])
        block = parent.block if isinstance(parent, BlockNode) else None
        widget_id = block.tab_container.id if block is not None else ""
        if not widget_id:
            raise LookupError("only stateful tabs (on_change) tell the server")
        state = BackMsg_pb2.WidgetState(id=widget_id, string_value=self.label)
        self._app.widget_states.set_state(state)
        return self


class Popover(Expander):
    """``st.popover``: its label is the button that opens it; ``open()``/``close()``
    tell the server when it is stateful (``on_change``)."""

    def open(self) -> Self:
        return self._set_open(True)

    def close(self) -> Self:
        return self._set_open(False)


class Status(Expander):
    """``st.status``: an expander with a state ("running", "complete", "error")."""

    @property
    def state(self) -> str:
        names = {1: "running", 2: "complete", 3: "error"}
        return names.get(int(self.proto.state), "")


class ChatMessage(Block):
    """``st.chat_message``."""

    @property
    def name(self) -> str:
        return str(self.proto.name)

    @property
    def avatar(self) -> str:
        return str(self.proto.avatar)


class Dialog(Block):
    """A dialog of an ``@st.dialog`` function."""

    @property
    def label(self) -> str:
        """The dialog's title (``title`` is the st.title elements inside it)."""
        return str(self.proto.title)

    @property
    def is_open(self) -> bool:
        return bool(self.proto.is_open)


class Form(Block):
    """``st.form``: ``submit()`` presses its submit button."""

    @property
    def form_id(self) -> str:
        """The form id its widgets carry."""
        return str(self.proto.form_id)

    @property
    def clear_on_submit(self) -> bool:
        """Whether the form's widgets go back to their defaults after a submit."""
        return bool(self.proto.clear_on_submit)

    def submit(self) -> Form:
        """Press the form's first submit button.

        Raises:
            LookupError: the form has no ``form_submit_button``.
        """
        buttons = self.form_submit_button
        if not buttons:
            raise LookupError(f"form {self.form_id!r} has no form_submit_button")
        buttons[0].click()
        return self


_WRAPPERS: dict[str, Callable[[Page, TreeItem], Node]] = {
    "text": Text,
    "markdown": Markdown,
    "caption": Markdown,
    "divider": Markdown,
    "latex": Markdown,
    "title": Heading,
    "header": Heading,
    "subheader": Heading,
    "heading": Heading,
    "code": Code,
    "json": Json,
    "error": Alert,
    "warning": Alert,
    "info": Alert,
    "success": Alert,
    "alert": Alert,
    "exception": ExceptionElement,
    "toast": Toast,
    "help_info": Help,
    "metric": Metric,
    "progress": Progress,
    "empty": Empty,
    "button": Button,
    "form_submit_button": FormSubmitButton,
    "checkbox": Checkbox,
    "toggle": Toggle,
    "slider": Slider,
    "text_input": TextInput,
    "text_area": TextArea,
    "number_input": NumberInput,
    "selectbox": Selectbox,
    "radio": Radio,
    "multiselect": Multiselect,
    "select_slider": SelectSlider,
    "date_input": DateInput,
    "time_input": TimeInput,
    "color_picker": ColorPicker,
    "pills": ButtonGroup,
    "segmented_control": ButtonGroup,
    "feedback": Feedback,
    "link_button": LinkButton,
    "column": Column,
    "expander": Expander,
    "form": Form,
    "tab": Tab,
    "popover": Popover,
    "status": Status,
    "chat_message": ChatMessage,
    "dialog": Dialog,
    "chat_input": ChatInput,
}


def wrap(app: Page, item: TreeItem) -> Node:
    """The wrapper for one tree node: ``Markdown`` for a markdown element, ``Form`` ..."""
    kind = node_kind(item.node)
    factory = _WRAPPERS.get(kind)
    if factory is not None:
        return factory(app, item)
    return Block(app, item) if isinstance(item.node, BlockNode) else Element(app, item)


class Page(Queryable):
    """A page: the element tree, the client's widget values, and the accessors.

    ``AppClient`` is a ``Page`` connected to a server. A bare ``Page`` holds a replayed
    recording; it cannot run::

        page = Page.replay(messages)    # ForwardMsgs, e.g. from a wire golden
        page.markdown[0].value
    """

    def __init__(self) -> None:
        self.tree = ElementTree()
        """The page, as the browser would hold it."""
        self.widget_states = WidgetStateManager()
        """The widget values the next ``rerun_script`` would carry."""

    @classmethod
    def replay(cls, messages: Iterable[ForwardMsg_pb2.ForwardMsg]) -> Page:
        """A page built by applying ``messages`` in order, as a browser would."""
        page = cls()
        applied = list(messages)
        for msg in applied:
            page.tree.apply(msg)
        page.note_widget_order(applied)
        return page

    def note_widget_order(self, messages: Sequence[ForwardMsg_pb2.ForwardMsg]) -> list[Widget]:
        """Tell the widget state manager the order widgets arrived in ``messages``.

        A browser's widget-state map lists widgets in the order they mounted, which is the
        order their deltas arrived (script order, sidebar widgets included), not page
        order. Returns the page's widgets, in page order.
        """
        arrival: dict[str, int] = {}
        for index, msg in enumerate(messages):
            element = msg.delta.new_element
            kind = element.WhichOneof("type")
            widget_id = getattr(getattr(element, kind), "id", None) if kind else None
            if isinstance(widget_id, str):
                arrival.setdefault(widget_id, index)
        widgets = self.widgets
        ordered = sorted(widgets, key=lambda w: arrival.get(w.id, len(messages)))
        self.widget_states.note_page_order(w.id for w in ordered)
        return widgets

    def run(self, *, timeout: float | None = None) -> Page:
        """Rerun the app. A replayed page has no server, so this raises.

        Raises:
            NotImplementedError: always (``AppClient`` overrides it).
        """
        raise NotImplementedError("a replayed Page has no server to run; use AppClient")

    def submit_form(self, form_id: str, submit_button_id: str) -> None:
        """Submit a form: commit its parked values and trigger ``submit_button_id``.

        Used by ``FormSubmitButton.click`` and ``Form.submit``; sends nothing by itself.
        """
        forms = [f for f in self.form if f.form_id == form_id]
        clear = bool(forms and forms[0].clear_on_submit)
        members = [w.id for w in self.widgets if w.form_id == form_id]
        self.widget_states.submit_form(
            form_id, submit_button_id, clear_on_submit=clear, form_widget_ids=members
        )

    @property
    def widgets(self) -> list[Widget]:
        """Every widget on the page, in page order."""
        return [n for n in (wrap(self, item) for item in self.tree.walk()) if isinstance(n, Widget)]

    @property
    def main(self) -> Block:
        """The main area of the page."""
        return self._root_block(0)

    @property
    def sidebar(self) -> Block:
        """The sidebar."""
        return self._root_block(1)

    def _root_block(self, index: int) -> Block:
        container = self.tree.root.children[index]
        assert container is not None
        block = wrap(self, TreeItem(container, (index,)))
        assert isinstance(block, Block)
        return block

    def describe(self) -> str:
        """The page as an indented outline (see ``ElementTree.describe``)."""
        return self.tree.describe()

    def _query_app(self) -> Page:
        return self

    def _query_items(self) -> Iterator[TreeItem]:
        return self.tree.walk()
