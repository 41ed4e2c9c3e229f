"""What st.cache_data and st.cache_resource share: keys, the store, the wrapper.

Mirrors: streamlit/runtime/caching/cache_utils.py (Cache, CachedFunc,
CachedFuncInfo, _make_function_key, _make_value_key) and ttl_cache.py (TTLCache).
Simplified: no cached-message replay (st.* calls inside a cached function are not
replayed on a hit), no background refresh, no session scope, no metrics, no async
functions (docs/known-differences.md). The spinner while a miss computes is 1.67's:
st.spinner's transient element (``CachedFunc._spinner``).

Note [Two keys]
    A cached value is found by two keys, as in 1.67. The *function key* hashes
    the function's module, qualified name and source text (its bytecode if the
    source cannot be read): editing the function gives it a new, empty cache,
    while a rerun (which defines the function again in a fresh ``__main__``)
    finds the old one. The *value key* hashes each argument's name and value,
    skipping arguments whose name starts with ``_``; an argument that cannot be
    hashed raises UnhashableParamError naming it. Both live at module level in
    this process, so every session shares them (Note [Shared by every session]).

Note [Shared by every session]
    The caches are plain module-level objects guarded by locks, reached from
    every session's script thread. Two sessions asking for the same missing
    value at once must not both compute it: each value key has its own compute
    lock, the second caller waits for it and then reads the first one's result
    (a hit for the store, though it waited).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, TypeVar

from minilit.errors import MinilitAPIException
from minilit.runtime.caching.cache_errors import (
    BadTimeStringError,
    UnhashableParamError,
    UnhashableTypeError,
)
from minilit.runtime.caching.cache_type import CacheType
from minilit.runtime.caching.hashing import HashFuncsDict, create_hasher, update_hash
from minilit.scriptrunner.script_run_context import get_script_run_ctx
from minilit.trace import events
from minilit.trace.bus import BUS

R = TypeVar("R")

TTL = float | timedelta | str | None

_UNITS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}
_TIME_STRING = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(days?|d|hours?|h|minutes?|mins?|m|seconds?|secs?|s)\s*"
)


def ttl_to_seconds(ttl: TTL) -> float:
    """Seconds a value stays fresh; ``math.inf`` for None.

    Mirrors streamlit/time_util.py time_to_seconds. 1.67 reads strings with
    ``pandas.Timedelta``; minilit reads the forms its docs show (``"1d2h34m"``,
    ``"2 days"``, ``"30s"``) itself, so caching does not need pandas.
    """
    if ttl is None:
        return math.inf
    if isinstance(ttl, timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, str):
        matches = list(_TIME_STRING.finditer(ttl))
        if not matches or "".join(m.group(0) for m in matches) != ttl:
            raise BadTimeStringError(ttl)
        return sum(float(m.group(1)) * _UNITS[m.group(2)[0]] for m in matches)
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)):
        raise MinilitAPIException(f"ttl must be a number, a timedelta or a string, not {ttl!r}")
    return float(ttl)


def make_function_key(func: Callable[..., Any]) -> str:
    """The function's cache key (Note [Two keys])."""
    hasher = create_hasher()
    update_hash(hasher, (func.__module__, func.__qualname__))
    source: str | bytes
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):  # e.g. defined in exec'd text with no file
        source = func.__code__.co_code
    update_hash(hasher, source)
    return str(hasher.hexdigest())


def _positional_arg_name(func: Callable[..., Any], index: int) -> str | None:
    """The name of positional argument ``index``; None for ``*args`` and beyond."""
    params = list(inspect.signature(func).parameters.values())
    if index >= len(params):
        return None
    if params[index].kind in (
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    ):
        return params[index].name
    return None


def make_value_key(
    cache_type: CacheType,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    hash_funcs: HashFuncsDict | None,
) -> str:
    """The value's key within the function's cache (Note [Two keys])."""
    pairs: list[tuple[str | None, Any]] = [
        (_positional_arg_name(func, i), value) for i, value in enumerate(args)
    ]
    pairs.extend(kwargs.items())
    hasher = create_hasher()
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue  # the author's way of saying "do not hash this"
        try:
            update_hash(hasher, name)
            update_hash(hasher, value, hash_funcs)
        except UnhashableTypeError:
            raise UnhashableParamError(cache_type, func, name, value) from None
    return str(hasher.hexdigest())


