"""``st.query_params``: one object for every session, finding "its" session per call.

Mirrors: streamlit/runtime/state/query_params_proxy.py (QueryParamsProxy). Like
``st.session_state``'s proxy it holds no data: every access goes to the QueryParams of the
ScriptRunContext on the current thread (runtime/state/query_params.py). Outside a script
run there is no page, so the proxy reads and writes a detached, empty QueryParams that
sends nothing.

    st.query_params["page"]              the last value of ?page=...; KeyError if absent
    st.query_params.page                 the same; AttributeError if absent
    st.query_params["page"] = "2"        sets it; the browser's address changes
    st.query_params.get_all("tag")       every value of a repeated key
    st.query_params.clear()              removes them all

Receives: calls from user scripts. Hands to: QueryParams.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping

from minilit.runtime.state.query_params import (
    QueryParams,
    QueryParamsInput,
    QueryParamValue,
    missing_key_error_message,
)
from minilit.scriptrunner.script_run_context import get_script_run_ctx

_DETACHED = QueryParams()


def _query_params() -> QueryParams:
    ctx = get_script_run_ctx()
    return _DETACHED if ctx is None else ctx.query_params


class QueryParamsProxy(MutableMapping[str, str]):
    """The ``st.query_params`` object."""

    def __iter__(self) -> Iterator[str]:
        return iter(_query_params())

    def __len__(self) -> int:
        return len(_query_params())

    def __str__(self) -> str:
        return str(_query_params())

    def __getitem__(self, key: str) -> str:
        return _query_params()[key]

    def __setitem__(self, key: str, value: QueryParamValue) -> None:
        _query_params()[key] = value

    def __delitem__(self, key: str) -> None:
        del _query_params()[key]

    def __getattr__(self, key: str) -> str:
        try:
            return _query_params()[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: QueryParamValue) -> None:
        _query_params()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del _query_params()[key]
        except KeyError:
            raise AttributeError(missing_key_error_message(key)) from None

    def update(  # type: ignore[override]
        self, params: QueryParamsInput = (), /, **kwds: QueryParamValue
    ) -> None:
        """Set several parameters at once (one address change)."""
        _query_params().update(params, **kwds)

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (a key may repeat in a URL); [] when absent."""
        return _query_params().get_all(key)

    def clear(self) -> None:
        """Remove every query parameter."""
        _query_params().clear()

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict (the last value of a repeated key)."""
        return _query_params().to_dict()

    def from_dict(self, params: QueryParamsInput) -> None:
        """Replace every parameter with ``params`` (one address change)."""
        _query_params().from_dict(params)
