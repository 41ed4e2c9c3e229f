"""Hash a cached function's arguments (and its source) into a key.

Mirrors: streamlit/runtime/caching/hashing.py (update_hash, _CacheFuncHasher).
Each object becomes bytes by its type: simple values directly, containers by
hashing their items, numpy arrays and pandas objects by their data, and anything
else by what its ``__reduce__`` returns (what pickle would store). An object
without a usable ``__reduce__`` (a lock, a socket, a generator) is unhashable:
the caller turns that into UnhashableParamError naming the argument.
Simplified: no special cases for PIL images, polars, pydantic, uploaded or open
files, mocks; no memoisation of repeated sub-objects (cycles are still broken).

Receives: arguments from cache_utils.make_value_key, source from make_function_key.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import inspect
import re
import struct
import sys
import threading
import uuid
from collections.abc import Callable
from typing import Any

from minilit.runtime.caching.cache_errors import UnhashableTypeError, fqn_type

HashFuncsDict = dict[str | type[Any], Callable[[Any], Any]]

_CYCLE_PLACEHOLDER = b"minilit-cycle"

_PANDAS_HASHED = frozenset(
    {
        "pandas.core.frame.DataFrame",
        "pandas.core.series.Series",
        # pandas 3 gives its classes the public module: DataFrame.__module__ == "pandas".
        "pandas.DataFrame",
        "pandas.Series",
    }
)

_stack = threading.local()
"""Objects being hashed on this thread right now (to break reference cycles)."""


def create_hasher() -> Any:
    """BLAKE2b with a 16-byte digest, as 1.67's util.create_fast_hasher."""
    return hashlib.blake2b(digest_size=16, usedforsecurity=False)


def update_hash(hasher: Any, obj: Any, hash_funcs: HashFuncsDict | None = None) -> None:
    """Feed ``obj``'s bytes into ``hasher``. Raises UnhashableTypeError."""
    hasher.update(_Hasher(hash_funcs).to_bytes(obj))


class _Hasher:
    def __init__(self, hash_funcs: HashFuncsDict | None) -> None:
        # Keys are names, not types: the script's module is new every run, so a class
        # defined in the script is a different object each run (as 1.67 explains).
        self._hash_funcs = {
            (k if isinstance(k, str) else f"{k.__module__}.{k.__qualname__}"): v
            for k, v in (hash_funcs or {}).items()
        }

    def to_bytes(self, obj: Any) -> bytes:
        """The type's name, then the value's bytes; a cycle becomes a placeholder."""
        active: list[int] = _stack.__dict__.setdefault("ids", [])
        if id(obj) in active:
            return _CYCLE_PLACEHOLDER
        active.append(id(obj))
        try:
            return type(obj).__qualname__.encode() + b":" + self._value_bytes(obj)
        finally:
            active.pop()

    def _digest(self, items: Any) -> bytes:
        h = create_hasher()
        for item in items:
            h.update(self.to_bytes(item))
        return bytes(h.digest())

    def _value_bytes(self, obj: Any) -> bytes:
        if isinstance(obj, (bytes, bytearray)):
            return bytes(obj)
        if fqn_type(obj) in self._hash_funcs:
            return self.to_bytes(self._hash_funcs[fqn_type(obj)](obj))
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):  # bool too
            return obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True)
        if obj is None:
            return b"0"
        if isinstance(obj, uuid.UUID):
            return obj.bytes
        if isinstance(obj, (datetime.date, datetime.time)):
            return obj.isoformat().encode()
        if isinstance(obj, (list, tuple)):
            return self._digest(obj)
        if isinstance(obj, dict):
            return self._digest(obj.items())
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return self.to_bytes(dataclasses.asdict(obj))
        if isinstance(obj, enum.Enum):
            return str(obj).encode()
        if fqn_type(obj) == "numpy.ndarray":
            return self._digest((obj.shape, str(obj.dtype), obj.tobytes()))
        if fqn_type(obj) in _PANDAS_HASHED:
            # pandas is loaded (obj is one of its objects); looked up, not imported,
            # so that minilit does not depend on it.
            pd: Any = sys.modules["pandas"]
            return self._digest((pd.util.hash_pandas_object(obj).to_numpy().tobytes(),))
        if isinstance(obj, re.Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        if inspect.isbuiltin(obj) or inspect.ismodule(obj) or inspect.isclass(obj):
            return obj.__name__.encode()
        if isinstance(obj, functools.partial):
            return self._digest((obj.func, obj.args, obj.keywords))
        # The last resort, as in 1.67: what pickle would store for it.
        try:
            reduced = obj.__reduce__()
        except Exception as exc:
            raise UnhashableTypeError() from exc
        return self._digest(reduced if isinstance(reduced, tuple) else (reduced,))
