"""st.json: an expandable view of JSON data.

Mirrors: streamlit/elements/json.py (JsonMixin). Objects that are not JSON
serializable are shown with ``str()``, as Streamlit does.
"""

from __future__ import annotations

import json as _json
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
        text = body if isinstance(body, str) else _json.dumps(body, default=str)
        return self.dg._enqueue("json", Json(body=text, expanded=expanded), width=width_cfg)