@dataclass
class _Entry(Generic[R]):
    value: R
    stored_at: float


class Cache(Generic[R]):
    """One function's values: at most ``max_entries``, each fresh for ``ttl_seconds``.

    Least recently used entries go first when the cache is full, as with 1.67's
    TTLCache. Thread-safe.
    """

    def __init__(self, function_key: str, max_entries: float, ttl_seconds: float) -> None:
        self.function_key = function_key
        self.max_entries = max_entries
        self.ttl_seconds = ttl_seconds
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, _Entry[R]] = OrderedDict()
        self._compute_locks: dict[str, threading.Lock] = {}

    def read(self, value_key: str) -> R:
        """The stored value, or KeyError (missing or older than the ttl)."""
        with self._lock:
            entry = self._entries[value_key]
            if time.monotonic() - entry.stored_at >= self.ttl_seconds:
                del self._entries[value_key]
                raise KeyError(value_key)
            self._entries.move_to_end(value_key)
            return entry.value

    def write(self, value_key: str, value: R) -> None:
        with self._lock:
            self._entries[value_key] = _Entry(value, time.monotonic())
            self._entries.move_to_end(value_key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def delete(self, value_key: str) -> None:
        with self._lock:
            self._entries.pop(value_key, None)

    def compute_lock(self, value_key: str) -> threading.Lock:
        """The lock one caller holds while computing this value (Note [Shared by every session])."""
        with self._lock:
            return self._compute_locks.setdefault(value_key, threading.Lock())

    def clear(self) -> int:
        """Forget every value; returns how many there were."""
        with self._lock:
            n = len(self._entries)
            self._entries.clear()
            self._compute_locks.clear()
            return n

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


class CacheStore(Generic[R]):
    """Every function's Cache of one cache type, by function key (module level)."""

    def __init__(self, cache_type: CacheType) -> None:
        self.cache_type = cache_type
        self._lock = threading.Lock()
        self._caches: dict[str, Cache[R]] = {}

    def get_cache(self, function_key: str, max_entries: float, ttl_seconds: float) -> Cache[R]:
        """The function's cache; a new, empty one if its parameters changed (as 1.67)."""
        with self._lock:
            cache = self._caches.get(function_key)
            if (
                cache is None
                or cache.max_entries != max_entries
                or cache.ttl_seconds != ttl_seconds
            ):
                cache = Cache(function_key, max_entries, ttl_seconds)
                self._caches[function_key] = cache
            return cache

    def clear_all(self) -> int:
        """Drop every function's cache; returns how many values went."""
        with self._lock:
            caches, self._caches = list(self._caches.values()), {}
        return sum(cache.clear() for cache in caches)


def publish_cache_event(
    name: str, cache_type: CacheType, func_name: str, session_id: str = "", **fields: Any
) -> None:
    """A cache.* trace event, with the session and run of the calling script thread.

    Off a script thread (the clear_cache BackMsg, on the IOLoop) the caller names the
    session.
    """
    if not BUS.enabled:
        return
    ctx = get_script_run_ctx()
    BUS.publish(
        name,
        session_id=ctx.session_id if ctx is not None else session_id,
        run_id=ctx.script_run_id if ctx is not None else "",
        cache=cache_type.value,
        function=func_name,
        **fields,
    )


_IN_CACHED_FUNCTION: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "in_cached_function", default=False
)
"""True while a cached function's body runs (a nested one shows no spinner of its own)."""


