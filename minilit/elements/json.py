"""st.json: an expandable view of JSON data.

Mirrors: streamlit/elements/json.py (JsonMixin). As in 1.67, a namedtuple becomes a
dict of its fields, a mapping proxy, ChainMap, UserDict or Pydantic model a dict, and a
list-like (tuple, set, range, map, enumerate, deque, dict views...) a list; inside,
a set is written as a list and anything else JSON lacks as its ``repr()``. minilit's own
dict-likes (``st.session_state``, ``st.query_params``) are written as their ``to_dict()``.
"""

from __future__ import annotations

import array
import json as _json
import types
from collections import ChainMap, UserDict, UserList, deque
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from enum import EnumMeta
from typing import TYPE_CHECKING

from minilit.elements.layout_utils import Width, width_config
from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Json

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class JsonMixin(DGMixin):
    def json(
        self, body: object, *, expanded: bool = True, width: Width = "stretch"
    ) -> DeltaGenerator:
        """Show ``body`` (a dict, list, or JSON string) as a JSON tree."""
        width_cfg = width_config(width)
        text = body if isinstance(body, str) else _json.dumps(_plain(body), default=_fallback)
        return self.dg._enqueue("json", Json(body=text, expanded=expanded), width=width_cfg)


_LIST_LIKE = (
    list,
    set,
    tuple,
    array.ArrayType,
    deque,
    EnumMeta,
    enumerate,
    frozenset,
    ItemsView,
    KeysView,
    map,
    range,
    UserList,
    ValuesView,
)


def _plain(body: object) -> object:
    """``body`` as the dict or list 1.67 serializes in its place."""
    if (
        isinstance(body, Mapping)
        and type(body).__module__.startswith("minilit")
        and callable(getattr(body, "to_dict", None))
    ):
        return body.to_dict()  # type: ignore[attr-defined]
    if isinstance(body, tuple) and callable(getattr(body, "_asdict", None)):
        return body._asdict()  # type: ignore[attr-defined]
    if isinstance(body, ChainMap | types.MappingProxyType | UserDict):
        return dict(body)
    if hasattr(body, "model_dump") and not isinstance(body, type):
        return dict(body)  # type: ignore[call-overload]
    if isinstance(body, _LIST_LIKE):
        items = list(body)
        if items and all(hasattr(i, "model_dump") for i in items):
            return [i.model_dump() for i in items]
        return items
    return body


def _fallback(obj: object) -> object:
    """What json.dumps writes for a value JSON has no type for (1.67's rule)."""
    return list(obj) if isinstance(obj, set) else repr(obj)
