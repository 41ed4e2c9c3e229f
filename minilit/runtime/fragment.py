"""st.fragment: a function whose part of the page can rerun on its own.

Mirrors: streamlit/runtime/fragment.py (fragment, _fragment, FragmentStorage,
MemoryFragmentStorage, _make_fragment_identity). Simplified: no ``parallel``, no
``key`` (so no ``st.rerun(scope=<key>)``), no "outside wrappers"
(a fragment writing into a container made outside it), no nested-fragment
ordering beyond running the queue in order.

Note [Fragment runs]
    Calling a fragment during a full run does three things, as in 1.67:
    it computes the fragment's id, BLAKE2b-128 of ``module.qualname`` followed by
    the delta path of the container it is called in (``"[0, 2]"``), so the same
    function called in two places is two fragments; it stores a closure that can
    run the body again (with a copy of the cursors and ``with`` stack *as they
    were at the call*); and it runs that closure. The closure opens an
    ``st.container()`` and runs the body inside it with ``ctx.current_fragment_id``
    set, so every delta it sends carries ``Delta.fragment_id``.

    A fragment run (``rerun_script.fragment_id``, a run_every tick or
    ``st.rerun(scope="fragment")``) does not exec the script: the ScriptRunner
    looks each queued id up in the session's FragmentStorage and calls the
    closure. Because the cursors are restored, the container goes to the same
    delta path as before and the body's elements overwrite their old selves; the
    browser then removes only the stale nodes of that fragment
    (``FINISHED_FRAGMENT_RUN_SUCCESSFULLY``). A full run that completes forgets
    the fragments it did not call.

Receives: calls from the script thread. Hands to: DeltaGenerator (containers,
deltas), the session's FragmentStorage (scriptrunner/script_runner.py).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar, overload

from minilit.errors import MinilitAPIException
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.scriptrunner.script_run_context import get_script_run_ctx

F = TypeVar("F", bound=Callable[..., Any])
RunEvery = int | float | timedelta | str | None


class FragmentHandledException(Exception):
    """A fragment's exception, already shown inside the fragment; the run ends here."""


class FragmentStorage:
    """One session's fragments: id -> the closure that reruns it. Thread-safe.

    Mirrors MemoryFragmentStorage. Written by the script thread, read when a
    fragment rerun is requested (the IOLoop asks ``contains``).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fragments: dict[str, Callable[[], Any]] = {}

    def register(self, fragment_id: str, run: Callable[[], Any]) -> None:
        with self._lock:
            self._fragments[fragment_id] = run

    def lookup(self, fragment_id: str) -> Callable[[], Any] | None:
        with self._lock:
            return self._fragments.get(fragment_id)

    def contains(self, fragment_id: str) -> bool:
        with self._lock:
            return fragment_id in self._fragments

    def keep_only(self, fragment_ids: set[str]) -> None:
        """After a complete full run: forget the fragments it did not call."""
        with self._lock:
            self._fragments = {k: v for k, v in self._fragments.items() if k in fragment_ids}


def fragment_id_for(
    func: Callable[..., Any], delta_path: list[int], additional_hash_info: str = ""
) -> str:
    """The fragment's id, computed as 1.67 computes it (Note [Fragment runs]).

    ``additional_hash_info`` tells apart fragments made from one inner function (a
    dialog's body: its decorated function's name), after the path, as in 1.67.
    """
    token = f"{func.__module__}.{getattr(func, '__qualname__', func.__name__)}"
    text = f"{token}{delta_path}{additional_hash_info}"
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def run_every_seconds(run_every: RunEvery) -> float | None:
    """``run_every`` in seconds (None: no timer); the forms st.cache_data's ttl accepts."""
    if run_every is None:
        return None
    from minilit.runtime.caching.cache_utils import ttl_to_seconds

    seconds = ttl_to_seconds(run_every)
    if seconds <= 0:
        raise MinilitAPIException(f"run_every must be a positive time span, not {run_every!r}")
    return seconds


def _fragment(func: F, run_every: RunEvery, additional_hash_info: str = "") -> F:
    interval = run_every_seconds(run_every)

    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> Any:
        import minilit
        from minilit.delta_generator import main_dg

        ctx = get_script_run_ctx()
        if ctx is None:
            return None
        active = ctx.dg_stack[-1] if ctx.dg_stack else main_dg()
        where = active._cursor.delta_path if active._cursor is not None else []
        fragment_id = fragment_id_for(func, where, additional_hash_info)
        cursors_at_call = copy.deepcopy(ctx.cursors)
        stack_at_call = copy.deepcopy(ctx.dg_stack)

        def run_fragment() -> Any:
            run_ctx = get_script_run_ctx()
            if run_ctx is None:  # (only script threads call this)
                return None
            if fragment_id in run_ctx.fragment_ids_this_run and not run_ctx.current_fragment_id:
                # A fragment run: write where the fragment was, not after the page.
                run_ctx.cursors = copy.deepcopy(cursors_at_call)
                run_ctx.dg_stack[:] = copy.deepcopy(stack_at_call)
            run_ctx.new_fragment_ids.add(fragment_id)
            outer = run_ctx.current_fragment_id
            run_ctx.current_fragment_id = fragment_id
            try:
                with minilit.container():
                    try:
                        return func(*args, **kwargs)
                    except FragmentHandledException:
                        raise
                    except Exception as exc:
                        # Shown inside the fragment's container, as 1.67 shows it.
                        from minilit.scriptrunner import script_runner

                        script_runner._handle_uncaught_app_exception(exc)
                        raise FragmentHandledException() from exc
            finally:
                run_ctx.current_fragment_id = outer

        if ctx.fragment_storage is not None:
            ctx.fragment_storage.register(fragment_id, run_fragment)
        if interval is not None:
            msg = ForwardMsg()
            msg.auto_rerun.interval = interval
            msg.auto_rerun.fragment_id = fragment_id
            ctx.enqueue(msg)
        return run_fragment()

    return wrap  # type: ignore[return-value]


@overload
def fragment(func: F, *, run_every: RunEvery = None) -> F: ...


@overload
def fragment(func: None = None, *, run_every: RunEvery = None) -> Callable[[F], F]: ...


def fragment(func: F | None = None, *, run_every: RunEvery = None) -> F | Callable[[F], F]:
    """``@st.fragment`` or ``@st.fragment(run_every=2)``: see Note [Fragment runs]."""
    if func is None:
        return lambda f: _fragment(f, run_every)
    return _fragment(func, run_every)
