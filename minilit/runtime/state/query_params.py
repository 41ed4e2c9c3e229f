"""QueryParams: the page URL's query string as a dict of the session's script run.

Mirrors: streamlit/runtime/state/query_params.py (QueryParams). At the start of every run
the query string the browser sent (``BackMsg.rerun_script.query_string``) is parsed into
this dict (``populate``); reading ``st.query_params`` reads it, and every change the script
makes (set, delete, update, clear, from_dict) sends one ``ForwardMsg.page_info_changed``
carrying the whole new query string, on which the browser rewrites its address bar. The
next ``rerun_script`` then carries the new string. A key repeated in the URL keeps all its
values (``get_all``); item access gives the last one, as in 1.67.

``embed`` and ``embed_options`` are Streamlit's own parameters: hidden from the script and
refused when set, as in 1.67. Simplified: no widget binding (``bind="query-params"``), no
per-page filtering (minilit has one page), no limits on the query string's size.

Receives: the query string from ScriptRunContext.reset. Hands to: the browser, through
``ctx.enqueue`` (page_info_changed), and ``ctx.query_string`` (what st.rerun sends again).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING
from urllib import parse

from minilit.errors import MinilitAPIException
from minilit.proto.ForwardMsg_pb2 import ForwardMsg

if TYPE_CHECKING:
    from minilit.scriptrunner.script_run_context import ScriptRunContext

EMBED_QUERY_PARAMS_KEYS = ("embed", "embed_options")
"""Parameters Streamlit keeps for itself (how an embedded app looks)."""

QueryParamValue = str | Iterable[str]
QueryParamsInput = Mapping[str, QueryParamValue] | Iterable[tuple[str, QueryParamValue]]


def missing_key_error_message(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def _is_embed(key: str) -> bool:
    return key.lower() in EMBED_QUERY_PARAMS_KEYS


class QueryParams(MutableMapping[str, str]):
    """The query parameters of one session: str keys, a str or a list of str per key."""

    def __init__(self, ctx: ScriptRunContext | None = None) -> None:
        self._query_params: dict[str, list[str] | str] = {}
        self._ctx = ctx

    def populate(self, query_string: str) -> None:
        """Replace every parameter with those of ``query_string`` (no message sent)."""
        parsed = parse.parse_qs(query_string, keep_blank_values=True)
        # One value stays a str, as 1.67 stores it; repeated keys keep their list.
        self._query_params = {k: v[0] if len(v) == 1 else v for k, v in parsed.items()}

    # --- reading ---------------------------------------------------------------------------

    def __iter__(self) -> Iterator[str]:
        return iter([key for key in self._query_params if not _is_embed(key)])

    def __len__(self) -> int:
        return sum(1 for key in self._query_params if not _is_embed(key))

    def __str__(self) -> str:
        return str(self._query_params)

    def __getitem__(self, key: str) -> str:
        if _is_embed(key) or key not in self._query_params:
            raise KeyError(missing_key_error_message(key))
        value = self._query_params[key]
        if isinstance(value, list):
            return value[-1] if value else ""
        return value

    def get_all(self, key: str) -> list[str]:
        if key not in self._query_params or _is_embed(key):
            return []
        value = self._query_params[key]
        return list(value) if isinstance(value, list) else [value]

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}

    # --- writing: each call sends the whole new query string -------------------------------

    def __setitem__(self, key: str, value: QueryParamValue) -> None:
        self._set_item(key, value)
        self._send_query_param_msg()

    def __delitem__(self, key: str) -> None:
        if _is_embed(key) or key not in self._query_params:
            raise KeyError(missing_key_error_message(key))
        del self._query_params[key]
        self._send_query_param_msg()

    def update(  # type: ignore[override]
        self, other: QueryParamsInput = (), /, **kwds: QueryParamValue
    ) -> None:
        """Set several parameters with one message (``dict.update``'s arguments)."""
        for key, value in [*_pairs(other), *kwds.items()]:
            self._set_item(key, value)
        self._send_query_param_msg()

    def clear(self) -> None:
        """Remove every parameter but Streamlit's own (``embed``)."""
        self._clear_keeping_embed()
        self._send_query_param_msg()

    def from_dict(self, params: QueryParamsInput) -> None:
        """Replace every parameter; on a bad value nothing changes and nothing is sent."""
        old = dict(self._query_params)
        self._clear_keeping_embed()
        try:
            self.update(params)
        except MinilitAPIException:
            self._query_params = old
            raise

    def _clear_keeping_embed(self) -> None:
        self._query_params = {k: v for k, v in self._query_params.items() if _is_embed(k)}

    def _set_item(self, key: str, value: QueryParamValue) -> None:
        if isinstance(value, dict):
            raise MinilitAPIException(
                f"Query param value for `{key}` cannot be set to a dictionary. "
                "Provide a string or iterable of strings instead."
            )
        if _is_embed(key):
            raise MinilitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set "
                "programmatically."
            )
        if isinstance(value, Iterable) and not isinstance(value, str):
            self._query_params[key] = [str(item) for item in value]
        else:
            # 1.67 stores str(value): st.query_params["n"] = 3 reads back as "3".
            self._query_params[key] = str(value)

    def _send_query_param_msg(self) -> None:
        ctx = self._ctx
        if ctx is None:
            return
        msg = ForwardMsg()
        msg.page_info_changed.query_string = parse.urlencode(self._query_params, doseq=True)
        # st.rerun() and the next run of this thread start from the new string.
        ctx.query_string = msg.page_info_changed.query_string
        ctx.enqueue(msg)


def _pairs(other: QueryParamsInput) -> list[tuple[str, QueryParamValue]]:
    if isinstance(other, Mapping):
        return [(key, other[key]) for key in other]
    return list(other)
