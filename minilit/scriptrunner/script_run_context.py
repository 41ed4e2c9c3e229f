"""ScriptRunContext: what every st.* call finds on the thread that runs the script.

Mirrors: streamlit/runtime/scriptrunner_utils/script_run_context.py
(ScriptRunContext, get_script_run_ctx, add_script_run_ctx). Simplified: no
pages or cached-message hashes; the fragment being run is a field here rather
than 1.67's per-thread ThreadState; uploaded files are looked up in the
process-wide manager by session id rather than through a manager on the context.

The context is attached to the script thread as an attribute (as Streamlit
does), so st.* functions, which are plain module-level functions, can find
"their" session without being passed anything. Callbacks run on the same
thread, so they see it too.

Receives: created by scriptrunner/script_runner.py for each run.
Hands to: delta_generator.py (cursors, enqueue), the widgets and
session_state code (widget ids seen this run).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.state.query_params import QueryParams

if TYPE_CHECKING:
    from minilit.cursor import RunningCursor
    from minilit.delta_generator import DeltaGenerator
    from minilit.runtime.fragment import FragmentStorage
    from minilit.runtime.state.session_state import SessionState
    from minilit.scriptrunner.script_requests import ScriptRequests

_CTX_ATTR = "minilit_script_run_ctx"


@dataclass
class ScriptRunContext:
    """Per-run state of one session's script thread."""

    session_id: str
    main_script_path: str
    enqueue: Callable[[ForwardMsg], None]
    """Sends a message towards the browser; the ScriptRunner's checkpoint."""
    script_requests: ScriptRequests
    session_state: SessionState
    script_run_id: str = ""
    page_script_hash: str = ""
    show_error_details: str = "full"
    """client.showErrorDetails: how much of an exception the browser sees."""
    query_string: str = ""
    query_params: QueryParams = field(default_factory=QueryParams)
    """st.query_params: parsed from ``query_string`` at the start of every run."""
    cursors: dict[int, RunningCursor] = field(default_factory=dict)
    """One running cursor per root container (main, sidebar), reset each run."""
    dg_stack: list[DeltaGenerator] = field(default_factory=list)
    """Containers entered with ``with``; the innermost receives st.* calls."""
    widget_ids_this_run: set[str] = field(default_factory=set)
    widget_user_keys_this_run: set[str] = field(default_factory=set)
    form_ids_this_run: set[str] = field(default_factory=set)
    deltas_this_run: int = 0
    fragment_storage: FragmentStorage | None = None
    """The session's fragments (runtime/fragment.py); set by the ScriptRunner."""
    fragment_ids_this_run: list[str] = field(default_factory=list)
    """The fragments this run reruns; empty for a full run."""
    current_fragment_id: str = ""
    """The fragment whose body is running; its deltas carry it (Delta.fragment_id)."""
    new_fragment_ids: set[str] = field(default_factory=set)
    """Fragments called in this run (a full run forgets the others)."""
    has_dialog_opened: bool = False
    """A dialog was opened this run (1.67 allows one per run)."""

    def reset(
        self, script_run_id: str, query_string: str = "", fragment_ids: list[str] | None = None
    ) -> None:
        """Start a new run: fresh cursors, stacks and registries."""
        self.script_run_id = script_run_id
        self.query_string = query_string
        # Every run reads the URL the browser sent, as 1.67 does for a same-page rerun.
        self.query_params = QueryParams(self)
        self.query_params.populate(query_string)
        self.fragment_ids_this_run = list(fragment_ids or [])
        self.current_fragment_id = ""
        self.new_fragment_ids = set()
        self.cursors.clear()
        self.dg_stack.clear()
        self.widget_ids_this_run.clear()
        self.widget_user_keys_this_run.clear()
        self.form_ids_this_run.clear()
        self.deltas_this_run = 0
        self.has_dialog_opened = False


def add_script_run_ctx(thread: threading.Thread, ctx: ScriptRunContext | None) -> None:
    setattr(thread, _CTX_ATTR, ctx)


def get_script_run_ctx() -> ScriptRunContext | None:
    """The context of the current thread, or None outside a script run."""
    ctx: ScriptRunContext | None = getattr(threading.current_thread(), _CTX_ATTR, None)
    return ctx