class CachedFunc(Generic[R]):
    """The function a cache decorator returns: look up, or compute and store.

    Subclasses say how a value is stored and handed out (``store_value`` /
    ``load_value``): cache_data pickles (each caller gets its own copy),
    cache_resource keeps the object (every caller gets the same one).
    """

    def __init__(
        self,
        func: Callable[..., R],
        store: CacheStore[Any],
        *,
        ttl: TTL,
        max_entries: int | None,
        hash_funcs: HashFuncsDict | None,
        show_spinner: bool | str = True,
        show_time: bool = False,
    ) -> None:
        if max_entries is not None and (
            isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 0
        ):
            raise MinilitAPIException(f"max_entries must be a positive int, not {max_entries!r}")
        self._func = func
        self._store = store
        self._ttl_seconds = ttl_to_seconds(ttl)
        self._max_entries = math.inf if max_entries is None else float(max_entries)
        self._hash_funcs = hash_funcs
        self._show_spinner = show_spinner
        self._show_time = show_time
        self._function_key = make_function_key(func)
        functools.update_wrapper(self, func)

    @property
    def cache_type(self) -> CacheType:
        return self._store.cache_type

    def _cache(self) -> Cache[Any]:
        # Looked up at every call: st.cache_data.clear() may have replaced it.
        return self._store.get_cache(self._function_key, self._max_entries, self._ttl_seconds)

    def store_value(self, value: R) -> Any:
        raise NotImplementedError

    def load_value(self, stored: Any) -> R:
        raise NotImplementedError

    def is_valid(self, value: R) -> bool:
        """cache_resource's ``validate``; a cache_data value is always valid."""
        return True

    def __call__(self, *args: Any, **kwargs: Any) -> R:
        cache = self._cache()
        value_key = make_value_key(self.cache_type, self._func, args, kwargs, self._hash_funcs)
        name = self._func.__qualname__
        hit = self._read(cache, value_key)
        if hit is not None:
            publish_cache_event(events.CACHE_HIT, self.cache_type, name, key=value_key)
            return hit[0]
        with self._spinner(args, kwargs), cache.compute_lock(value_key):
            hit = self._read(cache, value_key)  # another session may have computed it
            if hit is not None:
                publish_cache_event(events.CACHE_HIT, self.cache_type, name, key=value_key)
                return hit[0]
            started = time.perf_counter()
            token = _IN_CACHED_FUNCTION.set(True)
            try:
                value = self._func(*args, **kwargs)
            finally:
                _IN_CACHED_FUNCTION.reset(token)
            cache.write(value_key, self.store_value(value))
            publish_cache_event(
                events.CACHE_MISS,
                self.cache_type,
                name,
                key=value_key,
                compute_ms=round((time.perf_counter() - started) * 1000, 3),
            )
            return value

    def _spinner(
        self, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> contextlib.AbstractContextManager[None]:
        """1.67's spinner while a miss computes: ``show_spinner``'s text, or "Running
        `f(...)`." (``f()`` without arguments), shown after half a second like any
        st.spinner; none inside another cached function (its caller's is enough)."""
        if self._show_spinner is False or _IN_CACHED_FUNCTION.get():
            return contextlib.nullcontext()
        if isinstance(self._show_spinner, str):
            message = self._show_spinner
        else:
            name = self._func.__qualname__
            message = (
                f"Running `{name}()`." if not args and not kwargs else f"Running `{name}(...)`."
            )
        from minilit.delta_generator import main_dg  # the core's API, imported when used

        return main_dg().spinner(message, _cache=True, show_time=self._show_time)

    def _read(self, cache: Cache[Any], value_key: str) -> tuple[R] | None:
        """``(value,)`` on a hit, None on a miss (a value may itself be None)."""
        try:
            stored = cache.read(value_key)
        except KeyError:
            return None
        value = self.load_value(stored)
        if not self.is_valid(value):
            cache.delete(value_key)
            return None
        return (value,)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget this function's values: all of them, or the one for these arguments."""
        cache = self._cache()
        if args or kwargs:
            cache.delete(
                make_value_key(self.cache_type, self._func, args, kwargs, self._hash_funcs)
            )
            count = 1
        else:
            count = cache.clear()
        publish_cache_event(
            events.CACHE_CLEARED, self.cache_type, self._func.__qualname__, entries=count
        )


def validate_show_spinner(show_spinner: object) -> None:
    if not isinstance(show_spinner, (bool, str)):
        raise MinilitAPIException(
            f"show_spinner must be a bool or a string, not {type(show_spinner).__name__}"
        )
