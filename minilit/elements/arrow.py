"""st.dataframe: a table the browser can scroll, sent as Arrow bytes.

Mirrors: streamlit/elements/arrow.py (ArrowMixin.dataframe) and the parts of
streamlit/elements/lib/column_config_utils.py that st.dataframe needs
(process_config_mapping, apply_data_specific_configs, marshall_column_config).

What 1.67 fills in the Dataframe message, and minilit with it: ``arrow_data.data``
(the table as Arrow IPC stream bytes, see minilit/dataframe_util.py), ``columns``
(the column config as JSON, ``"{}"`` when there is none; the index is the column
``"_index"``), ``column_order``, ``editing_mode`` READ_ONLY, ``row_height``,
``placeholder``; width in ``Element.width_config`` ("stretch" by default), height in
``Element.height_config`` only when it is not "auto". Simplified: no selections
(``on_select``, ``key``), no lazy loading, no pandas Styler styles (a Styler shows
as its data), and ``column_config`` takes only what can be said in JSON (a label
string, None to hide, or a dict of 1.67's column properties), not the
``st.column_config`` helpers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from minilit import dataframe_util
from minilit.elements.layout_utils import (
    Height,
    Width,
    height_config,
    use_container_width_to_width,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Arrow_pb2 import Dataframe

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

INDEX_IDENTIFIER = "_index"
"""The column config key of the index column (1.67's INDEX_IDENTIFIER)."""

_NUMERICAL_POSITION_PREFIX = "_pos:"


def process_config_mapping(column_config: Mapping[Any, Any] | None) -> dict[Any, dict[str, Any]]:
    """1.67's shorthand: a string is the column's label, None hides the column."""
    mapping: dict[Any, dict[str, Any]] = {}
    for column, config in (column_config or {}).items():
        if config is None:
            mapping[column] = {"hidden": True}
        elif isinstance(config, str):
            mapping[column] = {"label": config}
        elif isinstance(config, Mapping):
            mapping[column] = dict(config)
        else:
            raise MinilitAPIException(
                f"Invalid column config for column `{column}`: expected a string, None "
                f"or a dict, got {type(config).__name__}."
            )
    return mapping


def column_config_json(mapping: dict[Any, dict[str, Any]]) -> str:
    """The ``Dataframe.columns`` text: None values left out, integer keys as positions."""
    cleaned = {
        (f"{_NUMERICAL_POSITION_PREFIX}{key}" if isinstance(key, int) else key): {
            k: v for k, v in config.items() if v is not None
        }
        for key, config in mapping.items()
    }
    try:
        return json.dumps(cleaned, allow_nan=False)
    except ValueError as ex:
        raise MinilitAPIException(
            f"The provided column config cannot be serialized into JSON: {ex}"
        ) from ex


def _hide_index(mapping: dict[Any, dict[str, Any]], hidden: bool) -> None:
    mapping.setdefault(INDEX_IDENTIFIER, {})["hidden"] = hidden


class ArrowMixin(DGMixin):
    def dataframe(
        self,
        data: object = None,
        width: Width = "stretch",
        height: Height = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Mapping[Any, Any] | None = None,
        row_height: int | None = None,
        placeholder: str | None = None,
    ) -> DeltaGenerator:
        """Show ``data`` (a DataFrame, Series, array, pyarrow Table, list of dicts,
        dict of lists, ...) as a table."""
        import pyarrow as pa

        width = use_container_width_to_width(use_container_width, width)
        width_cfg = width_config(width, allow_content=True)
        height_cfg = None if height == "auto" else height_config(height, allow_content=True)

        mapping = process_config_mapping(column_config)
        proto = Dataframe()
        if row_height:
            proto.row_height = row_height
        if column_order:
            proto.column_order[:] = list(column_order)
        if placeholder is not None:
            proto.placeholder = placeholder
        proto.editing_mode = Dataframe.EditingMode.READ_ONLY

        if isinstance(data, pa.Table):
            proto.arrow_data.data = dataframe_util.convert_arrow_table_to_arrow_bytes(data)
        else:
            data_format = dataframe_util.determine_data_format(data)
            df = dataframe_util.convert_anything_to_pandas_df(data)
            if data_format in dataframe_util.INDEX_HIDDEN_FORMATS:
                _hide_index(mapping, True)
            proto.arrow_data.data = dataframe_util.convert_pandas_df_to_arrow_bytes(df)
        if hide_index is not None:
            _hide_index(mapping, hide_index)
        proto.columns = column_config_json(mapping)
        return self.dg._enqueue("dataframe", proto, width=width_cfg, height=height_cfg)
