"""DeltaGenerator: the object behind every st.* call; it turns calls into Deltas.

Mirrors: streamlit/delta_generator.py (DeltaGenerator, _enqueue, _block) and
delta_generator_singletons.py. Simplified: no ``add_rows``, no fragment
"outside wrappers", no dg "kind" bookkeeping, no ref_hash substitution.

How ``st.text("hi")`` becomes a frame (Streamlit's pipeline, in miniature):

    1. elements/text.py fills a Text proto and calls ``self._enqueue("text", proto)``;
    2. ``_enqueue`` wraps it in ForwardMsg.delta.new_element, sets
       metadata.delta_path from the cursor (Note [Delta paths] in cursor.py),
       stamps the hash, and calls ``ctx.enqueue`` - the ScriptRunner's
       checkpoint (scriptrunner/script_runner.py);
    3. it returns a DeltaGenerator *locked* to that slot, so a later call on
       the returned object replaces the element (that is all st.empty() is).

Receives: calls from user scripts. Hands to: ScriptRunContext.enqueue.
"""

from __future__ import annotations

import hashlib
from typing import TypeVar, overload

from google.protobuf.message import Message

from minilit.cursor import Cursor, RunningCursor, get_container_cursor
from minilit.elements.alert import AlertMixin
from minilit.elements.arrow import ArrowMixin
from minilit.elements.balloons import BalloonsMixin
from minilit.elements.chat import ChatMixin
from minilit.elements.code import CodeMixin
from minilit.elements.empty import EmptyMixin
from minilit.elements.exception import ExceptionMixin
from minilit.elements.heading import HeadingMixin
from minilit.elements.help import HelpMixin
from minilit.elements.html import HtmlMixin
from minilit.elements.image import ImageMixin
from minilit.elements.json import JsonMixin
from minilit.elements.layouts import LayoutsMixin
from minilit.elements.markdown import MarkdownMixin
from minilit.elements.media import MediaMixin
from minilit.elements.metric import MetricMixin
from minilit.elements.progress import ProgressMixin
from minilit.elements.snow import SnowMixin
from minilit.elements.spinner import SpinnerMixin
from minilit.elements.status import StatusMixin
from minilit.elements.table import TableMixin
from minilit.elements.text import TextMixin
from minilit.elements.toast import ToastMixin
from minilit.elements.vega_charts import VegaChartsMixin
from minilit.elements.widgets import WidgetsMixin
from minilit.elements.widgets.download_button import DownloadButtonMixin
from minilit.elements.widgets.file_uploader import FileUploaderMixin
from minilit.elements.write import WriteMixin
from minilit.proto.Delta_pb2 import Block, Element, RootContainer
from minilit.proto.Elements_pb2 import HeightConfig, TextAlignmentConfig, WidthConfig
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.scriptrunner.script_run_context import ScriptRunContext, get_script_run_ctx

DG = TypeVar("DG", bound="DeltaGenerator")


