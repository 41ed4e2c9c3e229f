"""st.table: a static table, every row on the page.

Mirrors: streamlit/elements/table.py (TableMixin.table, marshall_table,
_compute_hide_index, _compute_hide_header). The data goes through the same
conversion as st.dataframe (minilit/dataframe_util.py). 1.67 hides the index when it
is pandas' default RangeIndex, and the header for data without column names (a list
of values, a numpy array, ...). Simplified: a pandas Styler shows as its data, without its styles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from minilit import dataframe_util
from minilit.elements.layout_utils import (
    Height,
    InvalidValueError,
    Width,
    height_config,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.proto.Arrow_pb2 import Table

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_HIDE_HEADER_FORMATS = frozenset(
    {
        dataframe_util.DataFormat.KEY_VALUE_DICT,
        dataframe_util.DataFormat.LIST_OF_ROWS,
        dataframe_util.DataFormat.LIST_OF_VALUES,
        dataframe_util.DataFormat.NUMPY_LIST,
        dataframe_util.DataFormat.NUMPY_MATRIX,
        dataframe_util.DataFormat.SET_OF_VALUES,
        dataframe_util.DataFormat.TUPLE_OF_VALUES,
        dataframe_util.DataFormat.PANDAS_ARRAY,
        dataframe_util.DataFormat.PYARROW_ARRAY,
    }
)


def parse_border_mode(border: object) -> Table.BorderMode:
    """``border`` (True, False or "horizontal") as Table.BorderMode."""
    if isinstance(border, bool):
        return Table.BorderMode.ALL if border else Table.BorderMode.NONE
    if border == "horizontal":
        return Table.BorderMode.HORIZONTAL
    raise InvalidValueError("border", ["True", "False", "'horizontal'"])


class TableMixin(DGMixin):
    def table(
        self,
        data: object = None,
        *,
        border: bool | Literal["horizontal"] = True,
        width: Width = "stretch",
        height: Height = "content",
        hide_index: bool | None = None,
        hide_header: bool | None = None,
    ) -> DeltaGenerator:
        """Show ``data`` as a static table."""
        import pyarrow as pa

        width_cfg = width_config(width, allow_content=True)
        height_cfg = height_config(height, allow_content=True)
        border_mode = parse_border_mode(border)
        data_format = dataframe_util.determine_data_format(data)

        proto = Table()
        if isinstance(data, pa.Table):
            proto.arrow_data.data = dataframe_util.convert_arrow_table_to_arrow_bytes(data)
            # A pyarrow Table becomes a DataFrame with a RangeIndex in 1.67's check.
            hidden = True if hide_index is None else hide_index
        else:
            df = dataframe_util.convert_anything_to_pandas_df(data)
            proto.arrow_data.data = dataframe_util.convert_pandas_df_to_arrow_bytes(df)
            hidden = dataframe_util.has_range_index(df) if hide_index is None else hide_index
        proto.border_mode = border_mode
        proto.hide_index = hidden
        proto.hide_header = (
            data_format in _HIDE_HEADER_FORMATS if hide_header is None else bool(hide_header)
        )
        return self.dg._enqueue("table", proto, width=width_cfg, height=height_cfg)
