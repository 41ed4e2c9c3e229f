"""The errors a cached function can raise, with Streamlit 1.67's messages.

Mirrors: streamlit/runtime/caching/cache_errors.py (UnhashableTypeError,
UnhashableParamError, UnserializableReturnValueError, BadTTLStringError from
streamlit/errors.py). Simplified: no async or widget-replay errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from minilit.errors import MinilitAPIException
from minilit.runtime.caching.cache_type import CacheType

CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"


class UnhashableTypeError(Exception):
    """An object the argument hasher cannot turn into bytes (runtime/caching/hashing.py)."""


class CacheError(Exception):
    """A value could not be stored or read back (e.g. it does not pickle)."""


def fqn_type(obj: object) -> str:
    """``module.QualName`` of an object's type, as 1.67's type_util.get_fqn_type."""
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def cached_func_name_md(func: Any) -> str:
    if hasattr(func, "__name__"):
        return f"`{func.__name__}()`"
    return f"`{type(func).__name__}`"


class UnhashableParamError(MinilitAPIException):
    """An argument of a cached function cannot be hashed; the message names it."""

    streamlit_name = "streamlit.runtime.caching.cache_errors.UnhashableParamError"

    def __init__(
        self,
        cache_type: CacheType,
        func: Callable[..., Any],
        arg_name: str | None,
        arg_value: Any,
    ) -> None:
        name = arg_name if arg_name is not None else "(unnamed)"
        func_name = getattr(func, "__name__", "unknown")
        replacement = f"_{arg_name}" if arg_name is not None else "_arg"
        # The text is 1.67's word for word: the fix it proposes is the leading underscore.
        super().__init__(
            f"Cannot hash argument '{name}' (of type `{fqn_type(arg_value)}`) in "
            f"'{func_name}'.\n\n"
            "To address this, you can tell Streamlit not to hash this argument by adding a\n"
            "leading underscore to the argument's name in the function signature:\n\n"
            "```\n"
            f"@st.{cache_type.value}\n"
            f"def {func_name}({replacement}, ...):\n"
            "    ...\n"
            "```"
        )


class UnserializableReturnValueError(MinilitAPIException):
    """st.cache_data's function returned something pickle cannot store."""

    streamlit_name = "streamlit.runtime.caching.cache_errors.UnserializableReturnValueError"

    def __init__(self, func: Callable[..., Any], return_value: Any) -> None:
        value_type = (
            f"`{return_value.__module__}.{type(return_value).__name__}`"
            if hasattr(return_value, "__module__")
            else cached_func_name_md(return_value)
        )
        super().__init__(
            f"Cannot serialize the return value (of type {value_type}) in "
            f"{cached_func_name_md(func)}. `st.cache_data` uses "
            "[pickle](https://docs.python.org/3/library/pickle.html) to serialize the "
            "function's return value and safely store it in the cache without mutating "
            "the original object. Please convert the return value to a pickle-serializable "
            "type. If you want to cache unserializable objects such as database connections "
            "or Tensorflow sessions, use `st.cache_resource` instead (see "
            f"[our docs]({CACHE_DOCS_URL}) for differences)."
        )


class BadTimeStringError(MinilitAPIException):
    """A ttl string minilit cannot read (Streamlit: StreamlitBadTimeStringError)."""

    streamlit_name = "StreamlitBadTimeStringError"

    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as "
            f"`'1d2h34m'` or `2 days`, for example. Got: {time_string}"
        )