class DeltaGenerator(
    AlertMixin,
    ArrowMixin,
    BalloonsMixin,
    ChatMixin,
    CodeMixin,
    DownloadButtonMixin,
    EmptyMixin,
    ExceptionMixin,
    FileUploaderMixin,
    HeadingMixin,
    HelpMixin,
    HtmlMixin,
    ImageMixin,
    JsonMixin,
    LayoutsMixin,
    MarkdownMixin,
    MediaMixin,
    MetricMixin,
    ProgressMixin,
    TableMixin,
    StatusMixin,
    TextMixin,
    VegaChartsMixin,
    SnowMixin,
    SpinnerMixin,
    ToastMixin,
    WidgetsMixin,
    WriteMixin,
):
    """Writes elements into one place of the page.

    The module-level ``st.*`` functions are methods of the main
    DeltaGenerator; ``st.sidebar`` is the sidebar's. Containers (columns,
    expanders, forms, placeholders) are DeltaGenerators with their own cursor.

    Args:
        root_container: RootContainer.MAIN or SIDEBAR.
        cursor: Where this generator writes; None means "the root container's
            running cursor of the current run" (the singletons).
        parent: The generator this one was created from.
        block_type: For containers, the Block oneof member ("column", ...).
        form_id: Set inside st.form; widgets copy it into their proto.
    """

    def __init__(
        self,
        root_container: int = RootContainer.MAIN,
        cursor: Cursor | None = None,
        parent: DeltaGenerator | None = None,
        block_type: str | None = None,
        form_id: str = "",
    ) -> None:
        self._root_container = root_container
        self._provided_cursor = cursor
        self._parent = parent
        self._block_type = block_type
        self._form_id = form_id
        self._block_delta_path: list[int] | None = None
        """For a container: the delta path of its own block (st.status and dialogs
        re-send their block there to update it)."""

    def __repr__(self) -> str:
        path = self._provided_cursor.delta_path if self._provided_cursor else [self._root_container]
        return f"DeltaGenerator(delta_path={path}, block_type={self._block_type!r})"

    # --- `with` blocks -----------------------------------------------------------

    def __enter__(self) -> DeltaGenerator:
        ctx = get_script_run_ctx()
        if ctx is not None:
            ctx.dg_stack.append(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        ctx = get_script_run_ctx()
        if ctx is not None and ctx.dg_stack:
            ctx.dg_stack.pop()

    @property
    def _active_dg(self) -> DeltaGenerator:
        """Where a call on this generator lands: the innermost ``with`` block for st.*."""
        if self is MAIN_DG:
            ctx = get_script_run_ctx()
            if ctx is not None and ctx.dg_stack:
                return ctx.dg_stack[-1]
        return self

    @property
    def _ancestor_block_types(self) -> list[str]:
        """The block types this generator writes into, innermost first (1.67's
        ``_ancestor_block_types``): ``["tab", "tab_container"]`` inside a tab."""
        types = []
        dg: DeltaGenerator | None = self._active_dg
        while dg is not None:
            if dg._block_type is not None:
                types.append(dg._block_type)
            dg = dg._parent
        return types

    @property
    def _cursor(self) -> Cursor | None:
        if self._provided_cursor is not None:
            return self._provided_cursor
        return get_container_cursor(self._root_container)

    @property
    def form_id(self) -> str:
        """The id of the st.form this generator writes into, or ""."""
        return self._active_dg._form_id

    # --- The two ways to add to the page -------------------------------------------

    # [lesson:enqueue]
    def _enqueue(
        self,
        element_type: str,
        element_proto: Message,
        *,
        width: WidthConfig | None = None,
        height: HeightConfig | None = None,
        text_alignment: TextAlignmentConfig | None = None,
        has_one_shot_effect: bool = False,
    ) -> DeltaGenerator:
        """Send ``element_proto`` as ``Element.<element_type>`` at the next slot.

        ``width``, ``height`` and ``text_alignment`` go into the Element itself
        (``width_config``, ``height_config``, ``text_alignment_config``), where 1.67
        carries an element's layout (its ``layout_config``). ``has_one_shot_effect``
        marks an element the browser acts on once (a toast, balloons). Returns a DeltaGenerator
        locked to that slot. Outside a script run (e.g. at import time in a test)
        nothing is sent.
        """
        dg = self._active_dg
        ctx = get_script_run_ctx()
        cursor = dg._cursor
        if ctx is None or cursor is None:
            return dg
        locked = cursor.get_locked_cursor()
        msg = ForwardMsg()
        field = getattr(msg.delta.new_element, element_type)
        field.CopyFrom(element_proto)
        field.SetInParent()
        # A widget that carries a value for the browser to adopt (set_value, from
        # st.session_state or a reset) is marked as a one-shot effect, as 1.67 marks
        # it, so the browser applies the value once rather than on every redraw.
        if has_one_shot_effect or getattr(element_proto, "set_value", False) is True:
            msg.delta.new_element.has_one_shot_effect = True
        if width is not None:
            msg.delta.new_element.width_config.CopyFrom(width)
        if height is not None:
            msg.delta.new_element.height_config.CopyFrom(height)
        if text_alignment is not None:
            msg.delta.new_element.text_alignment_config.CopyFrom(text_alignment)
        _send(msg, locked.delta_path, ctx)
        return DeltaGenerator(dg._root_container, locked, dg, None, dg._form_id)

    # [/lesson:enqueue]

    @overload
    def _block(self, block_proto: Block) -> DeltaGenerator: ...
    @overload
    def _block(self, block_proto: Block, dg_type: type[DG]) -> DG: ...
    def _block(
        self, block_proto: Block, dg_type: type[DeltaGenerator] | None = None
    ) -> DeltaGenerator:
        """Open a container at the next slot; its children go below its path.

        ``dg_type`` is the generator class to return (a container with methods of its
        own, like st.status's ``update``); a plain DeltaGenerator by default.
        """
        cls = dg_type if dg_type is not None else DeltaGenerator
        dg = self._active_dg
        ctx = get_script_run_ctx()
        cursor = dg._cursor
        block_type = block_proto.WhichOneof("type")
        form_id = block_proto.form.form_id if block_type == "form" else dg._form_id
        if ctx is None or cursor is None:
            return cls(dg._root_container, None, dg, block_type, form_id)
        locked = cursor.get_locked_cursor()
        msg = ForwardMsg()
        msg.delta.add_block.CopyFrom(block_proto)
        _send(msg, locked.delta_path, ctx)
        child_cursor = RunningCursor(locked.root_container, (*locked.parent_path, locked.index))
        child = cls(dg._root_container, child_cursor, dg, block_type, form_id)
        child._block_delta_path = locked.delta_path
        return child

    def _resend_block(self, block_proto: Block) -> None:
        """Send this container's block again at its own path, changed (st.status's
        ``update``, a dialog's open): the browser keeps the children (same block type)."""
        ctx = get_script_run_ctx()
        if ctx is None or self._block_delta_path is None:
            return
        msg = ForwardMsg()
        msg.delta.add_block.CopyFrom(block_proto)
        _send(msg, self._block_delta_path, ctx)


def send_transient(
    elements: dict[int, Element], delta_path: list[int], ctx: ScriptRunContext
) -> None:
    """Send the transient elements of one path, in index order (Note [Transient elements]
    in elements/spinner.py). Called from st.spinner, on the script thread or its timer's."""
    msg = ForwardMsg()
    msg.delta.new_transient.SetInParent()
    for index in sorted(elements):
        msg.delta.new_transient.elements.add().CopyFrom(elements[index])
    _send(msg, delta_path, ctx)


def _send(msg: ForwardMsg, delta_path: list[int], ctx: ScriptRunContext) -> None:
    """Address, stamp and enqueue one delta message."""
    if ctx.current_fragment_id:
        # The browser clears a fragment's stale nodes by this id (runtime/fragment.py).
        msg.delta.fragment_id = ctx.current_fragment_id
    # The hash names the element's content so that the browser can cache big
    # elements: BLAKE2b-128 of the message without its metadata (it is not set
    # yet), serialised deterministically, as 1.67's populate_hash_if_needed does.
    content = msg.SerializeToString(deterministic=True)
    msg.hash = hashlib.blake2b(content, digest_size=16).hexdigest()
    msg.metadata.delta_path[:] = delta_path
    msg.metadata.active_script_hash = ctx.page_script_hash
    # 1.67 marks a new element of 10 kB or more (global.minCachedMessageSize, measured
    # on that same message without metadata) as cacheable, for its ForwardMsg cache;
    # minilit has no such cache and only sets the flag.
    if len(content) >= MIN_CACHED_MESSAGE_SIZE and msg.delta.WhichOneof("type") == "new_element":
        msg.metadata.cacheable = True
    ctx.enqueue(msg)


MIN_CACHED_MESSAGE_SIZE = 10_000
"""1.67's global.minCachedMessageSize (bytes)."""


MAIN_DG = DeltaGenerator(RootContainer.MAIN)
"""The main area: ``st.*`` are its bound methods."""


def main_dg() -> DeltaGenerator:
    """The main area's DeltaGenerator (``st.*``)."""
    return MAIN_DG


SIDEBAR_DG = DeltaGenerator(RootContainer.SIDEBAR)
"""``st.sidebar``."""

EVENT_DG = DeltaGenerator(RootContainer.EVENT)
"""The EVENT root container: toasts and dialogs, outside the page's flow (1.67's
``event_dg``)."""

BOTTOM_DG = DeltaGenerator(RootContainer.BOTTOM)
"""The BOTTOM root container: a chat input called in the main area goes there."""
